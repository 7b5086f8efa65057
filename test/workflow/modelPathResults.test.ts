import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SummarySchema } from '../../lib/domain/understanding/schema.js';
import { SpeakerNameProposalsSchema } from '../../lib/domain/understanding/speakerNames/speakerNameSchema.js';
import { TranscriptSchema } from '../../lib/domain/transcript/schema.js';
import { startProviderFakes, type Fakes } from '../support/fakes/providerFakes.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';

// The kickoff says "I'm Laura and I'm the project manager" and so on: the fake model proposes
// every self-introduction it reads; what aftercall stores must be the grounded part of that.
describe('the model path writes the same result files as the offline engine (fake OpenAI on loopback)', () => {
  let fakes: Fakes;
  let fixture: StackFixture;
  let kickoffVtt: string;
  const read = async (key: string): Promise<unknown> => JSON.parse((await fixture.stack.deps.blobs.getText(key)) ?? 'null');

  beforeAll(async () => {
    fakes = await startProviderFakes();
    fixture = await startStackFixture({ http: true, port: 0, env: fakes.env });
    kickoffVtt = (await sampleBytes('recordings/kickoff-es2002a.vtt')).toString('utf8');
  }, 60_000);
  afterAll(async () => {
    await fixture.close();
    await fakes.close();
  });

  it('stores summary sections and proposed names from the model, grounded, shown in the API and applied nowhere', async () => {
    const meeting = await fixture.process('calls/kickoff.ogg', await sampleBytes('recordings/kickoff-es2002a.ogg'), { ext: 'vtt', text: kickoffVtt });
    expect(meeting.state).toBe('ready');
    expect(meeting.degraded).toBe(false);

    const summary = SummarySchema.parse(await read('calls/kickoff.ogg.aftercall/summary.json'));
    expect(summary.engine).toBe('openai:gpt-4o-mini');
    expect(summary.sections?.overview[0]?.text).toMatch(/^The meeting opened with /);
    expect(summary.sections?.keyPoints.length).toBeGreaterThan(0);
    expect(summary.sections?.nextSteps[0]?.text).toMatch(/^Next steps: /);
    expect(summary.text).toBe(summary.sentences.map((s) => s.text).join(' '));

    const names = SpeakerNameProposalsSchema.parse(await read('calls/kickoff.ogg.aftercall/speaker-names.json'));
    expect(names.engine).toBe('openai:gpt-4o-mini');
    expect(names.proposals.map((p) => `${p.currentName}=${p.name}`).sort()).toEqual(['Industrial Designer=David', 'Marketing=Andrew', 'Project Manager=Laura', 'User Interface=Craig']);
    const transcript = TranscriptSchema.parse(await read('calls/kickoff.ogg.aftercall/transcript.json'));
    for (const proposal of names.proposals) {
      expect(proposal.confirmedAt).toBeNull();
      for (const evidence of proposal.evidence) expect(transcript.utterances.find((u) => u.id === evidence.utteranceId)?.text).toContain(proposal.name);
    }
    expect(transcript.speakers.map((s) => s.name)).toContain('Project Manager');

    const key = await fixture.apiKey({ role: 'member' });
    const view = (await (await fetch(`${fixture.stack.httpUrl ?? ''}/api/meetings/${meeting.meetingId}`, { headers: { Authorization: `Bearer ${key}` } })).json()) as { speakerNames: { proposals: unknown[] } };
    expect(view.speakerNames.proposals).toHaveLength(4);
  }, 60_000);

  it('falls back to the offline engine when the model refuses, and says so in the manifest', async () => {
    fakes.openai.setFault({ kind: 'refusal' }, { path: '/chat/completions', times: 1 });
    const meeting = await fixture.process('calls/refused.ogg', await sampleBytes('recordings/kickoff-es2002a.ogg'), { ext: 'vtt', text: kickoffVtt });

    expect(meeting.degraded).toBe(true);
    expect(meeting.manifest?.degraded).toEqual([{ step: 'understand', reason: expect.stringMatching(/refused.*used aftercall-extractive@1/) }]);
    const names = SpeakerNameProposalsSchema.parse(await read('calls/refused.ogg.aftercall/speaker-names.json'));
    expect(names.engine).toBe('aftercall-extractive@1');
    expect(names.proposals.map((p) => p.name).sort()).toEqual(['Andrew', 'Craig', 'David', 'Laura']);
  }, 60_000);
});
