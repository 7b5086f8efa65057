import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface StepFunctionLambdaProps {
  /** The handler file under lambdas/, e.g. "intake". */
  entry: string;
  memoryMb: number;
  timeout: Duration;
  environment: Record<string, string>;
}

/**
 * The one place the Lambda defaults live: Node 22 on arm64, X-Ray tracing, JSON logs kept a
 * month, bundled locally by esbuild (no Docker), ESM with the handler code from lambdas/.
 */
export class StepFunctionLambda extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: StepFunctionLambdaProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    this.function = new NodejsFunction(this, 'Function', {
      entry: `${REPO_ROOT}lambdas/${props.entry}.ts`,
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb,
      timeout: props.timeout,
      tracing: Tracing.ACTIVE,
      logGroup,
      environment: { ...props.environment, POWERTOOLS_SERVICE_NAME: 'aftercall', NODE_OPTIONS: '--enable-source-maps' },
      projectRoot: REPO_ROOT,
      depsLockFilePath: `${REPO_ROOT}package-lock.json`,
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        sourceMap: true,
        // ESM bundles need require() for the CommonJS dependencies they inline.
        banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
        // LanceDB (a native binary) is the local vector index, loaded only when an index is
        // opened; on AWS the index is Pinecone, so neither it nor Arrow is bundled.
        externalModules: ['@lancedb/lancedb', 'apache-arrow', 's3rver'],
      },
    });
    // cdk-nag findings every function has, accepted here once (granular ids, on this function only):
    Validations.of(this.function).acknowledge(
      {
        // Grants CreateLogGroup/CreateLogStream/PutLogEvents only; logs go to the explicit group above.
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'Basic execution role: writing its own logs only',
      },
      // X-Ray's PutTraceSegments and PutTelemetryRecords support no resource scoping.
      { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'X-Ray tracing actions take no resource' },
      // Node 22 is the bundling target (esbuild node22) and what the tests run; Node 24 is a deliberate upgrade.
      { id: 'AwsSolutions-L1', reason: 'Pinned to Node 22, the tested and bundled target' },
    );
  }
}
