import { fork, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DeepgramLiveTranscriber } from '../adapters/deepgram/DeepgramLiveTranscriber.js';
import { createDeepgramClient } from '../adapters/deepgram/createDeepgramClient.js';
import { CaptionRelay } from '../app/live/CaptionRelay.js';
import { startRelayServer } from '../app/live/startRelayServer.js';
import { createApiKey } from '../domain/auth/apiKeys.js';
import { memoryBlobs } from '../../test/support/memoryBlobStore.js';

export interface LiveBenchStep {
  streams: number;
  deliveries: number;
  p50Ms: number;
  p95Ms: number;
  /** The relay process's CPU time over wall time (1.0 = one core: its event loop is one thread). */
  cpu: number;
  rssMb: number;
  /** Captions delivered over those the script makes in real time: below 1, something fell behind. */
  pace: number;
}

export interface LiveBenchResult {
  /** Relay latency at the lightest load: provider message received → written to the subscriber's socket. */
  p50Ms: number;
  p95Ms: number;
  /** The most concurrent streams held with p95 under the target and the relay's CPU under the ceiling. */
  maxStreams: number;
  /** Why the ramp stopped. */
  limit: string;
  /** (RSS at maxStreams − RSS before any stream) / maxStreams. */
  memoryPerStreamKb: number;
  /** Streams at which the relay's CPU would reach the ceiling, extrapolated linearly from the last step held: an estimate, not a measurement. */
  cpuBoundStreamsEstimate: number;
  steps: LiveBenchStep[];
}

export interface LiveBenchOptions {
  /** Stream counts to ramp through. */
  steps?: readonly number[];
  /** Steady-state measuring window per step. */
  windowMs?: number;
  targetP95Ms?: number;
  /** CPU share of one core past which the relay counts as saturated. */
  cpuCeiling?: number;
}

const DG_KEY = 'live-bench';
/** The load generator's script: 3 interims and 1 final per 2.5 s turn. */
const CAPTIONS_PER_STREAM_SECOND = 4 / 2.5;
/** Below this share of real-time captions the step is not held (the relay or the generator cannot keep up). */
const MIN_PACE = 0.9;
export const LIVE_TARGET_P95_MS = 20;
const GENERATOR = fileURLToPath(new URL('../../test/support/fakes/fakeDeepgramLiveLoad.ts', import.meta.url));

/**
 * The live relay under load, against the fake Deepgram live server through the real SDK. A child
 * process (the load generator) runs the fake provider and the clients: each stream is one
 * participant sending 100 ms of PCM every 100 ms into its own room, with one subscriber. The
 * relay runs here, alone on its event loop; every delivery's latency is measured from the
 * moment the SDK handed over the provider's message to the moment the subscriber's socket
 * accepted the write. Streams are added step by step until p95 passes the target or the relay's
 * CPU saturates.
 */
