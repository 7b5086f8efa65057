import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LocalTaskTokens } from '../adapters/stepfunctions/LocalTaskTokens.js';
import { LocalWorkflowRunner } from '../adapters/stepfunctions/LocalWorkflowRunner.js';
import { startLocalStack } from '../composition/local.js';
import { loadConfig } from '../config/config.js';
import { startMeeting } from '../domain/intake/startMeeting.js';
import { deriveMeetingId } from '../domain/meetings/meetingId.js';
import { resultPrefixFor } from '../domain/meetings/resultKeys.js';
import { getMeeting } from '../domain/meetings/meetingView.js';
import { localFunctionArn, readPostCallDefinitionText, withFunctionArns } from '../stateMachine/postCallDefinition.js';
import { silentWav } from './silentWav.js';

export interface MeetingRun {
  meeting: string;
  meetingMinutes: number;
  utterances: number;
  wallMs: number;
  stateTransitions: number;
  state: string;
}

export interface OverheadRun {
  executions: number;
  transitionsPerExecution: number;
  msPerExecution: number;
  msPerTransition: number;
}

/** Runs every meeting of the corpus through the whole local workflow, one after another, timing each. */
export async function benchMeetings(corpusDir: string, meetings: string[], dataDir: string): Promise<MeetingRun[]> {
  const transitions = new Map<string, number>();
  const stack = await startLocalStack(loadConfig({ AFTERCALL_DATA_DIR: dataDir }), {
    watchBucket: false,
    log: () => undefined,
    onWorkflowEvent: (name, event) => {
      if (event?.type === 'StateEntered') transitions.set(name, (transitions.get(name) ?? 0) + 1);
    },
  });
  const tenantId = stack.config.AFTERCALL_DEFAULT_TENANT;
  const runs: MeetingRun[] = [];
  try {
    for (const meeting of meetings) {
      const key = `bench/${meeting}.wav`;
      await stack.deps.blobs.put(`bench/${meeting}.vtt`, await readFile(join(corpusDir, `${meeting}.vtt`)), 'text/vtt');
      await stack.deps.blobs.put(key, silentWav(1), 'audio/wav');
      const started = performance.now();
      const run = await startMeeting(stack.plane, { tenantId, recordingKey: key, recordedAt: new Date().toISOString(), trigger: 'cli' });
      await stack.runner.wait(run.executionName);
      const wallMs = performance.now() - started;
      const view = await getMeeting(stack.deps.blobs, tenantId, deriveMeetingId(tenantId, key));
      runs.push({
        meeting,
        meetingMinutes: (view?.manifest?.counts.durationMs ?? 0) / 60_000,
        utterances: view?.manifest?.counts.utterances ?? 0,
        wallMs,
        stateTransitions: transitions.get(run.executionName) ?? 0,
        state: view?.state ?? 'missing',
      });
    }
  } finally {
    await stack.close();
  }
  return runs;
}

/**
 * The state machine's own cost: the same ASL with every Task answering at once, so what is
 * measured is the runner's transitions, path processing, Parallel and Map — not our steps.
 */
export async function benchStateMachineOverhead(dataDir: string, executions: number): Promise<OverheadRun> {
  const instant = async () => ({});
  const tokens = new LocalTaskTokens();
  const runner = new LocalWorkflowRunner({
    definition: withFunctionArns(readPostCallDefinitionText(), localFunctionArn),
    handlers: {
      Intake: instant,
      Transcribe: async (input: unknown) => {
        await tokens.succeed((input as { taskToken: string }).taskToken, {});
      },
      TranslateLanguage: async () => ({ state: 'skipped' }),
      Understand: instant,
      Index: async () => ({ documents: 0, embedder: 'none' }),
      Publish: instant,
      RecordFailure: instant,
    },
    executionsDir: join(dataDir, 'overhead-executions'),
    taskTokens: tokens,
    onEvent: (_, event) => {
      if (event?.type === 'StateEntered') transitions += 1;
    },
  });
  let transitions = 0;
  const recordingKey = 'bench/overhead.wav';
  const started = performance.now();
  for (let i = 0; i < executions; i += 1) {
    const meetingId = deriveMeetingId('bench', `${recordingKey}${i}`);
    const meeting = {
      tenantId: 'bench',
      meetingId,
      recordingKey,
      resultPrefix: resultPrefixFor(recordingKey),
      runId: meetingId,
      resumeFrom: 'transcribe' as const,
      targetLanguages: ['fr', 'de'],
      piiRedaction: [],
      recordedAt: new Date().toISOString(),
      trigger: 'cli' as const,
    };
    await runner.start({ name: meetingId, input: { meeting } });
    await runner.wait(meetingId);
  }
  const elapsed = performance.now() - started;
  return {
    executions,
    transitionsPerExecution: transitions / executions,
    msPerExecution: elapsed / executions,
    msPerTransition: elapsed / transitions,
  };
}
