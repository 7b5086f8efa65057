import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { AlarmStatusWidget, Dashboard, GraphWidget, TextWidget, type Alarm, type IMetric, type IWidget, type Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { HttpCodeTarget, type ApplicationLoadBalancer, type ApplicationTargetGroup } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface MeetingDashboardProps {
  dashboardName: string;
  alarms: readonly Alarm[];
  s3Event: IFunction;
  s3EventFailures: IQueue;
  stateMachine: StateMachine;
  /** The workflow's step functions, in the order a run reaches them. */
  steps: Record<string, IFunction>;
  api: { fn: IFunction; httpApi: HttpApi };
  crm: { consumer: IFunction; queue: IQueue; deadLetterQueue: IQueue };
  relay?: { loadBalancer: ApplicationLoadBalancer; targets: ApplicationTargetGroup } | undefined;
}

const PERIOD = Duration.minutes(5);
const sum = { period: PERIOD, statistic: 'Sum' } as const;
const max = { period: PERIOD, statistic: 'Maximum' } as const;
const p95 = { period: PERIOD, statistic: 'p95' } as const;
const graph = (title: string, left: IMetric[], right: IMetric[] = []) => new GraphWidget({ title, left, right, width: 12, height: 6 });
const labelled = (metric: Metric, label: string): IMetric => metric.with({ label });

/**
 * One CloudWatch dashboard that follows a meeting's path, top to bottom: the alarms, the recording
 * arriving (S3 event → run started), the run and each step, the API that serves the results, CRM
 * delivery of action items, and the live relay. Each row answers "did it get this far, and how fast?".
 */
export class MeetingDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MeetingDashboardProps) {
    super(scope, id);
    const rows: IWidget[][] = [
      [new TextWidget({ markdown: "# aftercall: a meeting's path\nRecording lands → run → steps → results served → action items delivered; live captions at the bottom. Runbook: docs/operations.md.", width: 24, height: 2 })],
      [new AlarmStatusWidget({ title: 'Alarms', alarms: [...props.alarms], width: 24, height: 6 })],
      [
        graph('1. Recording arrives: S3 event function', [labelled(props.s3Event.metricInvocations(sum), 'invocations'), labelled(props.s3Event.metricErrors(sum), 'errors'), labelled(props.s3Event.metricThrottles(sum), 'throttles')], [
          labelled(props.s3EventFailures.metricApproximateNumberOfMessagesVisible(max), 'events given up (on-failure queue)'),
        ]),
        graph('2. Runs: post-call state machine', [
          labelled(props.stateMachine.metricStarted(sum), 'started'),
          labelled(props.stateMachine.metricSucceeded(sum), 'succeeded'),
          labelled(props.stateMachine.metricFailed(sum), 'failed'),
          labelled(props.stateMachine.metricTimedOut(sum), 'timed out'),
          labelled(props.stateMachine.metricThrottled(sum), 'throttled'),
        ], [labelled(props.stateMachine.metricTime(p95), 'run time p95')]),
      ],
      [
        graph('3. Steps: errors and throttles', Object.entries(props.steps).flatMap(([name, fn]) => [labelled(fn.metricErrors(sum), `${name} errors`), labelled(fn.metricThrottles(sum), `${name} throttles`)])),
        graph('3. Steps: duration p95', Object.entries(props.steps).map(([name, fn]) => labelled(fn.metricDuration(p95), name))),
      ],
      [
        graph('4. Results served: HTTP API', [labelled(props.api.httpApi.metricCount(sum), 'requests'), labelled(props.api.httpApi.metricClientError(sum), '4xx'), labelled(props.api.httpApi.metricServerError(sum), '5xx')], [
          labelled(props.api.httpApi.metricLatency(p95), 'latency p95'),
        ]),
        graph('4. API function', [labelled(props.api.fn.metricErrors(sum), 'errors'), labelled(props.api.fn.metricThrottles(sum), 'throttles')], [labelled(props.api.fn.metricDuration(p95), 'duration p95')]),
      ],
      [
        graph('5. Action items to CRMs: delivery queue', [
          labelled(props.crm.queue.metricApproximateNumberOfMessagesVisible(max), 'waiting'),
          labelled(props.crm.deadLetterQueue.metricApproximateNumberOfMessagesVisible(max), 'gave up (DLQ)'),
        ], [labelled(props.crm.queue.metricApproximateAgeOfOldestMessage(max), 'oldest message age (s)')]),
        graph('5. Delivery consumer', [labelled(props.crm.consumer.metricInvocations(sum), 'invocations'), labelled(props.crm.consumer.metricErrors(sum), 'errors'), labelled(props.crm.consumer.metricThrottles(sum), 'throttles')]),
      ],
    ];
    if (props.relay !== undefined) {
      const { loadBalancer, targets } = props.relay;
      rows.push([
        graph('6. Live relay: targets', [labelled(targets.metrics.healthyHostCount({ period: PERIOD, statistic: 'Minimum' }), 'healthy'), labelled(targets.metrics.unhealthyHostCount(max), 'unhealthy')]),
        graph('6. Live relay: load balancer', [
          labelled(loadBalancer.metrics.activeConnectionCount(sum), 'active connections'),
          labelled(loadBalancer.metrics.httpFixedResponseCount(sum), 'refused (no origin secret)'),
          labelled(loadBalancer.metrics.httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, sum), 'relay 5xx'),
        ]),
      ]);
    }
    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: props.dashboardName, widgets: rows });
  }
}
