import { Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PostCallStack, TaskFunctionName } from '../../lib/infra/PostCallStack.js';
import { functionNamesInDefinition, readPostCallDefinitionText } from '../../lib/stateMachine/postCallDefinition.js';
import { testStack } from './testStack.js';

describe('the CDK stack of the batch plane', () => {
  let stack: PostCallStack;
  let template: Template;

  beforeAll(async () => {
    ({ stack, template } = await testStack({}, { bundle: false }));
  }, 300_000);

  it('deploys the same ASL file the local runner runs, each Task pointing at its own Lambda', () => {
    const [machine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
    const properties = machine?.Properties as { DefinitionString: string; DefinitionSubstitutions: Record<string, { 'Fn::GetAtt': [string, string] }> };
    expect(JSON.parse(properties.DefinitionString)).toEqual(JSON.parse(readPostCallDefinitionText()));
    const logicalIdOf = (name: TaskFunctionName) => Stack.of(stack).getLogicalId(stack.functions[name].function.node.defaultChild as CfnFunction);
    const placeholders = functionNamesInDefinition(readPostCallDefinitionText());
    expect(Object.keys(properties.DefinitionSubstitutions).sort()).toEqual(placeholders.map((name) => `${name}FunctionArn`).sort());
    for (const name of placeholders) {
      expect(properties.DefinitionSubstitutions[`${name}FunctionArn`]).toEqual({ 'Fn::GetAtt': [logicalIdOf(name as TaskFunctionName), 'Arn'] });
    }
  });

  it('keeps the recordings bucket encrypted, private, TLS-only and versioned, and keeps it on stack deletion', () => {
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: {
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        VersioningConfiguration: { Status: 'Enabled' },
      },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('runs every step, the HTTP API, the S3 intake and the webhook consumer on Node 22, arm64, with tracing', () => {
    const all = template.findResources('AWS::Lambda::Function');
    const ours = [...Object.values(stack.functions).map((step) => step.function), stack.http.handler.function, stack.s3Event.function, stack.delivery.consumer.function];
    expect(ours).toHaveLength(8 + 3);
    for (const fn of ours.map((f) => all[Stack.of(stack).resolve(Stack.of(stack).getLogicalId(f.node.defaultChild as CfnFunction)) as string]!)) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
    }
  });

  it('lets only the Transcribe function, the HTTP API (POST callbacks) and the S3 event function (results PUT into the bucket) complete task tokens, and only of this state machine', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.PolicyDocument).includes('states:SendTaskSuccess'),
    );
    expect(policies).toHaveLength(3);
    const transcribe = policies.find((p) => JSON.stringify(p.Properties.Roles).includes('TranscribeStep'));
    expect(JSON.stringify(transcribe?.Properties.PolicyDocument)).toContain(':stateMachine:Test-post-call');
    const api = policies.find((p) => JSON.stringify(p.Properties.Roles).includes('HttpHandler'));
    const machineId = Stack.of(stack).resolve(Stack.of(stack).getLogicalId(stack.stateMachine.node.defaultChild as CfnStateMachine)) as string;
    expect(api?.Properties.PolicyDocument.Statement).toEqual(
      expect.arrayContaining([expect.objectContaining({ Action: expect.arrayContaining(['states:SendTaskSuccess']), Resource: { Ref: machineId } })]),
    );
    const s3Event = policies.find((p) => JSON.stringify(p.Properties.Roles).includes('S3EventIntake'));
    expect(s3Event?.Properties.PolicyDocument.Statement).toEqual(
      expect.arrayContaining([expect.objectContaining({ Action: expect.arrayContaining(['states:SendTaskSuccess']), Resource: { Ref: machineId } })]),
    );
  });
});
