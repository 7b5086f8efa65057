import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { testStack } from './testStack.js';

const KEY_ARN = 'arn:aws:kms:eu-west-1:111122223333:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';

describe('governance on AWS: the retention schedule and the customer-managed key option', () => {
  it('runs the retention sweep Lambda on an EventBridge schedule (daily by default, -c sweepIntervalHours to change)', async () => {
    const { template, stack, logicalId } = await testStack({ live: 'false' }, { bundle: false });
    const sweep = logicalId(stack.retentionSweep.function);
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 day)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [sweep, 'Arn'] } })],
    });
    template.hasResourceProperties('AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', FunctionName: { 'Fn::GetAtt': [sweep, 'Arn'] }, Principal: 'events.amazonaws.com' });
    const hourly = await testStack({ live: 'false', sweepIntervalHours: '6' }, { bundle: false });
    hourly.template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(6 hours)' });
    await expect(testStack({ live: 'false', sweepIntervalHours: '0' }, { bundle: false })).rejects.toThrow(/sweepIntervalHours/);
  }, 300_000);

  it('without kmsKey: AWS-managed encryption everywhere and no key', async () => {
    const { template, resources } = await testStack({ live: 'false' }, { bundle: false });
    template.resourceCountIs('AWS::KMS::Key', 0);
    const recordings = Object.values(resources('AWS::S3::Bucket')).find((b) => JSON.stringify(b.Properties).includes('noncurrent') || JSON.stringify(b.Properties).includes('NoncurrentVersion'));
    expect(JSON.stringify(recordings?.Properties.BucketEncryption)).toContain('AES256');
    for (const queue of Object.values(resources('AWS::SQS::Queue'))) expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    for (const group of Object.values(resources('AWS::Logs::LogGroup'))) expect(group.Properties.KmsKeyId).toBeUndefined();
    for (const topic of Object.values(resources('AWS::SNS::Topic'))) expect(topic.Properties.KmsMasterKeyId).toBeUndefined();
  }, 300_000);

  it('with kmsKey=create: one rotated key, kept on deletion, for the recordings bucket, every queue, the alarm topic and every log group; CloudWatch Logs and alarms may use it', async () => {
    const { template, resources, stack, logicalId } = await testStack({ live: 'false', kmsKey: 'create' }, { bundle: false });
    template.resourceCountIs('AWS::KMS::Key', 1);
    const [keyId, key] = Object.entries(resources('AWS::KMS::Key'))[0] ?? [];
    expect(key?.Properties.EnableKeyRotation).toBe(true);
    expect(key?.DeletionPolicy).toBe('Retain');
    const arn = { 'Fn::GetAtt': [keyId, 'Arn'] };
    const statements = JSON.stringify((key?.Properties.KeyPolicy as { Statement: unknown[] }).Statement);
    expect(statements).toContain('kms:EncryptionContext:aws:logs:arn');
    expect(statements).toMatch(/"logs\.",\{"Ref":"AWS::Region"\},"\.amazonaws\.com"/);
    expect(statements).toContain('cloudwatch.amazonaws.com');

    const bucket = resources('AWS::S3::Bucket')[logicalId(stack.bucket)];
    expect(bucket?.Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: arn } }],
    });
    const queues = Object.values(resources('AWS::SQS::Queue'));
    expect(queues.length).toBeGreaterThanOrEqual(3);
    for (const queue of queues) expect(queue.Properties.KmsMasterKeyId).toEqual(arn);
    for (const topic of Object.values(resources('AWS::SNS::Topic'))) expect(topic.Properties.KmsMasterKeyId).toEqual(arn);
    const groups = Object.values(resources('AWS::Logs::LogGroup'));
    expect(groups.length).toBeGreaterThan(5);
    for (const group of groups) expect(group.Properties.KmsKeyId).toEqual(arn);
    // The roles that touch the bucket may encrypt and decrypt with the key, by exact actions.
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: logicalId(stack.functions.Intake.function.role!) }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: arn })]) },
    });
  }, 300_000);

  it('with kmsKey=<arn>: the given key everywhere, none created; anything else is refused', async () => {
    const { template, resources, stack, logicalId } = await testStack({ live: 'false', kmsKey: KEY_ARN }, { bundle: false });
    template.resourceCountIs('AWS::KMS::Key', 0);
    const bucket = resources('AWS::S3::Bucket')[logicalId(stack.bucket)];
    expect(JSON.stringify(bucket?.Properties.BucketEncryption)).toContain(KEY_ARN);
    for (const queue of Object.values(resources('AWS::SQS::Queue'))) expect(queue.Properties.KmsMasterKeyId).toBe(KEY_ARN);
    for (const group of Object.values(resources('AWS::Logs::LogGroup'))) expect(group.Properties.KmsKeyId).toBe(KEY_ARN);
    await expect(testStack({ live: 'false', kmsKey: 'alias/mine' }, { bundle: false })).rejects.toThrow(/kmsKey/);
  }, 300_000);
});
