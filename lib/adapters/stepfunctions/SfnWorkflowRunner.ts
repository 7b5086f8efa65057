import { DescribeExecutionCommand, ExecutionAlreadyExists, ExecutionDoesNotExist, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import type { StepInput } from '../../domain/meetings/schema.js';
import type { StartedRun, WorkflowRunner } from '../../domain/ports/WorkflowRunner.js';

/**
 * The workflow port on AWS Step Functions. Execution names are unique per state machine for
 * 90 days, which is what makes a repeated webhook start nothing; the names carry the version
 * of the files a run processes, so a replaced recording still starts a new execution.
 */
export class SfnWorkflowRunner implements WorkflowRunner {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async start(run: { name: string; input: StepInput }): Promise<StartedRun> {
    try {
      await this.client.send(new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name: run.name, input: JSON.stringify(run.input) }));
      return { executionName: run.name, alreadyStarted: false };
    } catch (error) {
      if (error instanceof ExecutionAlreadyExists) return { executionName: run.name, alreadyStarted: true };
      throw error;
    }
  }

  async isRunning(name: string): Promise<boolean> {
    try {
      const execution = await this.client.send(new DescribeExecutionCommand({ executionArn: executionArnOf(this.stateMachineArn, name) }));
      return execution.status === 'RUNNING' || execution.status === 'PENDING_REDRIVE';
    } catch (error) {
      if (error instanceof ExecutionDoesNotExist) return false;
      throw error;
    }
  }
}

/** arn:aws:states:<region>:<account>:stateMachine:<machine> → …:execution:<machine>:<name>. */
export function executionArnOf(stateMachineArn: string, name: string): string {
  return `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
}
