import { ArnFormat, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { readPostCallDefinitionText } from '../workflow/postCallDefinition.js';
import { StepFunctionLambda } from './StepFunctionLambda.js';

/** Memory and time each step needs: transcription waits on providers, understanding on a model. */
const STEPS = {
  Intake: { entry: 'intake', memoryMb: 512, timeout: Duration.seconds(60) },
  Transcribe: { entry: 'transcribe', memoryMb: 1024, timeout: Duration.minutes(15) },
  Translate: { entry: 'translate', memoryMb: 512, timeout: Duration.minutes(15) },
  Understand: { entry: 'understand', memoryMb: 1024, timeout: Duration.minutes(15) },
  Index: { entry: 'index', memoryMb: 1024, timeout: Duration.minutes(5) },
  Publish: { entry: 'publish', memoryMb: 512, timeout: Duration.minutes(2) },
  RecordFailure: { entry: 'recordFailure', memoryMb: 256, timeout: Duration.seconds(60) },
} as const;

export type StepName = keyof typeof STEPS;

/**
 * The batch AI plane on AWS: the recordings bucket (stateful, kept on stack deletion), one
 * Lambda per step, and the post-call state machine built from the same ASL file the local
 * runner uses, with each ${<Step>FunctionArn} substituted.
 */
export class PostCallStack extends Stack {
  readonly bucket: Bucket;
  readonly stateMachine: StateMachine;
  readonly functions: Record<StepName, StepFunctionLambda>;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);

    this.bucket = new Bucket(this, 'Recordings', {
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
    for (const name of ['Transcribe', 'Translate', 'Understand', 'Index', 'Publish', 'RecordFailure'] as const) {
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
  }
}
