import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { signedEgressEndedWebhook } from '../adapters/livekit/signedEgressEndedWebhook.js';
import { EMBEDDED_DEFAULTS } from '../config/embeddedDefaults.js';
import { readRecordingPcm } from '../app/live/readRecordingPcm.js';
import { streamRecordingToRelay } from '../app/live/streamRecordingToRelay.js';
import type { LocalStack } from '../composition/local.js';
import { createApiKey, resolveApiKey } from '../domain/auth/apiKeys.js';
import { recordingVersion } from '../domain/intake/recordingVersion.js';
import { runNameFor } from '../domain/intake/startMeeting.js';
import { deriveMeetingId } from '../domain/meetings/meetingId.js';
import { describeMeeting } from './printMeeting.js';
import { readSample, SAMPLE_RECORDINGS } from './sampleRecordings.js';
import { waitForMeetings } from './waitForMeetings.js';

/**
 * The main job on the samples, the way they would arrive in production: the kickoff recording
 * is dropped into the bucket (an S3 object-created event starts it); the standup recording is
 * written by "LiveKit egress", which also sends its signed egress_ended webhook — the second
 * announcement of the same recording finds the same meeting and starts nothing.
 */
export async function runDemo(stack: LocalStack, print: (line: string) => void): Promise<void> {
  const httpUrl = stack.httpUrl ?? '';
  const tenantId = stack.config.AFTERCALL_DEFAULT_TENANT;
  const key = await demoAdminKey(stack, tenantId);
  if (stack.live !== null) await liveCall(stack, key, print);
  const runs = [];
  for (const sample of SAMPLE_RECORDINGS) {
    const key = `recordings/${sample.name}.ogg`;
    await stack.deps.blobs.put(`recordings/${sample.name}.vtt`, await readSample(sample.transcript), 'text/vtt; charset=utf-8');
    await stack.deps.blobs.put(key, await readSample(sample.audio), 'audio/ogg');
    const meetingId = deriveMeetingId(tenantId, key);
    // The run of exactly these files, as the S3 event names it.
    runs.push({ meetingId, executionName: runNameFor(meetingId, await recordingVersion(stack.deps.blobs, key)) });
    print(`uploaded ${key} → meeting ${meetingId}`);
  }

  const standup = SAMPLE_RECORDINGS[1];
  const webhook = await signedEgressEndedWebhook({
    apiKey: stack.config.LIVEKIT_API_KEY ?? EMBEDDED_DEFAULTS.livekitDevKeys.apiKey,
    apiSecret: stack.config.LIVEKIT_API_SECRET ?? EMBEDDED_DEFAULTS.livekitDevKeys.apiSecret,
    bucket: stack.config.AFTERCALL_BUCKET,
    key: `recordings/${standup.name}.ogg`,
    roomName: 'standup',
  });
  const response = await fetch(`${httpUrl}/webhooks/livekit`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/webhook+json', Authorization: webhook.authorization },
    body: webhook.body,
  });
  print(`LiveKit egress_ended webhook → HTTP ${response.status} ${await response.text()}`);

  // S3 events are delivered asynchronously: give them a moment to start their runs.
  await waitUntilStarted(stack, runs.map((r) => r.executionName));
  const meetings = await waitForMeetings(stack, tenantId, runs);
  print('');
  for (const meeting of meetings) print(`${await describeMeeting(stack.deps.blobs, meeting)}\n`);

  const bucketDir = resolve(stack.dataDir, 's3', stack.config.AFTERCALL_BUCKET);
  print(`Results beside each recording: ${bucketDir}/recordings/<name>.ogg.aftercall/`);
  print(`API (admin key for tenant ${tenantId}, kept in ${join(stack.dataDir, DEMO_KEY_FILE)}):`);
  print(`     curl -H "Authorization: Bearer ${key}" ${httpUrl}/api/meetings`);
  print(`     ${httpUrl}/api/meetings/${meetings[0]?.meetingId ?? '<id>'}`);
  print(`     ${httpUrl}/api/search?q=remote+control`);
  print(`     ${httpUrl}/api/openapi.json (no key needed)`);
  print(`Web UI: ${httpUrl}/  (sign in with the key above)`);
  print(`Data folder (delete it to start over): ${stack.dataDir}`);
}

/** Seconds of the standup call played through the caption relay, and how much faster than real time. */
const LIVE_SECONDS = 20;
const LIVE_SPEED = 10;

/**
 * The live plane before the batch one, as in a real call: the start of the standup is streamed
 * into its room through the caption relay, whose captions are saved beside the recording that
 * egress then writes (the meeting page shows them). Without a Deepgram key the relay's offline
 * stand-in captions speech activity only, and says so.
 */
async function liveCall(stack: LocalStack, apiKey: string, print: (line: string) => void): Promise<void> {
  const standup = SAMPLE_RECORDINGS[1];
  const recording = await readRecordingPcm(new Uint8Array(await readSample(standup.audio)));
  const pcm = recording.pcm.subarray(0, LIVE_SECONDS * recording.sampleRate * 2);
  let finals = 0;
  let source = '';
  const closed = await streamRecordingToRelay({ ...recording, pcm }, {
    url: stack.httpUrl ?? '',
    apiKey,
    room: standup.name,
    participant: 'standup room',
    speed: LIVE_SPEED,
    onEvent: (event) => {
      if (event.type !== 'caption' || event.kind !== 'final') return;
      finals += 1;
      source = event.source;
    },
  });
  await stack.live?.settled();
  print(`live call: ${LIVE_SECONDS} s of ${standup.name} streamed into room ${standup.name} at ${LIVE_SPEED}× → ${finals} final captions (${source || 'none'}; close ${closed.code}), saved beside the recording`);
}

const DEMO_KEY_FILE = 'demo-admin-key.txt';

/**
 * The demo's admin key: created on the first run and kept in the data folder (which is the
 * user's own machine), so later runs print the same key instead of piling up new ones.
 */
async function demoAdminKey(stack: LocalStack, tenantId: string): Promise<string> {
  const file = join(stack.dataDir, DEMO_KEY_FILE);
  const kept = (await readFile(file, 'utf8').catch(() => '')).trim();
  // Reused only while it still works: a revoked key or a reset bucket gets a new one.
  if (kept !== '' && (await resolveApiKey(stack.deps.blobs, kept))?.tenantId === tenantId) return kept;
  const created = await createApiKey(stack.deps.blobs, { tenantId, role: 'admin', name: 'demo' });
  await writeFile(file, `${created.key}\n`, { mode: 0o600 });
  return created.key;
}

async function waitUntilStarted(stack: LocalStack, names: string[]): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const records = await Promise.all(names.map((name) => stack.runner.describe(name)));
    if (records.every((record) => record !== null)) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`the S3 events did not start runs for ${names.join(', ')} within 5 s`);
}
