import { ExecutionAlreadyExists, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import type { StepInput } from '../../domain/meeting/schema.js';
import type { StartedRun, WorkflowRunner } from '../../domain/ports/WorkflowRunner.js';

/**
 * The workflow port on AWS Step Functions. Execution names are unique per state machine for
 * 90 days, which is what makes a repeated webhook start nothing.
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
}
