import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTranscript } from '../../lib/domain/transcript/importTranscript.js';
import type { Transcript } from '../../lib/domain/transcript/schema.js';
import { loadConfig } from '../../lib/config/config.js';
import { modelPathReport } from '../../lib/evaluation/modelPath/modelPathReport.js';
import { MeetingTruthSchema, type MeetingTruth } from '../../lib/evaluation/meetingTruth.js';
import type { Brain, ChatRequest } from '../support/fakes/fakeOpenAiServer.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fakes/fakeOpenAiServer.js';
import { makeTempDir } from '../support/tempDir.js';

const SAMPLES = new URL('../../samples/meetings/', import.meta.url).pathname;
const IDS = ['ES2002a', 'IS1008b'];
const MEETING_DATE = new Date(2024, 0, 15);
// The labelled action item of each meeting sits on this reference utterance.
const LABELLED_AT = 100;

interface Case {
  id: string;
  transcript: Transcript;
  truth: MeetingTruth;
  /** The transcript utterance that starts where the labelled item was said. */
  cited: string;
}

// A "model" whose answers are known exactly: the reference summary as its overview, one chapter,
// one action item on the labelled utterance. The table's model rows must be what those score.
const brainFor = (cases: readonly Case[]): Brain => (request: ChatRequest) => {
  const user = request.messages.find((m) => m.role === 'user')?.content ?? '';
  const meeting = cases.find((c) => user.includes(c.transcript.utterances[0]?.text.replace(/\s+/g, ' ').trim() ?? '\u0000'));
  if (meeting === undefined) return {};
  return {
    overview: [{ text: meeting.truth.summary ?? '', ids: ['u0'] }],
    keyPoints: [],
    actionItems: [{ text: 'Send the minutes', owner: null, dueText: null, dueDate: null, ids: [meeting.cited] }],
    decisions: [],
    chapters: [{ title: 'The whole meeting', ids: ['u0'] }],
    speakerNames: [],
  };
};

describe('npm run eval scores the model path beside the offline engine (fake OpenAI on loopback)', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let server: FakeOpenAiServer;
  let dataDir: string;

  beforeAll(async () => {
    dir = await makeTempDir();
    dataDir = join(dir.path, 'qmsum-train');
    mkdirSync(dataDir);
    mkdirSync(join(dir.path, 'labels'));
    const cases: Case[] = [];
    for (const id of IDS) {
      for (const ext of ['vtt', 'truth.json']) copyFileSync(join(SAMPLES, `${id}.${ext}`), join(dataDir, `${id}.${ext}`));
      const transcript = await importTranscript(readFileSync(join(SAMPLES, `${id}.vtt`), 'utf8'), 'vtt', { meetingId: id, key: `${id}.vtt` });
      const truth = MeetingTruthSchema.parse(JSON.parse(readFileSync(join(SAMPLES, `${id}.truth.json`), 'utf8')));
      const at = truth.utterances[LABELLED_AT]?.startMs ?? 0;
      const cited = transcript.utterances.find((u) => u.startMs >= at)?.id ?? 'u0';
      cases.push({ id, transcript, truth, cited });
      const labels = { meeting: id, actionItems: [{ i: LABELLED_AT, evidence: [LABELLED_AT], owner: 'Project Manager', task: 'Send the minutes', due: null }], decisions: [] };
      writeFileSync(join(dir.path, 'labels', `${id}.labels.json`), JSON.stringify(labels));
    }
    server = await startFakeOpenAiServer({ brain: brainFor(cases) });
  });
  afterAll(async () => {
    await server.close();
    await dir.remove();
  });

  it('prints model rows computed from the model\'s answers, beside the offline engine and the baselines', async () => {
    const { text, evaluation } = await modelPathReport({
      dataDir,
      ids: [...IDS, 'not-there'],
      meetingDate: MEETING_DATE,
      config: loadConfig({ OPENAI_API_KEY: server.apiKey, OPENAI_BASE_URL: server.url, OPENAI_MODEL: 'gpt-4o-mini' }),
      maxMeetings: 2,
    });

    expect(server.requests.filter((r) => r.path === '/chat/completions')).toHaveLength(2);
    expect(evaluation?.failures).toEqual([]);
    const [baseline, offline, model] = evaluation?.engines ?? [];
    expect([baseline?.name, offline?.name, model?.name]).toEqual(['baseline (1 chapter; lead; will/should)', 'aftercall-extractive@1', 'openai:gpt-4o-mini']);
    // One chapter, as the one-chapter baseline; the reference summary itself; the labelled item found.
    expect(model?.scores.map((s) => s.pk)).toEqual(baseline?.scores.map((s) => s.pk));
    expect(model?.scores.map((s) => s.rouge1)).toEqual([1, 1]);
    expect(model?.scores.map((s) => s.actionItems)).toEqual([
      { predicted: 1, labelled: 1, matched: 1, ownerRight: 0 },
      { predicted: 1, labelled: 1, matched: 1, ownerRight: 0 },
    ]);
    const modelRow = text.split('\n').find((line) => line.startsWith('| openai:gpt-4o-mini |'));
    const pk = ((baseline?.scores[0]?.pk ?? 0) + (baseline?.scores[1]?.pk ?? 0)) / 2;
    expect(modelRow).toBe(`| openai:gpt-4o-mini | ${pk.toFixed(3)} | ${pk.toFixed(3)} | 1.000 | 1.000 | 2/2/2 | 1.00 | 1.00 | 0.00 | 0/0/0 | 0.00 | 0.00 |`);
    expect(text).toContain('| aftercall-extractive@1 |');
    expect(text).toContain('on the same 2 meetings (capped by --model-meetings');
    expect(text).toContain('meetings: ES2002a IS1008b (2 with a reference summary, 2 labelled)');
  }, 60_000);

  it('scores a failed meeting as empty notes and says why, instead of stopping the evaluation', async () => {
    server.setFault({ kind: 'refusal' });
    const { text } = await modelPathReport({ dataDir, ids: IDS, meetingDate: MEETING_DATE, config: loadConfig({ OPENAI_API_KEY: server.apiKey, OPENAI_BASE_URL: server.url }), maxMeetings: 1 });

    expect(text).toMatch(/model failed on ES2002a \(scored as empty notes\): .*refused/);
    expect(text).toContain('| openai:gpt-4o-mini | ');
  }, 60_000);

  it('says how to score the model path when no key or server is set', async () => {
    const { text, evaluation } = await modelPathReport({ dataDir, ids: IDS, meetingDate: MEETING_DATE, config: loadConfig({}) });
    expect(evaluation).toBeNull();
    expect(text).toMatch(/^Model path: not scored \(set OPENAI_API_KEY/);
  });
});
