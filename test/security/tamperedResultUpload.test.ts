import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultFiles, resultKey, resultPrefixFor } from '../../lib/domain/meetings/resultKeys.js';
import { startStackFixture, type StackFixture } from '../support/localStackFixture.js';

// The URL Transcribe gives Deepgram is the only credential a result PUT carries: changing what it
// names must be refused by the store's SigV4 check (as S3 does), not land anywhere.
describe('a presigned result URL used for anything but its one PUT', () => {
  let fixture: StackFixture;
  let signed: URL;
  const resultOf = (recording: string) => resultKey(resultPrefixFor(recording), resultFiles.transcriptionResult);

  beforeAll(async () => {
    fixture = await startStackFixture({
      env: { AFTERCALL_PUBLIC_URL: 'http://127.0.0.1:9/', AFTERCALL_CALLBACK_SECRET: 'a-callback-secret-of-some-length' },
      watchBucket: false,
    });
    await fixture.stack.deps.blobs.put('calls/board.wav', 'the recording', 'audio/wav');
    const presign = fixture.stack.deps.callbacks?.resultUploadUrl;
    if (presign === undefined) throw new Error('callbacks are configured: the stack must presign result uploads');
    signed = new URL(await presign(resultOf('calls/board.wav')));
  });
  afterAll(async () => {
    await fixture.close();
  });

  const put = (url: URL, body = '{"metadata":{"request_id":"x"}}') => fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body });
  const bucket = () => fixture.stack.config.AFTERCALL_BUCKET;

  it('refuses the URL pointed at the recording itself (overwriting the audio)', async () => {
    const tampered = new URL(signed);
    tampered.pathname = `/${bucket()}/calls/board.wav`;
    expect((await put(tampered)).status).toBe(403);
    expect(await fixture.stack.deps.blobs.getText('calls/board.wav')).toBe('the recording');
  });

  it("refuses the URL pointed at another meeting's result key", async () => {
    const tampered = new URL(signed);
    tampered.pathname = `/${bucket()}/${resultOf('calls/other.wav')}`;
    expect((await put(tampered)).status).toBe(403);
    expect(await fixture.stack.deps.blobs.head(resultOf('calls/other.wav'))).toBeNull();
  });

  it('refuses the URL with its signature changed, its expiry stretched, or without its signature', async () => {
    const badSignature = new URL(signed);
    badSignature.searchParams.set('X-Amz-Signature', '0'.repeat(64));
    const longer = new URL(signed);
    longer.searchParams.set('X-Amz-Expires', '604800');
    const unsigned = new URL(signed);
    unsigned.search = '';
    for (const url of [badSignature, longer, unsigned]) expect((await put(url)).status).toBe(403);
    expect(await fixture.stack.deps.blobs.head(resultOf('calls/board.wav'))).toBeNull();
  });

  it('refuses reading or deleting with the PUT URL (the signature covers the method)', async () => {
    expect((await fetch(signed, { method: 'GET' })).status).toBe(403);
    expect((await fetch(signed, { method: 'DELETE' })).status).toBe(403);
  });

  it('accepts the untouched URL, for its one key', async () => {
    expect((await put(signed)).status).toBe(200);
    expect(await fixture.stack.deps.blobs.getText(resultOf('calls/board.wav'))).toBe('{"metadata":{"request_id":"x"}}');
  });
});
