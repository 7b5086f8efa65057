import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../lib/composition/local.js';
import { loadConfig } from '../../lib/config/config.js';
import { apiKeyRecordsPrefix, API_KEYS_PREFIX } from '../../lib/domain/auth/apiKeySchema.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../../lib/domain/auth/apiKeys.js';
import type { BlobStore } from '../../lib/domain/ports/BlobStore.js';
import { startStackFixture, type StackFixture } from '../support/localStackFixture.js';
import { readRecorder, type RecordedRead } from '../support/readRecorder.js';
import { makeTempDir } from '../support/tempDir.js';

const guessSecret = () => randomBytes(32).toString('base64url');
const RECORD_NAME = /^_aftercall\/keys\/([0-9a-f]{12})\/[0-9a-f]{64}\.json$/;

/** Calls the API with `key` and returns the status, the body and every store call it made. */
async function probe(base: string, recorder: ReturnType<typeof readRecorder>, key: string) {
  recorder.state.reads = [];
  recorder.state.on = true;
  try {
    const response = await fetch(`${base}/api/meetings`, { headers: { Authorization: `Bearer ${key}` } });
    return { status: response.status, body: await response.text(), reads: recorder.state.reads.map((read) => ({ ...read })) };
  } finally {
    recorder.state.on = false;
  }
}

/** A store call with the key id and hash taken out: what an observer of the store could tell apart. */
const shapeOf = (read: RecordedRead) => ({ call: read.call, found: read.found, name: read.key.replace(RECORD_NAME, '_aftercall/keys/<id>/<hash>.json') });

/**
 * The oracle: an unknown key id answered in ~4.9 ms and a known one in ~0.9 ms (a cache), and
 * after that was closed, a known id with a wrong secret still read an object that exists while
 * an unknown id got a 404 — and the store takes different time for those. Now the record is
 * named by id and secret hash, so both guesses read an absent object: the same call, the same
 * outcome. (Their timing is in `npm run bench`, "API key check", not in a timed test.)
 */
describe('API key ids cannot be told apart by the store calls a guess causes', () => {
  let fixture: StackFixture;
  let base: string;
  let recorder: ReturnType<typeof readRecorder>;
  let validKey: string;
  let knownId: string;

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
    expect((await probe(base, recorder, validKey)).status).toBe(200);
  });
  afterAll(() => fixture.close());

  it('makes one identical read that finds nothing, whether the key id exists or not', async () => {
    const unknownId = randomBytes(6).toString('hex');
    for (let round = 0; round < 3; round += 1) {
      const unknown = await probe(base, recorder, `ak_${unknownId}_${guessSecret()}`);
      const known = await probe(base, recorder, `ak_${knownId}_${guessSecret()}`);
      expect(unknown.status).toBe(401);
      expect(known.status).toBe(401);
      expect(known.body).toBe(unknown.body);
      expect(unknown.reads.map(shapeOf)).toEqual([{ call: 'getText', found: false, name: '_aftercall/keys/<id>/<hash>.json' }]);
      expect(known.reads.map(shapeOf)).toEqual(unknown.reads.map(shapeOf));
      expect(unknown.reads[0]?.key).toMatch(new RegExp(`^${API_KEYS_PREFIX}${unknownId}/`));
      expect(known.reads[0]?.key).toMatch(new RegExp(`^${API_KEYS_PREFIX}${knownId}/`));
    }
  });

  it('finds the record only with the whole key, then answers it from the cache', async () => {
    const other = await fixture.apiKey({ role: 'member' });
    const first = await probe(base, recorder, other);
    expect(first.status).toBe(200);
    expect(first.reads.filter((read) => read.key.startsWith(API_KEYS_PREFIX)).map(shapeOf)).toEqual([{ call: 'getText', found: true, name: '_aftercall/keys/<id>/<hash>.json' }]);
    const again = await probe(base, recorder, other);
    expect(again.status).toBe(200);
    expect(again.reads.filter((read) => read.key.startsWith(API_KEYS_PREFIX))).toEqual([]);
    // A wrong secret for a cached id misses the cache like any guess.
    expect((await probe(base, recorder, `ak_${knownId}_${guessSecret()}`)).reads.map(shapeOf)).toEqual([{ call: 'getText', found: false, name: '_aftercall/keys/<id>/<hash>.json' }]);
  });

  it('lists keys without secrets or hashes, and a revoked key is refused like any guess', async () => {
    const listed = await listApiKeys(fixture.stack.deps.blobs);
    expect(listed.map((key) => key.keyId)).toContain(knownId);
    expect(JSON.stringify(listed)).not.toMatch(/[0-9a-f]{64}|hash/);

    expect(await revokeApiKey(fixture.stack.deps.blobs, knownId)).toBe(true);
    expect(await fixture.stack.deps.blobs.list(apiKeyRecordsPrefix(knownId))).toEqual([]);
    const revoked = await probe(base, recorder, validKey);
    expect(revoked.status).toBe(401);
    expect(revoked.reads.map(shapeOf)).toEqual([{ call: 'getText', found: false, name: '_aftercall/keys/<id>/<hash>.json' }]);
  });
});

