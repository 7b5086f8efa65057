import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentWav } from '../../lib/bench/silentWav.js';
import type { AskAnswer } from '../../lib/domain/ask/passages.js';
import { askOverHttp, vttOf } from '../support/askOverHttp.js';
import { startStackFixture, type StackFixture } from '../support/localStackFixture.js';

// Attack: with its own valid key, one tenant asks the archive about what another tenant said —
// by the other tenant's words, by its meeting id, over every date — hoping an answer cites or
// quotes the other tenant's meeting. Each ask goes through POST /api/ask, streamed and as JSON.
const SECRET = vttOf([
  ['Eve', 'Our secret supplier Quillfeather sells the titanium casing for four euros.'],
  ['Mallory', 'Keep the Quillfeather titanium casing price away from the competition.'],
]);
const OWN = vttOf([
  ['Laura', 'The plastic casing costs twelve euros, which blows the budget.'],
  ['David', 'A rubber casing would be much cheaper.'],
]);

describe('an ask never cites or quotes another tenant’s meeting', () => {
  let fixture: StackFixture;
  let base: string;
  let attacker: string;
  let victimMeeting: string;
  let ownMeeting: string;

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    base = fixture.stack.httpUrl ?? '';
    victimMeeting = (await fixture.process('tenants/acme/recordings/supplier.wav', silentWav(1), { ext: 'vtt', text: SECRET })).meetingId;
    ownMeeting = (await fixture.process('recordings/budget.wav', silentWav(1), { ext: 'vtt', text: OWN })).meetingId;
    attacker = await fixture.apiKey({ tenantId: 'demo', role: 'admin' });
  });
  afterAll(() => fixture.close());

  it('finds the victim’s meeting for the victim (so the attack below has something to find)', async () => {
    const victim = await fixture.apiKey({ tenantId: 'acme', role: 'member' });
    const answer = (await askOverHttp(base, victim, { question: 'Quillfeather titanium casing price' }, { json: true })).json() as unknown as AskAnswer;
    expect(answer.sentences.flatMap((sentence) => sentence.citations).some((citation) => citation.meetingId === victimMeeting)).toBe(true);
  });

  it.each([
    ['the victim’s own words', { question: 'Quillfeather titanium casing price for four euros' }],
    ['the victim’s words over all dates', { question: 'secret supplier Quillfeather', from: '1970-01-01', to: '2999-12-31' }],
  ])('asked by %s, cites only the asker’s meetings and quotes nothing of the victim’s', async (_name, body) => {
    for (const json of [true, false]) {
      const response = await askOverHttp(base, attacker, body, { json });
      expect(response.status).toBe(200);
      const answer = (json ? response.json() : response.events().at(-1)!.data) as AskAnswer;
      const meetings = [...answer.passages.map((passage) => passage.meetingId), ...answer.sentences.flatMap((sentence) => sentence.citations.map((citation) => citation.meetingId))];
      expect(meetings.every((meetingId) => meetingId === ownMeeting)).toBe(true);
      // The question names Quillfeather; the answer's sentences and passages must not.
      expect(JSON.stringify([answer.sentences, answer.passages])).not.toMatch(/Quillfeather|titanium|Mallory|Eve/);
      expect(response.text.replaceAll(body.question, '')).not.toContain('Quillfeather');
    }
  });

  it('answers the victim’s meeting id with 404, as for a meeting that does not exist', async () => {
    const response = await askOverHttp(base, attacker, { question: 'Quillfeather titanium casing', meetingId: victimMeeting });
    expect(response.status).toBe(404);
    expect(response.text).not.toMatch(/Quillfeather|titanium|acme/);
  });
});
