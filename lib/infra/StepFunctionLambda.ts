import { Duration, RemovalPolicy } from 'aws-cdk-lib';
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
        // LanceDB is the local vector index (a native binary); on AWS the index is Pinecone.
        externalModules: ['@lancedb/lancedb', 'apache-arrow', 's3rver'],
      },
    });
  }
}
