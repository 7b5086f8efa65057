import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultBrain, type Brain } from '../../support/fakes/fakeOpenAiBrain.js';
import { startProviderFakes, type Fakes } from '../../support/fakes/providerFakes.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../../support/localStackFixture.js';

interface View {
  summary: { text: string; sentences: { text: string }[]; sections: Record<string, { text: string }[]> };
  actionItems: { items: { id: string; text: string; owner: string | null }[] };
  decisions: { decisions: { id: string; text: string }[] };
}

const OLD_LABELS = /project manager|industrial designer|\bMarketing\b|user interface/i;

// The bug: a rename reran from Index, so the summary kept "The project manager said …" and
// action-item owners and decisions kept the old labels.
describe('a speaker rename shows the new names in the summary, action items and decisions', () => {
  let fixture: StackFixture;
  let meetingId: string;
  let admin: string;

  const call = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${fixture.stack.httpUrl ?? ''}/api${path}`, { ...init, headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const view = async (): Promise<View> => (await call(`/meetings/${meetingId}`)).body as unknown as View;
  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    const vtt = (await sampleBytes('recordings/kickoff-es2002a.vtt')).toString('utf8');
    meetingId = (await fixture.process('recordings/kickoff.ogg', await sampleBytes('recordings/kickoff-es2002a.ogg'), { ext: 'vtt', text: vtt })).meetingId;
    admin = await fixture.apiKey();
  }, 120_000);
  afterAll(() => fixture.close());

  it('confirming the proposed names rewrites every old label, keeping the same items', async () => {
    const before = await view();
    expect(before.summary.text).toMatch(/The project manager/);

    const confirmed = await call(`/meetings/${meetingId}/speakers/confirm`, { method: 'POST', body: '{}' });
    expect(confirmed.status).toBe(202);
    await fixture.stack.runner.wait(confirmed.body.runId as string);

    const after = await view();
    expect(allText(after)).not.toMatch(OLD_LABELS);
    expect(after.summary.text).toMatch(/\bLaura\b/);
    expect(after.summary.text).toBe(after.summary.sentences.map((s) => s.text).join(' '));
    // The same items, same ids and as many: relabelled, not understood again.
    expect(after.actionItems.items.map((i) => i.id)).toEqual(before.actionItems.items.map((i) => i.id));
    expect(after.decisions.decisions.map((d) => d.id)).toEqual(before.decisions.decisions.map((d) => d.id));
    expect(after.actionItems.items.map((i) => i.owner)).toEqual(
      before.actionItems.items.map((i) => ({ 'Project Manager': 'Laura', 'Industrial Designer': 'David', Marketing: 'Andrew', 'User Interface': 'Craig' })[i.owner ?? ''] ?? i.owner),
    );
    const decisionsNamingSomeone = before.decisions.decisions.filter((d) => OLD_LABELS.test(d.text)).map((d) => d.id);
    for (const id of decisionsNamingSomeone) expect(after.decisions.decisions.find((d) => d.id === id)?.text).toMatch(/Laura|David|Andrew|Craig/);
  });

  it('a rename typed in by hand (PUT /speakers) follows too: owners and next steps of the standup', async () => {
    const vtt = (await sampleBytes('recordings/standup-is1008b.vtt')).toString('utf8');
    const standup = (await fixture.process('recordings/standup.ogg', await sampleBytes('recordings/standup-is1008b.ogg'), { ext: 'vtt', text: vtt })).meetingId;
    const before = (await call(`/meetings/${standup}`)).body as unknown as View;
    expect(before.actionItems.items.filter((item) => item.owner === 'Project Manager').length).toBeGreaterThan(0);
    expect(allText(before)).toMatch(/project manager/i);
    const transcript = JSON.parse((await fixture.stack.deps.blobs.getText('recordings/standup.ogg.aftercall/transcript.json')) ?? 'null') as { speakers: { id: string; name: string }[] };
    const pm = transcript.speakers.find((s) => s.name === 'Project Manager')?.id ?? '';

    const renamed = await call(`/meetings/${standup}/speakers`, { method: 'PUT', body: JSON.stringify({ [pm]: 'Sam Okafor' }) });
    expect(renamed.status).toBe(202);
    await fixture.stack.runner.wait(renamed.body.runId as string);

    const after = (await call(`/meetings/${standup}`)).body as unknown as View;
    expect(allText(after)).not.toMatch(/project manager/i);
    expect(after.actionItems.items.map((i) => i.owner)).toEqual(before.actionItems.items.map((i) => (i.owner === 'Project Manager' ? 'Sam Okafor' : i.owner)));
    expect(after.summary.text).toMatch(/Sam Okafor/);
    // The search index was rebuilt from the renamed notes.
    const hits = await call(`/search?q=${encodeURIComponent('Sam Okafor')}`);
    expect(JSON.stringify(hits.body)).toMatch(/Sam Okafor/);
  });
});

// The model names people by the legend's labels ("Project Manager") in its own words.
const brainNamingRoles: Brain = (request) => {
  const answer = defaultBrain(request) as Record<string, unknown[]>;
  if (request.response_format?.json_schema?.name !== 'meeting_notes') return answer;
  const first = /\[(u\d+) S\d+\]/.exec(request.messages.find((m) => m.role === 'user')?.content ?? '')?.[1] ?? 'u0';
  return {
    ...answer,
    keyPoints: [{ text: 'The Project Manager asked the Industrial Designer to draw the first concept.', ids: [first] }],
    decisions: [{ text: 'Marketing and the Project Manager agreed to meet again in thirty minutes', ids: [first] }],
    actionItems: [{ text: 'Draw the first concept', owner: 'S3', dueText: null, dueDate: null, ids: [first] }],
  };
};

describe('a speaker rename on the model path', () => {
  let fakes: Fakes;
  let fixture: StackFixture;

  beforeAll(async () => {
    fakes = await startProviderFakes(brainNamingRoles);
    fixture = await startStackFixture({ http: true, port: 0, env: fakes.env });
  }, 120_000);
  afterAll(async () => {
    await fixture.close();
    await fakes.close();
  });

  it('relabels the model\'s summary, decisions and owners without asking the model again', async () => {
    const vtt = (await sampleBytes('recordings/kickoff-es2002a.vtt')).toString('utf8');
    const meetingId = (await fixture.process('calls/kickoff.ogg', await sampleBytes('recordings/kickoff-es2002a.ogg'), { ext: 'vtt', text: vtt })).meetingId;
    const admin = await fixture.apiKey();
    const call = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(`${fixture.stack.httpUrl ?? ''}/api${path}`, { ...init, headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' } });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const before = (await call(`/meetings/${meetingId}`)).body as unknown as View;
    expect(before.decisions.decisions[0]?.text).toMatch(/^Marketing and the Project Manager agreed/);
    expect(before.actionItems.items[0]?.owner).toBe('Industrial Designer');
    const modelCalls = fakes.openai.requests.filter((r) => r.path === '/chat/completions').length;

    const confirmed = await call(`/meetings/${meetingId}/speakers/confirm`, { method: 'POST', body: '{}' });
    await fixture.stack.runner.wait(confirmed.body.runId as string);

    const after = (await call(`/meetings/${meetingId}`)).body as unknown as View;
    expect(after.decisions.decisions[0]?.text).toBe('Andrew and Laura agreed to meet again in thirty minutes');
    expect(after.summary.sections.keyPoints?.[0]?.text).toBe('Laura asked David to draw the first concept.');
    expect(after.summary.sections.decisions?.[0]?.text).toBe('Decided: Andrew and Laura agreed to meet again in thirty minutes.');
    expect(after.summary.sections.nextSteps?.[0]?.text).toBe('Next steps: David to draw the first concept.');
    expect(after.actionItems.items[0]?.owner).toBe('David');
    expect(allText(after)).not.toMatch(OLD_LABELS);
    expect(fakes.openai.requests.filter((r) => r.path === '/chat/completions')).toHaveLength(modelCalls);
  }, 60_000);
});

const allText = (v: View): string =>
  [v.summary.text, ...Object.values(v.summary.sections).flat().map((s) => s.text), ...v.actionItems.items.map((i) => `${i.text} ${i.owner ?? ''}`), ...v.decisions.decisions.map((d) => d.text)].join('\n');
