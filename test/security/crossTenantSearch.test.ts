import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveMeetingId } from '../../lib/domain/meetings/meetingId.js';
import { sampleBytes, startStackFixture, type StackFixture } from '../support/localStackFixture.js';

/**
 * Attack: a member of one tenant searches for words, speakers and meeting ids that exist only in
 * another tenant's archive, hoping the relevance rule, the speaker filter or a meeting id lets a
 * foreign passage through. Through the HTTP API of the local stack, after both meetings went
 * through the whole workflow. The other tenant finds the same passages, so the test can fail.
 */
describe('cross-tenant search through GET /api/search', () => {
  let fixture: StackFixture;
  let base: string;
  let keyA: string;
  let keyB: string;
  let meetingB: string;

  const hits = async (query: string, key: string) => {
    const response = await fetch(`${base}/api/search?${query}`, { headers: { Authorization: `Bearer ${key}` } });
    expect(response.status).toBe(200);
    return ((await response.json()) as { hits: { meetingId: string; snippet: string; speakers: string[] }[] }).hits;
  };

  async function process(tenantId: string, key: string, audio: Buffer, vtt: string): Promise<string> {
    await fixture.stack.deps.blobs.put(key.replace(/\.ogg$/, '.vtt'), vtt, 'text/vtt');
    await fixture.stack.deps.blobs.put(key, audio, 'audio/ogg');
    const meetingId = deriveMeetingId(tenantId, key);
    for (let attempt = 0; attempt < 400 && (await fixture.stack.runner.executionsOf(meetingId)).length === 0; attempt += 1) await new Promise((done) => setTimeout(done, 25));
    await Promise.all((await fixture.stack.runner.executionsOf(meetingId)).map((name) => fixture.stack.runner.wait(name)));
    return meetingId;
  }

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    base = fixture.stack.httpUrl ?? '';
    const kickoff = await sampleBytes('recordings/kickoff-es2002a.ogg');
    await process('demo', 'recordings/kickoff.ogg', kickoff, (await sampleBytes('recordings/kickoff-es2002a.vtt')).toString('utf8'));
    // The standup (with "flashmatic", "teletext" and "outmoded", said nowhere in the kickoff) belongs to acme only.
    meetingB = await process('acme', 'tenants/acme/recordings/standup.ogg', await sampleBytes('recordings/standup-is1008b.ogg'), (await sampleBytes('recordings/standup-is1008b.vtt')).toString('utf8'));
    keyA = await fixture.apiKey({ role: 'member' });
    keyB = await fixture.apiKey({ tenantId: 'acme', role: 'member' });
  }, 180_000);
  afterAll(() => fixture.close());

  it.each([
    ['a word only the other tenant said', 'q=flashmatic'],
    ['the same, by a speaker both tenants have', 'q=flashmatic&speaker=industrial'],
    ['the same, by part of a speaker label', 'q=teletext+outmoded&speaker=manag'],
    ["the other tenant's meeting id", 'q=flashmatic&meetingId=MEETING_B'],
    ["the other tenant's meeting id with a word both tenants said", 'q=remote+control&meetingId=MEETING_B'],
    ['the same words in a date range', 'q=teletext+outmoded&from=2000-01-01&to=2100-01-01'],
  ])('finds nothing of the other tenant for %s', async (_, template) => {
    const query = template.replace('MEETING_B', encodeURIComponent(meetingB));
    const foreign = (await hits(`${query}&limit=100`, keyA)).filter((hit) => hit.meetingId === meetingB);
    expect(foreign).toEqual([]);
    if (!query.startsWith('q=remote') && !query.includes('meetingId')) expect(await hits(`${query}&limit=100`, keyA)).toEqual([]);
    // The owner finds them: the words, speakers and meeting are there to be found.
    expect((await hits(`${query}&limit=100`, keyB)).some((hit) => hit.meetingId === meetingB)).toBe(true);
  });
});
