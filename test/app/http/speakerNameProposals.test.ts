import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TranscriptSchema } from '../../../lib/domain/transcript/schema.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../../support/localStackFixture.js';

interface Proposal {
  speakerId: string;
  currentName: string;
  name: string;
  confidence: number;
  evidence: { utteranceId: string; kind: string }[];
  confirmedAt: string | null;
}

describe('speaker names proposed from self-introductions', () => {
  let fixture: StackFixture;
  let meetingId: string;
  let admin: string;
  let member: string;

  const call = async (path: string, key: string, init: RequestInit = {}) => {
    const response = await fetch(`${fixture.stack.httpUrl ?? ''}/api${path}`, { ...init, headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const transcript = async () => TranscriptSchema.parse(JSON.parse((await fixture.stack.deps.blobs.getText('recordings/kickoff.ogg.aftercall/transcript.json')) ?? 'null'));

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    const vtt = (await sampleBytes('recordings/kickoff-es2002a.vtt')).toString('utf8');
    meetingId = (await fixture.process('recordings/kickoff.ogg', await sampleBytes('recordings/kickoff-es2002a.ogg'), { ext: 'vtt', text: vtt })).meetingId;
    admin = await fixture.apiKey();
    member = await fixture.apiKey({ role: 'member' });
  }, 120_000);
  afterAll(() => fixture.close());

  it('proposes Laura for the project manager in the meeting view, with the utterance she says it in, and applies nothing', async () => {
    const view = await call(`/meetings/${meetingId}`, member);
    expect(view.status).toBe(200);
    const proposals = (view.body.speakerNames as { proposals: Proposal[] }).proposals;
    const pm = (await transcript()).speakers.find((speaker) => speaker.name === 'Project Manager');
    const laura = proposals.find((proposal) => proposal.name === 'Laura');
    expect(laura).toMatchObject({ speakerId: pm?.id, currentName: 'Project Manager', confirmedAt: null, evidence: [{ kind: 'introduced' }] });
    const cited = (await transcript()).utterances.find((u) => u.id === laura?.evidence[0]?.utteranceId);
    expect(cited?.text).toContain("I'm Laura and I'm the project manager");
    expect(proposals.map((p) => `${p.currentName}=${p.name}`).sort()).toEqual(['Industrial Designer=David', 'Marketing=Andrew', 'Project Manager=Laura', 'User Interface=Craig']);
    // Never applied silently: the transcript still names the roles.
    expect((await transcript()).speakers.map((speaker) => speaker.name)).toContain('Project Manager');
  });

  it('applies a confirmed proposal through the speaker rename, for an admin only, and marks it confirmed', async () => {
    const pm = (await transcript()).speakers.find((speaker) => speaker.name === 'Project Manager');
    expect((await call(`/meetings/${meetingId}/speakers/confirm`, member, { method: 'POST', body: JSON.stringify({ speakerIds: [pm?.id] }) })).status).toBe(403);
    expect((await call(`/meetings/${meetingId}/speakers/confirm`, admin, { method: 'POST', body: JSON.stringify({ speakerIds: ['spk_9'] }) })).status).toBe(404);

    const confirmed = await call(`/meetings/${meetingId}/speakers/confirm`, admin, { method: 'POST', body: JSON.stringify({ speakerIds: [pm?.id] }) });
    expect(confirmed.status).toBe(202);
    expect(confirmed.body.names).toEqual({ [pm?.id ?? '']: 'Laura' });
    await fixture.stack.runner.wait(confirmed.body.runId as string);

    const names = (await transcript()).speakers.map((speaker) => speaker.name);
    expect(names).toContain('Laura');
    expect(names).toContain('Marketing');
    const view = await call(`/meetings/${meetingId}`, member);
    const proposals = (view.body.speakerNames as { proposals: Proposal[] }).proposals;
    expect(proposals.find((p) => p.name === 'Laura')?.confirmedAt).toEqual(expect.any(String));
    expect(proposals.find((p) => p.name === 'Andrew')?.confirmedAt).toBeNull();

    const audit = await call('/audit?action=meeting.renameSpeakers&limit=1', admin);
    expect((audit.body.entries as { target: { id: string }; details: { names: string[] } }[])[0]).toMatchObject({
      target: { id: meetingId },
      details: { names: [`${pm?.id ?? ''}=Laura`] },
    });
  });
});
