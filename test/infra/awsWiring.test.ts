import type { App } from 'aws-cdk-lib';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SECRET_KEYS } from '../../lib/config/secretKeys.js';
import { NOTIFIED_SUFFIXES, RECORDING_SUFFIXES, STEPS_READING_SECRET, type PostCallStack } from '../../lib/infra/PostCallStack.js';
import { testStack, type Resource } from './testStack.js';

describe('the stack on AWS: secrets, HTTP API, S3 intake and alarms', () => {
  let app: App;
  let stack: PostCallStack;
  let template: Template;
  let logicalId: (construct: IConstruct) => string;
  let functions: Record<string, Resource>;

  beforeAll(async () => {
    ({ app, stack, template, logicalId } = await testStack());
    functions = template.findResources('AWS::Lambda::Function') as Record<string, Resource>;
  }, 600_000);

  const variablesOf = (fn: Resource): Record<string, unknown> => ((fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {});
  // The S3 event function maps Deepgram's result PUT into the bucket with the configured transcriber.
  // The retention sweep reads it for Pinecone, whose namespaces it erases from.
  const readersOfSecret = () => [...STEPS_READING_SECRET.map((name) => stack.functions[name].function), stack.http.handler.function, stack.s3Event.function, stack.retentionSweep.function];
  /** Roles that may read the secret: those functions', and the relay's task execution role (ECS injects its keys). */
  const rolesReadingSecret = () => [...readersOfSecret().map((fn) => fn.role!), stack.relay!.taskDefinition.executionRole!];

  it('creates one provider-key secret (beside the relay\'s origin secret): every key empty but the callback secret, which it generates', () => {
    const secrets = template.findResources('AWS::SecretsManager::Secret') as Record<string, Resource>;
    expect(Object.keys(secrets).sort()).toEqual([logicalId(stack.providerSecret.secret), logicalId(stack.relay!.originSecret)].sort());
    const generate = secrets[logicalId(stack.providerSecret.secret)]?.Properties.GenerateSecretString as { SecretStringTemplate: string; GenerateStringKey: string };
    expect(generate.GenerateStringKey).toBe('AFTERCALL_CALLBACK_SECRET');
    const placeholders = JSON.parse(generate.SecretStringTemplate) as Record<string, string>;
    expect(Object.keys(placeholders).sort()).toEqual(SECRET_KEYS.filter((key) => key !== 'AFTERCALL_CALLBACK_SECRET').sort());
    expect(Object.values(placeholders).every((value) => value === '')).toBe(true);
  });

  it('puts no provider key in any function environment, only the secret ARN, and only where it is read', () => {
    for (const fn of Object.values(functions)) {
      for (const key of SECRET_KEYS) expect(variablesOf(fn)).not.toHaveProperty(key);
    }
    const withArn = Object.entries(functions).filter(([, fn]) => 'AFTERCALL_SECRET_ARN' in variablesOf(fn)).map(([id]) => id);
    expect(withArn.sort()).toEqual(readersOfSecret().map(logicalId).sort());
    for (const id of withArn) expect(variablesOf(functions[id] as Resource).AFTERCALL_SECRET_ARN).toEqual({ Ref: logicalId(stack.providerSecret.secret) });
  });

  it('lets only the provider-calling steps and the HTTP API read the secret, and only that secret', () => {
    const readingPolicies = Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>).filter((policy) =>
      JSON.stringify(policy.Properties.PolicyDocument).includes('secretsmanager:GetSecretValue'),
    );
    const roles = readingPolicies.flatMap((policy) => (policy.Properties.Roles as { Ref: string }[]).map((role) => role.Ref));
    expect(roles.sort()).toEqual(rolesReadingSecret().map(logicalId).sort());
    for (const policy of readingPolicies) {
      const statements = (policy.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement;
      const secretStatements = statements.filter((s) => JSON.stringify(s.Action).includes('secretsmanager:'));
      expect(secretStatements.map((s) => s.Resource)).toEqual([{ Ref: logicalId(stack.providerSecret.secret) }]);
    }
    for (const name of ['Intake', 'Publish', 'RecordFailure'] as const) expect(variablesOf(functions[logicalId(stack.functions[name].function)] as Resource)).not.toHaveProperty('AFTERCALL_SECRET_ARN');
  });

  it('routes /webhooks, /callbacks and /api to the HTTP function, with access logs on the default stage', () => {
    const routeKeys = Object.values(template.findResources('AWS::ApiGatewayV2::Route') as Record<string, Resource>).map((route) => route.Properties.RouteKey);
    expect(routeKeys.sort()).toEqual(['ANY /api/{proxy+}', 'ANY /callbacks/{proxy+}', 'ANY /webhooks/{proxy+}']);
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [logicalId(stack.http.handler.function), 'Arn'] },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: '$default', AutoDeploy: true, AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }) });
    template.hasOutput('*', { Value: { 'Fn::GetAtt': [logicalId(stack.http.api), 'ApiEndpoint'] } });
  });

  it('gives the HTTP function the state machine, and Transcribe the public URL for provider callbacks', () => {
    const api = functions[logicalId(stack.http.handler.function)] as Resource;
    expect(variablesOf(api).AFTERCALL_STATE_MACHINE_ARN).toEqual({ Ref: logicalId(stack.stateMachine) });
    const transcribe = functions[logicalId(stack.functions.Transcribe.function)] as Resource;
    expect(variablesOf(transcribe).AFTERCALL_PUBLIC_URL).toEqual({ 'Fn::GetAtt': [logicalId(stack.http.api), 'ApiEndpoint'] });
  });

  it("invokes the S3 intake function for every media file and every provider result created in the recordings bucket; it starts runs, completes tasks and writes only inside results folders, catalog entries and consent records", () => {
    const [notifications] = Object.values(template.findResources('Custom::S3BucketNotifications') as Record<string, Resource>);
    expect(notifications?.Properties.BucketName).toEqual({ Ref: logicalId(stack.bucket) });
    const configurations = (notifications?.Properties.NotificationConfiguration as { LambdaFunctionConfigurations: { Events: string[]; Filter: { Key: { FilterRules: { Name: string; Value: string }[] } }; LambdaFunctionArn: unknown }[] }).LambdaFunctionConfigurations;
    expect(configurations.map((c) => c.Filter.Key.FilterRules).sort()).toEqual(NOTIFIED_SUFFIXES.map((suffix) => [{ Name: 'suffix', Value: suffix }]).sort());
    expect(NOTIFIED_SUFFIXES).toEqual(expect.arrayContaining([...RECORDING_SUFFIXES, '.vtt', '.srt', '.aftercall/steps/transcribe.result.json']));
    for (const c of configurations) {
      expect(c.Events).toEqual(['s3:ObjectCreated:*']);
      expect(c.LambdaFunctionArn).toEqual({ 'Fn::GetAtt': [logicalId(stack.s3Event.function), 'Arn'] });
    }
    expect(variablesOf(functions[logicalId(stack.s3Event.function)] as Resource).AFTERCALL_STATE_MACHINE_ARN).toEqual({ Ref: logicalId(stack.stateMachine) });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: logicalId(stack.s3Event.function.role!) }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'states:StartExecution', Resource: { Ref: logicalId(stack.stateMachine) } })]) },
    });
    const statements = Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>)
      .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: logicalId(stack.s3Event.function.role!) }]))
      .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: { Effect?: string; Action: string | string[]; Resource: unknown }[] }).Statement);
    const writes = statements.filter((s) => s.Effect !== 'Deny' && [s.Action].flat().some((action) => action.startsWith('s3:PutObject') || action.startsWith('s3:DeleteObject')));
    expect(writes.length).toBeGreaterThan(0);
    for (const write of writes) {
      for (const resource of [write.Resource].flat()) expect(JSON.stringify(resource)).toMatch(/\/\*\.aftercall\/\*"|\/_aftercall\/tenants\/\*\/(meetings|consent)\/\*"/);
    }
    expect(statements.some((s) => [s.Action].flat().includes('states:SendTaskSuccess'))).toBe(true);
  });

  it('alarms to one SNS topic on failed and timed-out runs and on errors of every function', () => {
    const topic = { Ref: logicalId(stack.alarms.topic) };
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm') as Record<string, Resource>);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([topic]);
    const onMachine = alarms.filter((a) => a.Properties.Namespace === 'AWS/States').map((a) => a.Properties.MetricName);
    expect(onMachine.sort()).toEqual(['ExecutionThrottled', 'ExecutionsFailed', 'ExecutionsTimedOut']);
    const erroring = alarms
      .filter((a) => a.Properties.Namespace === 'AWS/Lambda' && a.Properties.MetricName === 'Errors')
      .map((a) => ((a.Properties.Dimensions as { Value: { Ref: string } }[])[0]?.Value.Ref));
    const ours = [...Object.values(stack.functions).map((step) => step.function), stack.http.handler.function, stack.s3Event.function, stack.delivery.consumer.function, stack.retentionSweep.function];
    expect(erroring.sort()).toEqual(ours.map(logicalId).sort());
  });

  it('ships Lambda bundles that load on their own, with no node_modules beside them', () => {
    const ours = [...Object.values(stack.functions).map((step) => step.function), stack.http.handler.function, stack.s3Event.function, stack.delivery.consumer.function];
    const nodeFunctions = ours.map((fn) => functions[logicalId(fn)] as Resource);
    expect(nodeFunctions).toHaveLength(11);
    for (const fn of nodeFunctions) {
      // The code asset's S3 key is "<hash>.zip"; the assembly stages it as "asset.<hash>".
      const assetPath = `asset.${(fn.Properties.Code as { S3Key: string }).S3Key.replace(/\.zip$/, '')}`;
      const alone = mkdtempSync(join(tmpdir(), 'aftercall-bundle-'));
      copyFileSync(join(app.outdir, assetPath, 'index.mjs'), join(alone, 'index.mjs'));
      const loaded = execFileSync(process.execPath, ['--input-type=module', '-e', "const m = await import('./index.mjs'); console.log(typeof m.handler);"], {
        cwd: alone,
        env: { PATH: process.env.PATH, AWS_REGION: 'us-east-1' },
        encoding: 'utf8',
      });
      expect(loaded.trim()).toBe('function');
    }
  }, 60_000);
});
