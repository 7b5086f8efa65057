import { Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { LiveRelay } from './LiveRelay.js';
import type { PostCallStack } from './PostCallStack.js';

/**
 * Every cdk-nag (AwsSolutions) finding this stack accepts, each with the granular id it
 * acknowledges and why. Acknowledgements sit on the narrowest construct that has the finding,
 * so the same kind of finding anywhere else still fails synth.
 */
export function acknowledgeNagFindings(stack: PostCallStack): void {
  const ack = (scope: IConstruct, id: string, reason: string) => Validations.of(scope).acknowledge({ id, reason });
  const logicalId = (element: IConstruct): string => stack.resolve(stack.getLogicalId(element.node.defaultChild as CfnElement)) as string;

  // AwsSolutions-S1: server access logs on the recordings bucket. Only this stack's roles read
  // and write it (public access is blocked, TLS enforced); CloudTrail S3 data events are the
  // audit trail where one is required, and a log bucket would itself need this finding.
  ack(stack.bucket, 'AwsSolutions-S1', 'Only the stack roles touch the bucket; use CloudTrail S3 data events for an audit trail');

  // Each role's wildcard S3 patterns are acknowledged where they are granted (bucketAccess.ts), on
  // that role alone, naming the actions and the pattern.

  // The state machine may invoke any version or alias of each step function (CDK's grantInvoke
  // adds "<arn>:*"), and writes X-Ray traces and log deliveries, which take no resource.
  const machineRole = stack.stateMachine.role;
  for (const step of Object.values(stack.functions)) {
    ack(machineRole, `AwsSolutions-IAM5[Resource::<${logicalId(step.function)}.Arn>:*]`, 'Invoking a version or alias of this one step function');
  }
  ack(machineRole, 'AwsSolutions-IAM5[Resource::*]', 'X-Ray (PutTraceSegments, PutTelemetryRecords) and CloudWatch Logs delivery actions support no resource scoping');

  // The API describes this state machine's executions (is the meeting's run still going?); their
  // names carry the meeting and file versions, so the resource is the machine's execution prefix.
  ack(stack.http.handler.function, `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${logicalId(stack.stateMachine)}"}]}]}:*]`, 'states:DescribeExecution only, on the executions of this one state machine (names vary per meeting and file version)');
  // The retention sweep asks the same question before it erases a meeting.
  ack(stack.retentionSweep.function, `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${logicalId(stack.stateMachine)}"}]}]}:*]`, 'states:DescribeExecution only, on the executions of this one state machine (names vary per meeting and file version)');
  // With a customer-managed key, CDK's queue grants give producers and consumers the key's data-key
  // actions (kms:GenerateDataKey*, kms:ReEncrypt*), scoped to that one key.
  if (stack.encryptionKey !== undefined) {
    for (const fn of [stack.functions.Publish.function, stack.http.handler.function, stack.s3Event.function, stack.delivery.consumer.function]) {
      for (const action of ['kms:ReEncrypt*', 'kms:GenerateDataKey*']) ack(fn, `AwsSolutions-IAM5[Action::${action}]`, `${action} on the stack's one customer-managed key, as CDK's SQS grants require for an SSE-KMS queue`);
    }
  }

  // AwsSolutions-SF1: the state machine logs ERROR, not ALL. Each step records its progress in
  // steps/<step>.json and failures in status.json; ALL would log every state transition at cost.
  ack(stack.stateMachine, 'AwsSolutions-SF1', 'Errors are logged; progress and failures are recorded beside each recording; full history is in Step Functions');

  // AwsSolutions-SMG4: the secret holds third-party API keys (Deepgram, OpenAI, Pinecone,
  // LiveKit); they are rotated at each provider and put with put-secret-value, not by a rotation Lambda.
  ack(stack.providerSecret.secret, 'AwsSolutions-SMG4', 'Third-party API keys: rotated at the provider, then stored with put-secret-value');

  // AwsSolutions-APIG4: authentication is the app's, per route: LiveKit signs webhooks (JWT over
  // the body's hash), Deepgram callbacks carry an HMAC-signed URL, /api requires an API key.
  ack(stack.http.api, 'AwsSolutions-APIG4', 'Every route authenticates in the app: signed webhooks, HMAC-signed callbacks, API keys on /api');

  // CDK's own singletons (bucket notifications, the web UI's BucketDeployment) use the basic execution policy.
  const basicExecution = 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';
  const notificationsHandler = stack.node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
  if (notificationsHandler !== undefined) {
    ack(notificationsHandler, basicExecution, 'CDK-managed custom resource that sets the bucket notifications; it only writes its own logs');
  }

  // AwsSolutions-SQS3: the S3-event on-failure queue is itself where failed events end up (a
  // dead-letter queue of its own would hold nothing); any message in it alarms.
  ack(stack.s3EventFailures, 'AwsSolutions-SQS3', 'This queue is the S3 intake function\'s on-failure destination: the end of the line, alarmed on its depth');

  acknowledgeWebUiFindings(stack, ack, basicExecution);
  // AwsSolutions-CFR5: without relayCertificateArn/relayDomainName the relay's paths reach its load
  // balancer over HTTP (the balancer's AWS host name can carry no certificate of ours). Browsers still
  // get TLS from CloudFront, and the balancer admits only CloudFront with the origin secret (docs/security.md).
  if (stack.relay !== undefined && !stack.relay.origin.https) {
    ack(stack.webUi.distribution, 'AwsSolutions-CFR5', 'Relay origin over HTTP to the load balancer (no relay certificate given); viewers use HTTPS/WSS to CloudFront, the balancer admits only CloudFront with the origin secret');
  }
  if (stack.relay !== undefined) acknowledgeRelayFindings(stack.relay, ack);
}

type Ack = (scope: IConstruct, id: string, reason: string) => void;

/** The id CDK gives the one function behind every AwsCustomResource in a stack. */
const AWS_CUSTOM_RESOURCE_SINGLETON = 'AWS679f53fac002430cb0da5b7982bd2287';

function acknowledgeWebUiFindings(stack: PostCallStack, ack: Ack, basicExecution: string): void {
  const { webUi } = stack;
  // AwsSolutions-S1 / CFR3: the site bucket holds only the built UI, written by the deployment;
  // CloudFront reaches it through OAC. Logging every page load would need a log bucket (itself S1).
  ack(webUi.bucket, 'AwsSolutions-S1', 'Static UI files written only by the deployment; read only by CloudFront through OAC');
  ack(webUi.distribution, 'AwsSolutions-CFR3', 'Standard logs are optional: the API behind /api/* has its own access logs in API Gateway');
  // AwsSolutions-CFR4: with the default *.cloudfront.net certificate CloudFront fixes the viewer
  // policy at TLSv1; a custom domain with an ACM certificate can raise it to TLSv1.2_2021 (README).
  // AwsSolutions-CFR1 / CFR2: the UI is for a deployment's own users wherever they are; every API
  // call needs an API key and API Gateway throttles the stage. Add geo rules or WAF (about $5/month
  // plus $1 per rule) where policy asks for them.
  ack(webUi.distribution, 'AwsSolutions-CFR1', 'Users may be anywhere; nothing is served without an API key but the static UI');
  ack(webUi.distribution, 'AwsSolutions-CFR2', 'API keys on every API call and stage throttling; WAF is an optional, billed addition');
  ack(webUi.distribution, 'AwsSolutions-CFR4', 'Default CloudFront certificate: its security policy cannot be changed without a custom domain');

  // The BucketDeployment's CDK-managed function: reads the CDK asset bucket, writes the site
  // bucket, and invalidates the distribution (CloudFront invalidation actions take no resource).
  const deployment = stack.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (deployment !== undefined) {
    ack(deployment, basicExecution, 'CDK-managed BucketDeployment function; it only writes its own logs');
    ack(deployment, 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]', 'Reads the UI files CDK uploaded to its own asset bucket');
    ack(deployment, `AwsSolutions-IAM5[Resource::<${stack.resolve(stack.getLogicalId(webUi.bucket.node.defaultChild as CfnElement)) as string}.Arn>/*]`, 'Writes the UI files into the site bucket');
    ack(deployment, 'AwsSolutions-IAM5[Resource::*]', 'cloudfront:CreateInvalidation and GetInvalidation as granted by CDK for the distribution');
    // CDK's BucketDeployment grants action families (s3:GetObject*, s3:List*, …) on the asset bucket and the site bucket only.
    for (const action of ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*']) {
      ack(deployment, `AwsSolutions-IAM5[Action::${action}]`, `CDK's BucketDeployment grants ${action} on the CDK asset bucket and the UI site bucket only`);
    }
    ack(deployment, 'AwsSolutions-L1', 'CDK-managed function; its runtime is chosen by aws-cdk-lib');
  }
}

function acknowledgeRelayFindings(relay: LiveRelay, ack: Ack): void {
  // AwsSolutions-VPC7: the VPC only hosts the relay and its load balancer; flow logs would be
  // billed per GB for no audit need here (enable them if your organisation requires it).
  ack(relay.vpc, 'AwsSolutions-VPC7', 'Single-service VPC for the relay; flow logs are an optional, per-GB cost');
  // AwsSolutions-ELB2: access logs would need a log bucket (itself S1); the balancer admits only
  // CloudFront with the origin secret, and the relay logs its sessions to CloudWatch.
  ack(relay.loadBalancer, 'AwsSolutions-ELB2', 'Only CloudFront reaches this balancer (prefix list and origin secret); the relay logs its sessions to CloudWatch');
  // AwsSolutions-ECS2: the plain environment holds only the port, the bucket name and the log
  // service name; every credential (Deepgram, OpenAI) is an ECS secret from Secrets Manager.
  ack(relay.taskDefinition, 'AwsSolutions-ECS2', 'Non-secret settings only; provider keys are injected as ECS secrets');
  // AwsSolutions-SMG4: the origin secret is rotated by a deploy with a higher relayOriginSecretGeneration
  // (docs/security.md), which replaces the secret and both places that use it; no rotation Lambda.
  ack(relay.originSecret, 'AwsSolutions-SMG4', 'Rotated by deploying with -c relayOriginSecretGeneration=<n+1>, which replaces it in CloudFront and the listener rule together');
  // The lookup of CloudFront's prefix list id at deploy time: its policy allows one action, which
  // takes no resource; the CDK-managed function behind it writes only its own logs.
  ack(relay.prefixListLookup, 'AwsSolutions-IAM5[Resource::*]', 'ec2:DescribeManagedPrefixLists (the only action allowed) supports no resource scoping');
  const lookup = Stack.of(relay).node.tryFindChild(AWS_CUSTOM_RESOURCE_SINGLETON);
  if (lookup !== undefined) {
    ack(lookup, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', 'CDK-managed AwsCustomResource function; it only writes its own logs');
    ack(lookup, 'AwsSolutions-L1', 'CDK-managed function; its runtime is chosen by aws-cdk-lib');
  }
  // The execution role pulls the image: ecr:GetAuthorizationToken supports no resource scoping.
  const executionRole = relay.taskDefinition.executionRole;
  if (executionRole !== undefined) ack(executionRole, 'AwsSolutions-IAM5[Resource::*]', 'ecr:GetAuthorizationToken takes no resource');
}
