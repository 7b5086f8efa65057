import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/tempDir.js';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../', import.meta.url));
const sample = (name: string) => fileURLToPath(new URL(`../../samples/recordings/${name}`, import.meta.url));

describe('aftercall ask', { timeout: 120_000 }, () => {
  let data: Awaited<ReturnType<typeof makeTempDir>>;
  let standup = '';
  const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'bin/aftercall.ts', '--data', data.path, ...args], { cwd: repo, timeout: 60_000 });

  beforeAll(async () => {
    data = await makeTempDir();
    const processed = await cli('process', sample('standup-is1008b.ogg'), '--transcript', sample('standup-is1008b.vtt'));
    standup = /\((mtg_[0-9a-f]{24})\)/.exec(processed.stdout)?.[1] ?? '';
    await cli('process', sample('kickoff-es2002a.ogg'), '--transcript', sample('kickoff-es2002a.vtt'));
  }, 180_000);
  afterAll(() => data.remove());

  it('prints an extractive answer, each sentence with its citations and links, labelled as extractive', async () => {
    const { stdout } = await cli('ask', 'what', 'about', 'the', 'remote', 'control', 'buttons?');
    expect(stdout).toMatch(/«[^»]*(remote|control|button)[^»]*»/i);
    expect(stdout).toMatch(/^ {4}\[\d+\] mtg_[0-9a-f]{24} at \d+:\d{2} {2}\/meetings\/mtg_[0-9a-f]{24}\?t=\d+$/m);
    expect(stdout).toContain('(Extractive answer:');
    expect(stdout).toContain('AI-generated — may be inaccurate (aftercall-extractive, extractive-answer)');
  });

  it('keeps to one meeting with --meeting', async () => {
    const { stdout } = await cli('ask', 'remote control buttons', '--meeting', standup);
    const cited = [...stdout.matchAll(/\] (mtg_[0-9a-f]{24}) at/g)].map((match) => match[1]);
    expect(cited.length).toBeGreaterThan(0);
    expect(new Set(cited)).toEqual(new Set([standup]));
  });

  it('says so when nothing answers the question', async () => {
    const { stdout } = await cli('ask', 'xylophone quantum');
    expect(stdout).toContain('No passage in the archive answers this.');
  });
});
