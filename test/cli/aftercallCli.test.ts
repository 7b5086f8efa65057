import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/tempDir.js';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../', import.meta.url));
const sample = (name: string) => fileURLToPath(new URL(`../../samples/recordings/${name}`, import.meta.url));

// Every command starts (and stops) a whole local stack in a child process: seconds each, more on a busy machine.
const CLI_TEST_TIMEOUT = 120_000;

describe('the aftercall CLI', { timeout: CLI_TEST_TIMEOUT }, () => {
  let data: Awaited<ReturnType<typeof makeTempDir>>;
  const cli = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'bin/aftercall.ts', '--data', data.path, ...args], { cwd: repo, timeout: 60_000 });

  beforeAll(async () => {
    data = await makeTempDir();
  });
  afterAll(() => data.remove());

  it('processes a recording with its transcript, lists it, reprocesses it from a step, and rebuilds the index', async () => {
    const processed = await cli('process', sample('standup-is1008b.ogg'), '--transcript', sample('standup-is1008b.vtt'));
    // Titled by its first chapter (the recording names no title or room).
    expect(processed.stdout).toMatch(/■ \S.* {2}\((mtg_[0-9a-f]{24})\) {2}— ready/);
    expect(processed.stdout).toContain('Summary:');
    const meetingId = /\((mtg_[0-9a-f]{24})\)/.exec(processed.stdout)?.[1] ?? '';

    const listed = await cli('list');
    expect(listed.stdout).toContain(`${meetingId}  ready`);

    const again = await cli('reprocess', meetingId, '--from', 'understand');
    expect(again.stdout).toContain('— ready');

    const reindexed = await cli('reindex');
    expect(reindexed.stdout).toMatch(/reindexed 1 meetings, \d+ documents/);

    const found = await cli('search', 'remote', 'control');
    expect(found.stdout).toContain(meetingId);
  });

  it('creates an API key, shows it once, lists it without its secret and revokes it', async () => {
    const created = await cli('keys', 'create', '--tenant', 'acme', '--role', 'admin', '--name', 'ops');
    const key = /^(ak_[0-9a-f]{12}_\S+)$/m.exec(created.stdout)?.[1] ?? '';
    const keyId = key.split('_')[1] ?? '';
    expect(keyId).toMatch(/^[0-9a-f]{12}$/);
    const listed = await cli('keys', 'list', '--tenant', 'acme');
    expect(listed.stdout).toContain(`${keyId}  acme`);
    expect(listed.stdout).not.toContain(key.slice(16));
    expect((await cli('keys', 'revoke', keyId)).stdout).toContain(`revoked ${keyId}`);
    expect((await cli('keys', 'list', '--tenant', 'acme')).stdout).toContain('no API keys');
  });

  it('runs the demo: a live call through the caption relay, then both samples through the workflow, live captions kept beside the recording', async () => {
    const demo = await cli('demo', '--exit', '--port', '0');
    expect(demo.stdout).toMatch(/live call: 20 s of standup-is1008b .* → [1-9]\d* final captions \(offline:speech-activity; close 1000\)/);
    // Both samples, each under its title (their first chapters').
    expect(demo.stdout.match(/^■ \S.* {2}\(mtg_[0-9a-f]{24}\) {2}— ready$/gm)).toHaveLength(2);
    const saved = await readFile(join(data.path, 's3', 'aftercall-recordings', 'recordings', 'standup-is1008b.ogg.aftercall', 'live-captions.json._S3rver_object'), 'utf8');
    expect(JSON.parse(saved)).toMatchObject({ source: 'live', room: 'standup-is1008b' });
  });

  it('explains a bad input and exits non-zero', async () => {
    await expect(cli('process', '/no/such/file.ogg')).rejects.toMatchObject({ stderr: expect.stringContaining('cannot read /no/such/file.ogg') });
    await expect(cli('reprocess', 'mtg_000000000000000000000000')).rejects.toMatchObject({ stderr: expect.stringContaining('no meeting') });
  });
});
