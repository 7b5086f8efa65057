import { ArnFormat, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, EventType, StorageClass, type LifecycleRule } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { WEB_DIST_DIR } from '../web/buildWeb.js';
import { TASK_FUNCTION_NAMES, WORKFLOW_STEPS, type TaskFunctionName } from '../app/steps/workflowSteps.js';
import { readPostCallDefinitionText } from '../stateMachine/postCallDefinition.js';
import { Alarms } from './Alarms.js';
import { BUCKET_ACCESS, grantBucketAccess } from './bucketAccess.js';
import { HttpApi } from './HttpApi.js';
import { LiveRelay, RELAY_PATHS } from './LiveRelay.js';
import { MeetingDashboard } from './MeetingDashboard.js';
import { acknowledgeNagFindings } from './nagAcknowledgements.js';
import { ProviderSecret } from './ProviderSecret.js';
import { MEDIA_EXTENSIONS } from '../domain/intake/recordingEvent.js';
import { TRANSCRIPTION_RESULT_SUFFIX } from '../domain/meetings/resultKeys.js';
import { addAdotCollector } from './adotCollector.js';
import { stackOptionsFrom, type StackOptions } from './stackOptions.js';
import { StepFunctionLambda } from './StepFunctionLambda.js';
import { WebhookDelivery } from './WebhookDelivery.js';
import { WebUi } from './WebUi.js';
import { customerManagedKey } from './CustomerKey.js';
import { queueEncryption } from './queueEncryption.js';

/** The steps that call providers: the only ones that may read the provider keys. */
export const STEPS_READING_SECRET: readonly TaskFunctionName[] = TASK_FUNCTION_NAMES.filter((name) => WORKFLOW_STEPS[name].readsProviderKeys === true);

/**
 * The suffixes S3 notifies the workflow of: the domain's media extensions. S3 suffix filters are
 * case-sensitive; results and transcripts written beside recordings never invoke the function.
 */
export const RECORDING_SUFFIXES: readonly string[] = [...MEDIA_EXTENSIONS].map((extension) => `.${extension}`);

/**
 * Also notified: WebVTT and SRT transcripts beside recordings, so a new transcript reruns its
 * recording. Not ".json": every result and control record ends in it (a JSON sidecar replaced
 * on AWS needs a reprocess). And the one JSON file a provider PUTs beside a recording
 * (`….aftercall/steps/transcribe.result.json`): it completes a transcription, never starts a run.
 */
export const NOTIFIED_SUFFIXES: readonly string[] = [...RECORDING_SUFFIXES, '.vtt', '.srt', TRANSCRIPTION_RESULT_SUFFIX];

export type { TaskFunctionName };

/**
 * CRM deliveries back off up to an hour between attempts for a day; a message older than this
 * means a receiver has failed for hours or the consumer is not running: worth a look.
 */
export const CRM_QUEUE_MAX_AGE = Duration.hours(2);

export interface PostCallStackProps extends StackProps {
  /** The built web UI (default web/dist; bin/cdk.ts builds it before synth). */
  webDistDir?: string;
}

/**
 * The recordings bucket's lifecycle: old versions (replaced results, deleted meetings) go after
 * `noncurrentVersionDays`, delete markers left alone are removed, unfinished multipart uploads are
 * aborted after 7 days; optionally everything moves to Standard-IA (objects under 128 KB, like the
 * JSON results, never transition).
 */
export function recordingsLifecycle(options: StackOptions): LifecycleRule[] {
  return [
    {
      id: 'old-versions-and-unfinished-uploads',
      noncurrentVersionExpiration: Duration.days(options.noncurrentVersionDays),
      expiredObjectDeleteMarker: true,
      abortIncompleteMultipartUploadAfter: Duration.days(7),
    },
    ...(options.infrequentAccessAfterDays === undefined
      ? []
      : [{ id: 'infrequent-access', transitions: [{ storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(options.infrequentAccessAfterDays) }] }]),
  ];
}

