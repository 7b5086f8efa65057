import { AdotLambdaLayerGenericVersion, LayerVersion, type Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';

/**
 * The ADOT collector layer (collector only: the functions bring their own OpenTelemetry SDK).
 * Pinned: CDK's LATEST moves with CDK upgrades. CDK knows its ARN in every region
 * (arn:aws:lambda:<region>:901920570463:layer:aws-otel-collector-<amd64|arm64>-ver-0-115-0:2),
 * as a lookup table when the stack's region is only known at deploy time.
 */
export const ADOT_COLLECTOR_VERSION = AdotLambdaLayerGenericVersion.V0_115_0;

/**
 * The collector's configuration, given in an environment variable (ADOT's `env:` config
 * provider): traces to X-Ray; metrics as CloudWatch embedded-metric-format lines on the
 * function's own log stream (CloudWatch turns them into metrics, no further permission needed).
 */
export const COLLECTOR_CONFIG = `receivers:
  otlp:
    protocols:
      http:
        endpoint: localhost:4318
exporters:
  awsxray: {}
  awsemf:
    namespace: aftercall
    output_destination: stdout
    dimension_rollup_option: NoDimensionRollup
service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [awsxray]
    metrics:
      receivers: [otlp]
      exporters: [awsemf]
`;

/** Runs the ADOT collector beside the function as a Lambda extension, and points the function's OTLP exporter at it. */
export function addAdotCollector(fn: LambdaFunction): void {
  fn.addLayers(LayerVersion.fromLayerVersionArn(fn, 'AdotCollector', ADOT_COLLECTOR_VERSION.layerArn(fn, fn.architecture)));
  fn.addEnvironment('OTEL_EXPORTER_OTLP_ENDPOINT', 'http://localhost:4318');
  fn.addEnvironment('OPENTELEMETRY_COLLECTOR_CONFIG_URI', 'env:AFTERCALL_COLLECTOR_CONFIG');
  fn.addEnvironment('AFTERCALL_COLLECTOR_CONFIG', COLLECTOR_CONFIG);
}
