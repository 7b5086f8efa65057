import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ApplicationTargetGroup } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface AlarmsProps {
  stateMachine: StateMachine;
  /** Each function by a readable name (it names the alarms). */
  functions: Record<string, IFunction>;
  /** Dead-letter queues (and on-failure destinations) by a readable name: any message in one alarms. */
  deadLetterQueues?: Record<string, IQueue>;
  /** Work queues by a readable name, with the age their oldest message may reach before it alarms. */
  queueAges?: Record<string, { queue: IQueue; maxAge: Duration }>;
  /** The HTTP API: any 5xx alarms. */
  httpApi?: HttpApi | undefined;
  /** The relay's targets behind its load balancer: an unhealthy one, or none healthy, alarms. */
  relayTargets?: ApplicationTargetGroup | undefined;
  /** The stack's customer-managed key, if any: the topic is encrypted with it. */
  encryptionKey?: IKey | undefined;
}

export const ALARM_PERIOD = Duration.minutes(5);

/**
 * What the operator is told about, on one SNS topic: any failed, timed-out or throttled run; any
 * Lambda error or throttle (a step error that the state machine retried away still alarms: retries
 * hide provider trouble); any message in a dead-letter queue or on-failure destination; a work
 * queue whose oldest message waits too long; any 5xx from the HTTP API; an unhealthy relay.
 * Subscribe to the topic (e-mail, chat) after deploying.
 */
export class Alarms extends Construct {
  readonly topic: Topic;
  /** By id: "ExecutionsFailed", "<Function>Errors", "<Function>Throttles", "<Queue>Depth", "<Queue>OldestMessageAge", "Api5xx", "RelayUnhealthyHosts", "RelayNoHealthyHost". */
  readonly alarms = new Map<string, Alarm>();

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'aftercall alarms', enforceSSL: true, ...(props.encryptionKey === undefined ? {} : { masterKey: props.encryptionKey }) });
    const action = new SnsAction(this.topic);
    const alarmOn = (
      alarmId: string,
      description: string,
      metric: IMetric,
      { threshold = 1, below = false, missing = TreatMissingData.NOT_BREACHING }: { threshold?: number; below?: boolean; missing?: TreatMissingData } = {},
    ) => {
      const alarm = new Alarm(this, alarmId, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: below ? ComparisonOperator.LESS_THAN_THRESHOLD : ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: missing,
      });
      alarm.addAlarmAction(action);
      this.alarms.set(alarmId, alarm);
    };
    const sum = { period: ALARM_PERIOD, statistic: 'Sum' } as const;
    const max = { period: ALARM_PERIOD, statistic: 'Maximum' } as const;

    alarmOn('ExecutionsFailed', 'A post-call run failed: see status.json beside the recording and the execution history', props.stateMachine.metricFailed(sum));
    alarmOn('ExecutionsTimedOut', 'A post-call run timed out (a transcription callback never came?)', props.stateMachine.metricTimedOut(sum));
    alarmOn('ExecutionsThrottled', 'Step Functions throttled post-call runs: raise the account quota or slow the intake', props.stateMachine.metricThrottled(sum));
    for (const [name, fn] of Object.entries(props.functions)) {
      alarmOn(`${name}Errors`, `The ${name} Lambda raised errors: see its log group`, fn.metricErrors(sum));
      alarmOn(`${name}Throttles`, `The ${name} Lambda was throttled (account concurrency used up): its work is delayed or, for direct calls, refused`, fn.metricThrottles(sum));
    }
    for (const [name, queue] of Object.entries(props.deadLetterQueues ?? {})) {
      alarmOn(`${name}Depth`, `Messages in ${name}: work that gave up. See docs/operations.md, then redrive or replay`, queue.metricApproximateNumberOfMessagesVisible(max));
    }
    for (const [name, { queue, maxAge }] of Object.entries(props.queueAges ?? {})) {
      alarmOn(
        `${name}OldestMessageAge`,
        `The oldest message in ${name} has waited over ${maxAge.toHumanString()}: a receiver keeps failing, or the consumer is not running`,
        queue.metricApproximateAgeOfOldestMessage(max),
        { threshold: maxAge.toSeconds() },
      );
    }
    if (props.httpApi !== undefined) {
      alarmOn('Api5xx', 'The HTTP API answered 5xx (function errors, timeouts after 30 s, throttling of the integration): see the access logs', props.httpApi.metricServerError(sum));
    }
    if (props.relayTargets !== undefined) {
      alarmOn('RelayUnhealthyHosts', 'A relay task fails its /healthz check behind the load balancer: see the relay logs', props.relayTargets.metrics.unhealthyHostCount(max));
      // No data at all means no target is registered: that is an outage too.
      alarmOn('RelayNoHealthyHost', 'No relay task is healthy: live captions are down', props.relayTargets.metrics.healthyHostCount({ period: ALARM_PERIOD, statistic: 'Minimum' }), {
        below: true,
        missing: TreatMissingData.BREACHING,
      });
    }
  }
}
