import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentWav } from '../../lib/bench/silentWav.js';
import { startStackFixture, type StackFixture } from '../support/localStackFixture.js';

const ONE_CUE = 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Ann>Hello.</v>\n';

describe('an oversized recording', () => {
  let fixture: StackFixture;
  beforeAll(async () => {
    fixture = await startStackFixture({ env: { AFTERCALL_MAX_RECORDING_BYTES: '50000' } });
  });
  afterAll(() => fixture.close());

  it('fails intake with RecordingTooLargeError naming the limit and how to change it', async () => {
    const meeting = await fixture.process('calls/long.wav', silentWav(5), { ext: 'vtt', text: ONE_CUE });
    expect(meeting.state).toBe('failed');
    expect(meeting.error).toMatchObject({ step: 'intake', name: 'RecordingTooLargeError', message: expect.stringContaining('AFTERCALL_MAX_RECORDING_BYTES') });
  });

  it('lets a recording within the limit through', async () => {
    const meeting = await fixture.process('calls/short.wav', silentWav(1), { ext: 'vtt', text: ONE_CUE });
    expect(meeting.state).toBe('ready');
  });
});
