import type { Understander, UnderstandingDraft } from '../ports/Understander.js';
import type { Transcript } from '../transcript/schema.js';
import { markDegraded } from '../usage/usageMeter.js';

/**
 * The configured model first; when it still fails after its own retries, the offline engine,
 * and the result is marked degraded in the manifest instead of failing the meeting.
 */
export class FallbackUnderstander implements Understander {
  readonly name: string;

  constructor(
    private readonly primary: Understander,
    private readonly fallback: Understander,
  ) {
    this.name = primary.name;
  }

  async understand(transcript: Transcript, options: { meetingDate: Date }): Promise<UnderstandingDraft> {
    try {
      return await this.primary.understand(transcript, options);
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      markDegraded(`${this.primary.name} failed (${reason}); used ${this.fallback.name}`);
      return { ...(await this.fallback.understand(transcript, options)), engine: this.fallback.name };
    }
  }
}
