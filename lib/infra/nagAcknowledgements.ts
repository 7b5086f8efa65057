import { Validations, type CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
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

  // The S3 grants (grantRead/grantReadWrite/grantPut/grantDelete) scope every action to the one
  // recordings bucket; objects are keyed per tenant and meeting at run time, so "<bucket>/*"
  // and CDK's action families (GetObject*, …) are as narrow as a deploy-time policy can be.
  const bucketArn = `Resource::<${logicalId(stack.bucket)}.Arn>/*`;
  for (const finding of [bucketArn, 'Action::s3:GetObject*', 'Action::s3:GetBucket*', 'Action::s3:List*', 'Action::s3:Abort*', 'Action::s3:DeleteObject*']) {
    ack(stack, `AwsSolutions-IAM5[${finding}]`, 'CDK bucket grants, scoped to the recordings bucket and its objects; object keys are only known at run time');
  }

  // The state machine may invoke any version or alias of each step function (CDK's grantInvoke
  // adds "<arn>:*"), and writes X-Ray traces and log deliveries, which take no resource.
  const machineRole = stack.stateMachine.role;
  for (const step of Object.values(stack.functions)) {
    ack(machineRole, `AwsSolutions-IAM5[Resource::<${logicalId(step.function)}.Arn>:*]`, 'Invoking a version or alias of this one step function');
  }
  ack(machineRole, 'AwsSolutions-IAM5[Resource::*]', 'X-Ray (PutTraceSegments, PutTelemetryRecords) and CloudWatch Logs delivery actions support no resource scoping');

  // AwsSolutions-SF1: the state machine logs ERROR, not ALL. Each step records its progress in
  // steps/<step>.json and failures in status.json; ALL would log every state transition at cost.
  ack(stack.stateMachine, 'AwsSolutions-SF1', 'Errors are logged; progress and failures are recorded beside each recording; full history is in Step Functions');

  // AwsSolutions-SMG4: the secret holds third-party API keys (Deepgram, OpenAI, Pinecone,
  // LiveKit); they are rotated at each provider and put with put-secret-value, not by a rotation Lambda.
  ack(stack.providerSecret.secret, 'AwsSolutions-SMG4', 'Third-party API keys: rotated at the provider, then stored with put-secret-value');

  // AwsSolutions-APIG4: authentication is the app's, per route: LiveKit signs webhooks (JWT over
  // the body's hash), Deepgram callbacks carry an HMAC-signed URL, /api requires an API key.
  ack(stack.http.api, 'AwsSolutions-APIG4', 'Every route authenticates in the app: signed webhooks, HMAC-signed callbacks, API keys on /api');

  // CDK's own singleton that configures bucket notifications uses the basic execution policy.
  const notificationsHandler = stack.node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
  if (notificationsHandler !== undefined) {
    ack(notificationsHandler, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', 'CDK-managed custom resource that sets the bucket notifications; it only writes its own logs');
  }
}