export async function benchLiveRelay(options: LiveBenchOptions = {}): Promise<LiveBenchResult> {
  const steps = options.steps ?? [10, 50, 100, 200, 400, 600, 800, 1000, 1500];
  const windowMs = options.windowMs ?? 5000;
  const target = options.targetP95Ms ?? LIVE_TARGET_P95_MS;
  const ceiling = options.cpuCeiling ?? 0.9;
  const generator = fork(GENERATOR, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let samples: number[] = [];
  try {
    const { fakeUrl } = await ask<{ fakeUrl: string }>(generator, { type: 'start', apiKey: DG_KEY }, 'ready');
    const blobs = memoryBlobs();
    const { key } = await createApiKey(blobs, { tenantId: 'bench', role: 'member', name: 'live bench' });
    const relay = new CaptionRelay({
      blobs,
      transcriber: new DeepgramLiveTranscriber(createDeepgramClient({ apiKey: DG_KEY, baseUrl: fakeUrl })),
      translator: null,
      defaultTenant: 'bench',
      onDelivered: (delivery) => samples.push(performance.now() - delivery.receivedAt),
      log: () => undefined,
    });
    const server = await startRelayServer(relay, { host: '127.0.0.1', port: 0 });
    const baselineRss = process.memoryUsage().rss;
    const results: LiveBenchStep[] = [];
    let limit = `reached the last step (${steps.at(-1) ?? 0} streams) within target`;
    try {
      for (const streams of steps) {
        await ask(generator, { type: 'streams', count: streams, relayUrl: server.url, key }, 'streaming');
        await sleep(1000); // let the new streams settle into their rhythm
        samples = [];
        const cpuBefore = process.cpuUsage();
        const wallBefore = performance.now();
        await sleep(windowMs);
        const cpuUsed = process.cpuUsage(cpuBefore);
        const cpu = (cpuUsed.user + cpuUsed.system) / 1000 / (performance.now() - wallBefore);
        const pace = samples.length / (streams * CAPTIONS_PER_STREAM_SECOND * (windowMs / 1000));
        const step = { streams, deliveries: samples.length, p50Ms: percentile(samples, 0.5), p95Ms: percentile(samples, 0.95), cpu, rssMb: process.memoryUsage().rss / 2 ** 20, pace };
        results.push(step);
        const reason = stopReason(step, target, ceiling);
        if (reason !== null) {
          limit = reason;
          break;
        }
      }
    } finally {
      await server.close();
    }
    const held = results.filter((step) => stopReason(step, target, ceiling) === null).at(-1);
    const first = results[0];
    return {
      p50Ms: first?.p50Ms ?? Number.NaN,
      p95Ms: first?.p95Ms ?? Number.NaN,
      maxStreams: held?.streams ?? 0,
      limit,
      memoryPerStreamKb: held === undefined ? Number.NaN : (held.rssMb * 2 ** 20 - baselineRss) / held.streams / 1024,
      cpuBoundStreamsEstimate: held === undefined || held.cpu === 0 ? Number.NaN : Math.floor((ceiling / held.cpu) * held.streams),
      steps: results,
    };
  } finally {
    generator.send({ type: 'stop' });
    await new Promise((resolve) => {
      generator.once('exit', resolve);
      setTimeout(() => {
        generator.kill();
        resolve(undefined);
      }, 3000).unref();
    });
  }
}

/** Prints the bench for a terminal, with the target beside the latency. */
export function printLiveBench(result: LiveBenchResult, print: (line?: string) => void): void {
  print(`${'streams'.padStart(8)}${'deliveries'.padStart(12)}${'pace'.padStart(7)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'CPU'.padStart(7)}${'RSS MB'.padStart(9)}`);
  for (const step of result.steps) {
    const pace = `${(step.pace * 100).toFixed(0)}%`;
    print(`${String(step.streams).padStart(8)}${String(step.deliveries).padStart(12)}${pace.padStart(7)}${step.p50Ms.toFixed(2).padStart(9)}${step.p95Ms.toFixed(2).padStart(9)}${`${(step.cpu * 100).toFixed(0)}%`.padStart(7)}${step.rssMb.toFixed(0).padStart(9)}`);
  }
  print(`live relay latency    p50 ${result.p50Ms.toFixed(2)} ms, p95 ${result.p95Ms.toFixed(2)} ms at ${result.steps[0]?.streams ?? 0} streams (target p95 < ${LIVE_TARGET_P95_MS} ms)`);
  print(`concurrent streams    ${result.maxStreams} held (${result.limit})`);
  print(`memory per stream     ${result.memoryPerStreamKb.toFixed(0)} KB RSS`);
  print(`relay CPU bound        about ${result.cpuBoundStreamsEstimate} streams on one core (linear extrapolation from the last step held, not measured)`);
}

/** Why a step is not held, or null when it is. */
function stopReason(step: LiveBenchStep, target: number, ceiling: number): string | null {
  if (step.p95Ms > target) return `p95 ${step.p95Ms.toFixed(1)} ms > ${target} ms at ${step.streams} streams`;
  if (step.cpu > ceiling) return `relay CPU ${(step.cpu * 100).toFixed(0)}% of a core at ${step.streams} streams`;
  if (step.pace < MIN_PACE) {
    return `captions fell behind real time at ${step.streams} streams (${(step.pace * 100).toFixed(0)}% of the script's rate, relay CPU ${(step.cpu * 100).toFixed(0)}%: ${step.cpu < ceiling / 2 ? 'the load generator, sharing this 2-core machine, is the bottleneck' : 'the relay is near saturation'})`;
  }
  return null;
}

function ask<T>(child: ChildProcess, command: object, answer: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the live load generator exited (${code ?? 'signal'})`));
    const onMessage = (message: { type: string } & T) => {
      if (message.type !== answer) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(command);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}