/**
 * The batch AI plane on AWS: the recordings bucket (stateful, kept on stack deletion), one
 * Lambda per step, and the post-call state machine built from the same ASL file the local
 * runner uses, with each ${<Step>FunctionArn} substituted.
 */
export class PostCallStack extends Stack {
  readonly bucket: Bucket;
  readonly stateMachine: StateMachine;
  readonly functions: Record<TaskFunctionName, StepFunctionLambda>;
  readonly providerSecret: ProviderSecret;
  readonly http: HttpApi;
  readonly s3Event: StepFunctionLambda;
  /** S3 events the intake function gave up on, with the original notification. */
  readonly s3EventFailures: Queue;
  readonly dashboard: MeetingDashboard;
  readonly alarms: Alarms;
  readonly delivery: WebhookDelivery;
  readonly webUi: WebUi;
  /** Absent when deployed with `-c live=false`. */
  readonly relay: LiveRelay | undefined;
  readonly options: StackOptions;
  /** The customer-managed key (`-c kmsKey=create|<arn>`); undefined: AWS-managed encryption. */
  readonly encryptionKey: IKey | undefined;
  readonly retentionSweep: StepFunctionLambda;
  readonly retentionSchedule: Rule;

  constructor(scope: Construct, id: string, props: PostCallStackProps = {}) {
    super(scope, id, props);
    this.options = stackOptionsFrom(this.node);

    this.encryptionKey = customerManagedKey(this, this.options.kmsKey);
    this.bucket = new Bucket(this, 'Recordings', {
      lifecycleRules: recordingsLifecycle(this.options),
      ...(this.encryptionKey === undefined
        ? { encryption: BucketEncryption.S3_MANAGED }
        : { encryption: BucketEncryption.KMS, encryptionKey: this.encryptionKey, bucketKeyEnabled: true }),
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const environment = { AFTERCALL_BUCKET: this.bucket.bucketName };
    this.functions = Object.fromEntries(
      // One Lambda per step, each told its step: the same handler file (lambdas/workflowStep.ts) for all.
      TASK_FUNCTION_NAMES.map((name) => {
        const { memoryMb, timeoutSeconds } = WORKFLOW_STEPS[name].lambda;
        return [name, new StepFunctionLambda(this, `${name}Step`, { entry: 'workflowStep', memoryMb, timeout: Duration.seconds(timeoutSeconds), environment: { ...environment, AFTERCALL_STEP: name } })];
      }),
    ) as Record<TaskFunctionName, StepFunctionLambda>;

    // Least privilege: each step reaches only the kinds of object its code touches (bucketAccess.ts).
    for (const [name, step] of Object.entries(this.functions)) grantBucketAccess(this.bucket, step.function, BUCKET_ACCESS[name as TaskFunctionName]);

    const stateMachineName = `${this.stackName}-post-call`;
    this.stateMachine = new StateMachine(this, 'PostCall', {
      stateMachineName,
      definitionBody: DefinitionBody.fromString(readPostCallDefinitionText()),
      definitionSubstitutions: Object.fromEntries(Object.entries(this.functions).map(([name, fn]) => [`${name}FunctionArn`, fn.function.functionArn])),
      tracingEnabled: true,
      logs: { destination: new LogGroup(this, 'PostCallLogs', { retention: RetentionDays.ONE_MONTH }), level: LogLevel.ERROR, includeExecutionData: false },
    });
    for (const step of Object.values(this.functions)) step.function.grantInvoke(this.stateMachine);
    // The Transcribe step completes its own task token, or the provider's callback does. The ARN is
    // built from the name: referring to the state machine here would make a dependency cycle.
    this.functions.Transcribe.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
        resources: [this.formatArn({ service: 'states', resource: 'stateMachine', resourceName: stateMachineName, arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
      }),
    );

    this.providerSecret = new ProviderSecret(this, 'ProviderKeys');
    for (const name of STEPS_READING_SECRET) this.providerSecret.grantTo(this.functions[name].function);

    // The control plane's HTTP side. It needs the keys (LiveKit signatures, the callback secret,
    // embeddings for search), reads and writes results, starts runs and completes task tokens.
    const controlEnvironment = { ...environment, AFTERCALL_STATE_MACHINE_ARN: this.stateMachine.stateMachineArn };
    this.http = new HttpApi(this, 'Http', { environment: controlEnvironment });
    const api = this.http.handler.function;
    this.providerSecret.grantTo(api);
    grantBucketAccess(this.bucket, api, BUCKET_ACCESS.Api);
    this.stateMachine.grantStartExecution(api);
    // Reprocess and delete ask whether the meeting's last run is still going: DescribeExecution
    // on this machine's executions, nothing else of the state machine.
    this.stateMachine.grantExecution(api, 'states:DescribeExecution');
    this.stateMachine.grantTaskResponse(api);
    // With a public URL the Transcribe step hands Deepgram a callback and returns at once. The
    // URL comes from the API resource alone (not its routes), so no dependency cycle forms.
    this.functions.Transcribe.function.addEnvironment('AFTERCALL_PUBLIC_URL', this.http.url);

    // A recording (or a transcript beside one) landing in the bucket starts a run. Deepgram's
    // result, PUT beside a recording through the URL Transcribe presigned, completes the waiting
    // task: this function then maps the result (memory for a body of any size, the provider
    // secret for the transcriber), writes the transcript into the results folder and removes
    // the pending record and the raw result.
    this.s3Event = new StepFunctionLambda(this, 'S3EventIntake', { entry: 'http/s3Event', memoryMb: 1024, timeout: Duration.minutes(2), environment: controlEnvironment });
    grantBucketAccess(this.bucket, this.s3Event.function, BUCKET_ACCESS.S3EventIntake);
    this.stateMachine.grantStartExecution(this.s3Event.function);
    this.stateMachine.grantTaskResponse(this.s3Event.function);
    this.providerSecret.grantTo(this.s3Event.function);
    // S3 invokes it asynchronously: an event that still fails after Lambda's two retries (or waits
    // over six hours) lands in this queue with the original notification, and alarms; never dropped.
    this.s3EventFailures = new Queue(this, 'S3EventFailures', { ...queueEncryption(this.encryptionKey), enforceSSL: true, retentionPeriod: Duration.days(14) });
    this.s3Event.function.configureAsyncInvoke({ onFailure: new SqsDestination(this.s3EventFailures), retryAttempts: 2, maxEventAge: Duration.hours(6) });
    const destination = new LambdaDestination(this.s3Event.function);
    for (const suffix of NOTIFIED_SUFFIXES) this.bucket.addEventNotification(EventType.OBJECT_CREATED, destination, { suffix });

    // Every function that starts runs or runs a step exports its spans and metrics to a collector beside it.
    if (this.options.openTelemetry) for (const fn of [...Object.values(this.functions).map((step) => step.function), api, this.s3Event.function]) addAdotCollector(fn);

    // CRM webhooks: Publish enqueues action items, the API lists and replays, a consumer sends.
    this.delivery = new WebhookDelivery(this, 'WebhookDelivery', { bucket: this.bucket, environment, encryptionKey: this.encryptionKey });

    // Retention: a schedule runs the sweep (lib/domain/retention), which erases expired meetings
    // from the bucket, the Pinecone namespace and the delivery log. It needs Pinecone's key and
    // whether a meeting's run is still going.
    this.retentionSweep = new StepFunctionLambda(this, 'RetentionSweep', { entry: 'sweepRetention', memoryMb: 512, timeout: Duration.minutes(15), environment: controlEnvironment });
    grantBucketAccess(this.bucket, this.retentionSweep.function, BUCKET_ACCESS.RetentionSweep);
    this.providerSecret.grantTo(this.retentionSweep.function);
    this.stateMachine.grantExecution(this.retentionSweep.function, 'states:DescribeExecution');
    this.retentionSchedule = new Rule(this, 'RetentionSchedule', {
      description: 'Runs the retention sweep (tenants\' retention settings)',
      schedule: Schedule.rate(Duration.hours(this.options.sweepIntervalHours)),
      targets: [new LambdaFunction(this.retentionSweep.function, { retryAttempts: 2 })],
    });
    this.delivery.grantEnqueue(this.functions.Publish.function);
    this.delivery.grantEnqueue(api);

    this.relay = this.options.live
      ? new LiveRelay(this, 'LiveRelay', {
          bucket: this.bucket,
          providerSecret: this.providerSecret.secret,
          https: this.options.relayHttps,
          originSecretGeneration: this.options.relayOriginSecretGeneration,
        })
      : undefined;

    this.webUi = new WebUi(this, 'WebUi', {
      distDir: props.webDistDir ?? WEB_DIST_DIR,
      api: this.http.api,
      relay: this.relay === undefined ? undefined : { origin: this.relay.origin, paths: RELAY_PATHS },
    });
    // Clients reach the relay through CloudFront only, over HTTPS/WSS on the UI's own domain.
    if (this.relay !== undefined) new CfnOutput(this.relay, 'Url', { value: this.webUi.url, description: 'The live caption relay: wss://<host>/live/…, https://<host>/api/live/… (only through CloudFront)' });

    this.alarms = new Alarms(this, 'Alarms', {
      stateMachine: this.stateMachine,
      functions: {
        ...Object.fromEntries(Object.entries(this.functions).map(([name, step]) => [name, step.function])),
        Api: api,
        S3EventIntake: this.s3Event.function,
        WebhookDelivery: this.delivery.consumer.function,
        RetentionSweep: this.retentionSweep.function,
      },
      deadLetterQueues: { WebhookDeliveries: this.delivery.deadLetterQueue, S3EventFailures: this.s3EventFailures },
      queueAges: { CrmDeliveries: { queue: this.delivery.queue, maxAge: CRM_QUEUE_MAX_AGE } },
      httpApi: this.http.api,
      relayTargets: this.relay?.targetGroup,
      encryptionKey: this.encryptionKey,
    });
    this.dashboard = new MeetingDashboard(this, 'Dashboard', {
      dashboardName: `${this.stackName}-meetings`,
      alarms: [...this.alarms.alarms.values()],
      s3Event: this.s3Event.function,
      s3EventFailures: this.s3EventFailures,
      stateMachine: this.stateMachine,
      steps: Object.fromEntries(Object.entries(this.functions).map(([name, step]) => [name, step.function])),
      api: { fn: api, httpApi: this.http.api },
      crm: { consumer: this.delivery.consumer.function, queue: this.delivery.queue, deadLetterQueue: this.delivery.deadLetterQueue },
      relay: this.relay === undefined ? undefined : { loadBalancer: this.relay.loadBalancer, targets: this.relay.targetGroup },
    });

    new CfnOutput(this, 'ProviderSecretArn', { value: this.providerSecret.secret.secretArn, description: 'Put the provider keys here (JSON)' });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn, description: 'Subscribe to be told of failed runs and Lambda errors' });
    new CfnOutput(this, 'S3EventFailuresQueueUrl', { value: this.s3EventFailures.queueUrl, description: 'Recording events the S3 intake gave up on (see docs/operations.md to replay them)' });
    new CfnOutput(this, 'DashboardName', { value: this.dashboard.dashboard.dashboardName, description: "CloudWatch dashboard of a meeting's path" });
    new CfnOutput(this, 'RecordingsBucketName', { value: this.bucket.bucketName });

    acknowledgeNagFindings(this);
  }
}
