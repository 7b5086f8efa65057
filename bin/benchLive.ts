#!/usr/bin/env -S npx tsx
/**
 * The live relay's bench on its own: `npm run bench` runs it in a fresh process, so memory per
 * stream is measured against the relay's own baseline, not a process that has just indexed an archive.
 *
 *   npx tsx bin/benchLive.ts
 */
import { benchLiveRelay, printLiveBench } from '../lib/bench/liveBench.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const print = (line = '') => process.stdout.write(`${line}\n`);

print('Live captions — the relay with the fake Deepgram live server through the real SDK; each stream one participant');
print('sending 100 ms of PCM every 100 ms into its own room with one subscriber; clients and provider in a child process.');
printLiveBench(await benchLiveRelay(), print);
