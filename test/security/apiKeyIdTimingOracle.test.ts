import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEYS_PREFIX } from '../../lib/domain/auth/apiKeySchema.js';
import { startStackFixture, type StackFixture } from '../support/localStackFixture.js';
import { readRecorder } from '../support/readRecorder.js';

/**
 * The oracle: a known key id answered from a cache while an unknown one went to the store, so
 * response time told which key ids exist. Both kinds of guess must do the same work. (Their
 * timing is in `npm run bench`, "API key check", not in a timed test.)
 */
describe('API key ids cannot be told apart by the work a guess causes', () => {
  let fixture: StackFixture;
  let base: string;
  let recorder: ReturnType<typeof readRecorder>;
  let validKey: string;
  let knownId: string;

  const guessSecret = () => randomBytes(32).toString('base64url');
  /** Calls the API with `key` and returns the status, the body and the key records it read. */
  const probe = async (key: string) => {
    recorder.state.keys = [];
    recorder.state.on = true;
    try {
      const response = await fetch(`${base}/api/meetings`, { headers: { Authorization: `Bearer ${key}` } });
      return { status: response.status, body: await response.text(), keyReads: recorder.state.keys.filter((read) => read.startsWith(API_KEYS_PREFIX)) };
    } finally {
      recorder.state.on = false;
    }
  };

  beforeAll(async () => {
    fixture = await startStackFixture({
      http: true,
      port: 0,
      watchBucket: false,
      depsOverrides: (built) => {
        recorder = readRecorder(built.blobs);
        return { blobs: recorder.wrapped };
      },
    });
    base = fixture.stack.httpUrl ?? '';
    validKey = await fixture.apiKey();
    knownId = validKey.split('_')[1] ?? '';
    // The key in use, as an attacker would find it: in this process's cache.
    expect((await probe(validKey)).status).toBe(200);
  });
  afterAll(() => fixture.close());

  it('reads the store once for every guess, whether its key id exists or not', async () => {
    const unknownId = randomBytes(6).toString('hex');
    for (let round = 0; round < 3; round += 1) {
      const unknown = await probe(`ak_${unknownId}_${guessSecret()}`);
      const known = await probe(`ak_${knownId}_${guessSecret()}`);
      expect(unknown.status).toBe(401);
      expect(known.status).toBe(401);
      expect(known.body).toBe(unknown.body);
      expect(unknown.keyReads).toEqual([`${API_KEYS_PREFIX}${unknownId}.json`]);
      expect(known.keyReads).toEqual([`${API_KEYS_PREFIX}${knownId}.json`]);
    }
  });

  it('still answers a valid key from its cache, and a wrong secret for it from the store', async () => {
    expect(await probe(validKey)).toMatchObject({ status: 200, keyReads: [] });
    expect(await probe(`ak_${knownId}_${guessSecret()}`)).toMatchObject({ status: 401, keyReads: [`${API_KEYS_PREFIX}${knownId}.json`] });
    expect(await probe(validKey)).toMatchObject({ status: 200, keyReads: [] });
  });
});