describe('API key records of the first layout (`_aftercall/keys/<keyId>.json`)', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let stack: LocalStack | null = null;
  let recorder: ReturnType<typeof readRecorder>;

  const start = async () => {
    stack = await startLocalStack(loadConfig({ AFTERCALL_DATA_DIR: dir.path }), {
      http: true,
      port: 0,
      watchBucket: false,
      log: () => undefined,
      depsOverrides: (built) => {
        recorder = readRecorder(built.blobs);
        return { blobs: recorder.wrapped };
      },
    });
    return stack;
  };
  /** Writes the record as the first layout did and removes the new name. */
  const toFirstLayout = async (blobs: BlobStore, keyId: string) => {
    const [name = ''] = await blobs.list(apiKeyRecordsPrefix(keyId));
    await blobs.put(`${API_KEYS_PREFIX}${keyId}.json`, (await blobs.getText(name)) ?? '', 'application/json');
    await blobs.delete([name]);
  };

  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    await stack?.close();
    stack = null;
  });
  afterAll(() => dir.remove());

  it('moves to the id-and-hash name at start-up, and the key keeps working', async () => {
    const first = await start();
    const { key, record } = await createApiKey(first.deps.blobs, { tenantId: first.config.AFTERCALL_DEFAULT_TENANT, role: 'admin', name: 'old' });
    await toFirstLayout(first.deps.blobs, record.keyId);
    await first.close();
    stack = null;

    const second = await start();
    const blobs = second.deps.blobs;
    expect(await blobs.head(`${API_KEYS_PREFIX}${record.keyId}.json`)).toBeNull();
    expect(await blobs.list(apiKeyRecordsPrefix(record.keyId))).toEqual([expect.stringMatching(RECORD_NAME)]);
    const valid = await probe(second.httpUrl ?? '', recorder, key);
    expect(valid.status).toBe(200);
    expect(valid.reads.filter((read) => read.key.startsWith(API_KEYS_PREFIX)).map(shapeOf)).toEqual([{ call: 'getText', found: true, name: '_aftercall/keys/<id>/<hash>.json' }]);
    expect(await listApiKeys(blobs)).toEqual([expect.objectContaining({ keyId: record.keyId, name: 'old', role: 'admin' })]);
  });

  it('is never read by a request: a record left in the first layout after start-up does not authenticate', async () => {
    const running = await start();
    const { key, record } = await createApiKey(running.deps.blobs, { tenantId: running.config.AFTERCALL_DEFAULT_TENANT, role: 'admin', name: 'straggler' });
    await toFirstLayout(running.deps.blobs, record.keyId);
    const refused = await probe(running.httpUrl ?? '', recorder, key);
    expect(refused.status).toBe(401);
    expect(refused.reads.map((read) => read.key)).not.toContain(`${API_KEYS_PREFIX}${record.keyId}.json`);
    expect(refused.reads.map(shapeOf)).toEqual([{ call: 'getText', found: false, name: '_aftercall/keys/<id>/<hash>.json' }]);
  });
});
