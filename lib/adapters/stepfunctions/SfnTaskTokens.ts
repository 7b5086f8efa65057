import { SendTaskFailureCommand, SendTaskSuccessCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { ProviderUnavailableError } from '../../domain/errors.js';
import type { TaskTokens } from '../../domain/ports/TaskTokens.js';

/** Task tokens on AWS Step Functions. */
export class SfnTaskTokens implements TaskTokens {
  constructor(private readonly client: SFNClient) {}

  async succeed(token: string, output: unknown): Promise<void> {
    await this.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) }));
  }

  async fail(token: string, error: { name: string; message: string }): Promise<void> {
    // Step Functions caps cause at 32 KB and error at 256 characters.
    await this.send(new SendTaskFailureCommand({ taskToken: token, error: error.name.slice(0, 256), cause: error.message.slice(0, 32_000) }));
  }

  private async send(command: SendTaskSuccessCommand | SendTaskFailureCommand): Promise<void> {
    try {
      await this.client.send(command as SendTaskSuccessCommand);
    } catch (error) {
      throw new ProviderUnavailableError(`could not complete the workflow task: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
}
