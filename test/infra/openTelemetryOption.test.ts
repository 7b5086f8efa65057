import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Architecture, Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { addAdotCollector, COLLECTOR_CONFIG } from '../../lib/infra/adotCollector.js';
import type { PostCallStack } from '../../lib/infra/PostCallStack.js';
import { testStack, type Resource } from './testStack.js';

const COLLECTOR_LAYER = /^arn:aws:lambda:[a-z0-9-]+:901920570463:layer:aws-otel-collector-arm64-ver-0-115-0:\d+$/;

/** A template value as CloudFormation would resolve it in a region: literals, or Fn::Join over them and AWS::Region. */
function inRegion(value: unknown, region: string): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join !== undefined) return join[1].map((part) => inRegion(part, region)).join(join[0]);
  if ((value as { Ref?: string }).Ref === 'AWS::Region') return region;
  throw new Error(`cannot resolve ${JSON.stringify(value)} without deploying`);
}

type LambdaProperties = { Layers?: unknown[]; Environment?: { Variables?: Record<string, unknown> }; TracingConfig?: unknown };

describe('the openTelemetry stack option (-c openTelemetry=true)', () => {
  let stack: PostCallStack;
  let functions: Record<string, Resource>;
  let logicalId: (construct: Parameters<Awaited<ReturnType<typeof testStack>>['logicalId']>[0]) => string;
  let defaultFunctions: Record<string, Resource>;

  beforeAll(async () => {
    const traced = await testStack({ openTelemetry: 'true' }, { bundle: false });
    ({ stack, logicalId } = traced);
    functions = traced.resources('AWS::Lambda::Function');
    defaultFunctions = (await testStack({}, { bundle: false })).resources('AWS::Lambda::Function');
  }, 300_000);

  it('runs the ADOT collector layer beside every step, the API and the S3 intake, and points their OTLP exporter at it', () => {
    const traced = [...Object.values(stack.functions).map((step) => step.function), stack.http.handler.function, stack.s3Event.function];
    for (const fn of traced) {
      const properties = functions[logicalId(fn)]?.Properties as LambdaProperties;
      expect(properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(properties.Environment?.Variables).toMatchObject({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318',
        OPENTELEMETRY_COLLECTOR_CONFIG_URI: 'env:AFTERCALL_COLLECTOR_CONFIG',
        AFTERCALL_COLLECTOR_CONFIG: COLLECTOR_CONFIG,
      });
      // The stack's region is known at deploy time only: the ARN is built with it (the account and name are the same in every region).
      expect(properties.Layers?.map((layer) => inRegion(layer, 'eu-west-1'))).toEqual([expect.stringMatching(COLLECTOR_LAYER)]);
      expect(inRegion(properties.Layers?.[0], 'ap-southeast-2')).toContain(':ap-southeast-2:');
    }
    // The webhook consumer starts no run and runs no step: no collector, no exporter pointed at one.
    const consumer = functions[logicalId(stack.delivery.consumer.function)]?.Properties as LambdaProperties;
    expect(consumer.Layers).toBeUndefined();
    expect(consumer.Environment?.Variables?.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
  });

  it('is off by default: no layer and no OTLP endpoint, so the functions start no OpenTelemetry SDK', () => {
    for (const fn of Object.values(defaultFunctions)) {
      const properties = fn.Properties as LambdaProperties;
      expect(JSON.stringify(properties.Layers ?? [])).not.toContain('aws-otel');
      expect(properties.Environment?.Variables?.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    }
  });

  it("names the region's own layer when the stack's region is known at synth", () => {
    const regional = new Stack(new App(), 'Regional', { env: { region: 'eu-central-1', account: '123456789012' } });
    const fn = new LambdaFunction(regional, 'Fn', { runtime: Runtime.NODEJS_22_X, architecture: Architecture.ARM_64, handler: 'index.handler', code: Code.fromInline('export const handler = async () => 1;') });
    addAdotCollector(fn);
    const [properties] = Object.values(Template.fromStack(regional).findResources('AWS::Lambda::Function')).map((r) => r.Properties as LambdaProperties);
    expect(properties?.Layers).toEqual([expect.stringMatching(COLLECTOR_LAYER)]);
    expect(properties?.Layers?.[0]).toContain(':eu-central-1:');
  });

  it('refuses a value that is not true or false', async () => {
    await expect(testStack({ openTelemetry: 'yes' }, { bundle: false })).rejects.toThrow(/openTelemetry must be true or false/);
  }, 120_000);
});
