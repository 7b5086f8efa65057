import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface AlarmsProps {
  stateMachine: StateMachine;
  /** Each function by a readable name (it names the alarm). */
  functions: Record<string, IFunction>;
  /** Dead-letter queues by a readable name: any message in one alarms. */
  deadLetterQueues?: Record<string, IQueue>;
}

const PERIOD = Duration.minutes(5);

/**
 * What the operator is told about: any failed or timed-out run, and any Lambda error (a step
 * error that the state machine retried away still alarms: retries hide provider trouble), and
 * any message waiting in a dead-letter queue (ApproximateNumberOfMessagesVisible > 0).
 * Subscribe to the topic (e-mail, chat) after deploying.
 */
export class Alarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'aftercall alarms', enforceSSL: true });
    const action = new SnsAction(this.topic);
    const alarmOn = (alarmId: string, description: string, metric: IMetric) => {
      const alarm = new Alarm(this, alarmId, {
        alarmDescription: description,
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(action);
      this.alarms.push(alarm);
    };
    alarmOn('ExecutionsFailed', 'A post-call run failed: see status.json beside the recording and the execution history', props.stateMachine.metricFailed({ period: PERIOD, statistic: 'Sum' }));
    alarmOn('ExecutionsTimedOut', 'A post-call run timed out (a transcription callback never came?)', props.stateMachine.metricTimedOut({ period: PERIOD, statistic: 'Sum' }));
    for (const [name, fn] of Object.entries(props.functions)) {
      alarmOn(`${name}Errors`, `The ${name} Lambda raised errors: see its log group`, fn.metricErrors({ period: PERIOD, statistic: 'Sum' }));
    }
    for (const [name, queue] of Object.entries(props.deadLetterQueues ?? {})) {
      alarmOn(`${name}Depth`, `Messages in the ${name} dead-letter queue: see the delivery log, then redrive or replay`, queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }));
    }
  }
}
