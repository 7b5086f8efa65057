import type OpenAI from 'openai';
import { createOpenAiClient } from '../../../lib/adapters/openai/createOpenAiClient.js';
import { transcriptFromCueLines, type CueLine } from '../../../lib/domain/transcript/cueLines.js';
import type { Transcript } from '../../../lib/domain/transcript/schema.js';
import { startFakeOpenAiServer, type FakeOpenAiOptions, type FakeOpenAiServer } from '../../support/fakes/fakeOpenAiServer.js';

export interface Harness {
  server: FakeOpenAiServer;
  client: OpenAI;
}

/** The fake server and a real SDK client pointed at it. */
export async function startHarness(options: FakeOpenAiOptions & { maxRetryAfterSeconds?: number } = {}): Promise<Harness> {
  const server = await startFakeOpenAiServer(options);
  const client = createOpenAiClient({
    apiKey: server.apiKey,
    baseURL: server.url,
    ...(options.maxRetryAfterSeconds === undefined ? {} : { maxRetryAfterSeconds: options.maxRetryAfterSeconds }),
  });
  return { server, client };
}

export function meeting(lines: readonly [speaker: string, seconds: number, text: string][]): Transcript {
  const cues: CueLine[] = lines.map(([speakerName, seconds, text]) => ({ speakerName, startMs: seconds * 1000, endMs: seconds * 1000 + 3000, text }));
  return transcriptFromCueLines(cues, { meetingId: 'm1', source: { kind: 'import', detail: 'test', key: 'k' } });
}

const TOPICS = ['the budget for the next quarter', 'the hiring plan for the data team', 'the release schedule of the mobile app', 'customer feedback from the pilot', 'the migration to the new database', 'the office move in the spring'];
const SPEAKERS = ['Alice', 'Bob', 'Carol', 'Dave'];

/** A long meeting of plausible lines: a topic every 20 minutes, a commitment now and then. */
export function syntheticMeeting(hours: number): Transcript {
  const lines: [string, number, string][] = [];
  for (let i = 0, t = 0; t < hours * 3600; i += 1, t += 4) {
    const topic = TOPICS[Math.floor(t / 1200) % TOPICS.length] ?? 'other business';
    const speaker = SPEAKERS[i % SPEAKERS.length] ?? 'Alice';
    const text =
      i % 37 === 5
        ? `I'll send a short written note on ${topic} by Friday.`
        : `About ${topic}, point ${i}: we looked at the numbers again and they seem fine to me.`;
    lines.push([speaker, t, text]);
  }
  return meeting(lines);
}

export const MEETING_DATE = new Date('2025-03-14T10:00:00Z');
