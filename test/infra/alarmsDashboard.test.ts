import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { CRM_QUEUE_MAX_AGE } from '../../lib/infra/PostCallStack.js';
import { testStack, type Resource } from './testStack.js';

/**
 * Issue 11, item 12: nothing is dropped silently on AWS. An S3 event the intake function cannot
 * handle lands in an on-failure queue that alarms; throttles, API 5xx, an unhealthy relay and a
 * CRM queue whose oldest message waits too long alarm; one dashboard follows a meeting's path.
 */
describe('alarms and the dashboard', () => {
  let world: Awaited<ReturnType<typeof testStack>>;
  beforeAll(async () => {
    world = await testStack({}, { bundle: false });
  }, 300_000);

  const alarms = () => Object.values(world.resources('AWS::CloudWatch::Alarm'));
  const topic = () => [{ Ref: world.logicalId(world.stack.alarms.topic) }];
  const ourFunctions = (): IFunction[] => [
    ...Object.values(world.stack.functions).map((step) => step.function),
    world.stack.http.handler.function,
    world.stack.s3Event.function,
    world.stack.delivery.consumer.function,
  ];
  const alarmsOn = (namespace: string, metric: string) => alarms().filter((a) => a.Properties.Namespace === namespace && a.Properties.MetricName === metric);
  const dimension = (alarm: Resource | undefined, name: string) => (alarm?.Properties.Dimensions as { Name: string; Value: unknown }[]).find((d) => d.Name === name)?.Value;

  it('sends an S3 event the intake function gave up on (after two retries) to a queue, which alarms on its first message', () => {
    const queueId = world.logicalId(world.stack.s3EventFailures);
    world.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: world.logicalId(world.stack.s3Event.function) },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
    const statements = Object.values(world.resources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles).includes(world.logicalId(world.stack.s3Event.function.role!)))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement);
    expect(statements).toEqual(expect.arrayContaining([expect.objectContaining({ Action: expect.arrayContaining(['sqs:SendMessage']), Resource: { 'Fn::GetAtt': [queueId, 'Arn'] } })]));
    const depth = alarmsOn('AWS/SQS', 'ApproximateNumberOfMessagesVisible').find((a) => JSON.stringify(a.Properties.Dimensions).includes(queueId));
    expect(depth?.Properties).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', AlarmActions: topic() });
    expect(world.resources('AWS::SQS::Queue')[queueId]?.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
  });

  it('alarms on throttles of every function and of the state machine', () => {
    const throttled = alarmsOn('AWS/Lambda', 'Throttles').map((a) => (dimension(a, 'FunctionName') as { Ref: string }).Ref);
    // The retention sweep is off the meeting's path (not on the dashboard) but alarms like the rest.
    expect(throttled.sort()).toEqual([...ourFunctions(), world.stack.retentionSweep.function].map((fn) => world.logicalId(fn)).sort());
    const machine = alarmsOn('AWS/States', 'ExecutionThrottled');
    expect(machine).toHaveLength(1);
    expect(dimension(machine[0], 'StateMachineArn')).toEqual({ Ref: world.logicalId(world.stack.stateMachine) });
  });

  it('alarms on any 5xx from the HTTP API', () => {
    const [api5xx, ...others] = alarmsOn('AWS/ApiGateway', '5xx');
    expect(others).toEqual([]);
    expect(dimension(api5xx, 'ApiId')).toEqual({ Ref: world.logicalId(world.stack.http.api) });
    expect(api5xx?.Properties).toMatchObject({ Threshold: 1, Statistic: 'Sum', AlarmActions: topic() });
  });

  it('alarms when a relay target is unhealthy, and when none is healthy (no data counts as none)', () => {
    const targetGroup = { 'Fn::GetAtt': [world.logicalId(world.stack.relay!.targetGroup), 'TargetGroupFullName'] };
    const [unhealthy] = alarmsOn('AWS/ApplicationELB', 'UnHealthyHostCount');
    expect(dimension(unhealthy, 'TargetGroup')).toEqual(targetGroup);
    expect(unhealthy?.Properties).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    const [healthy] = alarmsOn('AWS/ApplicationELB', 'HealthyHostCount');
    expect(dimension(healthy, 'TargetGroup')).toEqual(targetGroup);
    expect(healthy?.Properties).toMatchObject({ Threshold: 1, ComparisonOperator: 'LessThanThreshold', TreatMissingData: 'breaching' });
  });

  it("alarms when the CRM delivery queue's oldest message has waited over two hours", () => {
    const [age, ...others] = alarmsOn('AWS/SQS', 'ApproximateAgeOfOldestMessage');
    expect(others).toEqual([]);
    expect(dimension(age, 'QueueName')).toEqual({ 'Fn::GetAtt': [world.logicalId(world.stack.delivery.queue), 'QueueName'] });
    expect(age?.Properties).toMatchObject({ Threshold: CRM_QUEUE_MAX_AGE.toSeconds(), ComparisonOperator: 'GreaterThanOrEqualToThreshold', AlarmActions: topic() });
    expect(CRM_QUEUE_MAX_AGE.toSeconds()).toBe(7200);
  });

  it('sends every alarm to the one SNS topic, and the names of the alarms say what failed', () => {
    for (const alarm of alarms()) expect(alarm.Properties.AlarmActions).toEqual(topic());
    const ids = [...world.stack.alarms.alarms.keys()];
    expect(ids).toEqual(expect.arrayContaining(['ExecutionsThrottled', 'S3EventFailuresDepth', 'Api5xx', 'RelayUnhealthyHosts', 'RelayNoHealthyHost', 'CrmDeliveriesOldestMessageAge', 'S3EventIntakeThrottles', 'ApiThrottles']));
    expect(alarms()).toHaveLength(ids.length);
  });

  it("has one dashboard that follows a meeting's path, from the S3 event to the relay, with every alarm", () => {
    const dashboards = Object.values(world.resources('AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]?.Properties.DashboardBody);
    const titles = [...body.matchAll(/\\"title\\":\\"([^\\]+)\\"/g)].map((m) => m[1]);
    expect(titles).toEqual(expect.arrayContaining(['1. Recording arrives: S3 event function', '2. Runs: post-call state machine', '4. Results served: HTTP API', '5. Action items to CRMs: delivery queue', '6. Live relay: targets']));
    for (const construct of [world.stack.s3Event.function, world.stack.s3EventFailures, world.stack.stateMachine, world.stack.http.api, world.stack.delivery.queue, world.stack.relay!.targetGroup, ...ourFunctions()]) {
      expect(body).toContain(world.logicalId(construct));
    }
    for (const alarmId of Object.keys(world.resources('AWS::CloudWatch::Alarm'))) expect(body).toContain(alarmId);
  });
});
