import { ArnFormat, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, EventType, StorageClass, type LifecycleRule } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { WEB_DIST_DIR } from '../../bin/buildWeb.js';
import { readPostCallDefinitionText } from '../workflow/postCallDefinition.js';
import { Alarms } from './Alarms.js';
import { HttpApi } from './HttpApi.js';
import { LiveRelay, RELAY_PATHS } from './LiveRelay.js';
import { acknowledgeNagFindings } from './nagAcknowledgements.js';
import { ProviderSecret } from './ProviderSecret.js';
import { MEDIA_EXTENSIONS } from '../domain/intake/recordingEvent.js';
import { stackOptionsFrom, type StackOptions } from './stackOptions.js';
import { StepFunctionLambda } from './StepFunctionLambda.js';
import { WebhookDelivery } from './WebhookDelivery.js';
import { WebUi } from './WebUi.js';

/** The steps that call providers: the only ones that may read the provider keys. */
export const STEPS_READING_SECRET = ['Transcribe', 'Translate', 'Understand', 'Index'] as const;

/**
 * The suffixes S3 notifies the workflow of: the domain's media extensions. S3 suffix filters are
 * case-sensitive; results and transcripts written beside recordings never invoke the function.
 */
export const RECORDING_SUFFIXES: readonly string[] = [...MEDIA_EXTENSIONS].map((extension) => `.${extension}`);

/** Memory and time each step needs: transcription waits on providers, understanding on a model. */
const STEPS = {
  Intake: { entry: 'intake', memoryMb: 512, timeout: Duration.seconds(60) },
  Transcribe: { entry: 'transcribe', memoryMb: 1024, timeout: Duration.minutes(15) },
  CheckTranscription: { entry: 'checkTranscription', memoryMb: 256, timeout: Duration.seconds(60) },
  Translate: { entry: 'translate', memoryMb: 512, timeout: Duration.minutes(15) },
  Understand: { entry: 'understand', memoryMb: 1024, timeout: Duration.minutes(15) },
  Index: { entry: 'index', memoryMb: 1024, timeout: Duration.minutes(5) },
  Publish: { entry: 'publish', memoryMb: 512, timeout: Duration.minutes(2) },
  RecordFailure: { entry: 'recordFailure', memoryMb: 256, timeout: Duration.seconds(60) },
} as const;

export type StepName = keyof typeof STEPS;

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
  readonly functions: Record<StepName, StepFunctionLambda>;
  readonly providerSecret: ProviderSecret;
  readonly http: HttpApi;
  readonly s3Event: StepFunctionLambda;
  readonly alarms: Alarms;
  readonly delivery: WebhookDelivery;
  readonly webUi: WebUi;
  /** Absent when deployed with `-c live=false`. */
  readonly relay: LiveRelay | undefined;
  readonly options: StackOptions;

  constructor(scope: Construct, id: string, props: PostCallStackProps = {}) {
    super(scope, id, props);
    this.options = stackOptionsFrom(this.node);

    this.bucket = new Bucket(this, 'Recordings', {
      lifecycleRules: recordingsLifecycle(this.options),
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const environment = { AFTERCALL_BUCKET: this.bucket.bucketName };
    this.functions = Object.fromEntries(
      Object.entries(STEPS).map(([name, step]) => [name, new StepFunctionLambda(this, `${name}Step`, { ...step, environment })]),
    ) as Record<StepName, StepFunctionLambda>;

    // Least privilege: intake reads the recording's head; the others read and write beside it.
    this.bucket.grantRead(this.functions.Intake.function);
    this.bucket.grantPut(this.functions.Intake.function);
    this.bucket.grantDelete(this.functions.Intake.function);
    for (const name of ['Transcribe', 'CheckTranscription', 'Translate', 'Understand', 'Index', 'Publish', 'RecordFailure'] as const) {
      this.bucket.grantReadWrite(this.functions[name].function);
    }

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
    this.bucket.grantReadWrite(api);
    this.stateMachine.grantStartExecution(api);
    this.stateMachine.grantTaskResponse(api);
    // With a public URL the Transcribe step hands Deepgram a callback and returns at once. The
    // URL comes from the API resource alone (not its routes), so no dependency cycle forms.
    this.functions.Transcribe.function.addEnvironment('AFTERCALL_PUBLIC_URL', this.http.url);

    // A recording landing in the bucket starts a run; this function holds no provider keys.
    this.s3Event = new StepFunctionLambda(this, 'S3EventIntake', { entry: 'http/s3Event', memoryMb: 256, timeout: Duration.seconds(30), environment: controlEnvironment });
    this.bucket.grantRead(this.s3Event.function);
    this.stateMachine.grantStartExecution(this.s3Event.function);
    const destination = new LambdaDestination(this.s3Event.function);
    for (const suffix of RECORDING_SUFFIXES) this.bucket.addEventNotification(EventType.OBJECT_CREATED, destination, { suffix });

    // CRM webhooks: Publish enqueues action items, the API lists and replays, a consumer sends.
    this.delivery = new WebhookDelivery(this, 'WebhookDelivery', { bucket: this.bucket, environment });
    this.delivery.grantEnqueue(this.functions.Publish.function);
    this.delivery.grantEnqueue(api);

    this.relay = this.options.live
      ? new LiveRelay(this, 'LiveRelay', { bucket: this.bucket, providerSecret: this.providerSecret.secret, certificateArn: this.options.relayCertificateArn })
      : undefined;

    this.webUi = new WebUi(this, 'WebUi', {
      distDir: props.webDistDir ?? WEB_DIST_DIR,
      api: this.http.api,
      relay: this.relay === undefined ? undefined : { domainName: this.relay.loadBalancer.loadBalancerDnsName, paths: RELAY_PATHS },
    });

    this.alarms = new Alarms(this, 'Alarms', {
      stateMachine: this.stateMachine,
      functions: {
        ...Object.fromEntries(Object.entries(this.functions).map(([name, step]) => [name, step.function])),
        Api: api,
        S3EventIntake: this.s3Event.function,
        WebhookDelivery: this.delivery.consumer.function,
      },
      deadLetterQueues: { WebhookDeliveries: this.delivery.deadLetterQueue },
    });

    new CfnOutput(this, 'ProviderSecretArn', { value: this.providerSecret.secret.secretArn, description: 'Put the provider keys here (JSON)' });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn, description: 'Subscribe to be told of failed runs and Lambda errors' });
    new CfnOutput(this, 'RecordingsBucketName', { value: this.bucket.bucketName });

    acknowledgeNagFindings(this);
  }
}
