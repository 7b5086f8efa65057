import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { meetingCorpusDir, meetingIdsIn } from '../lib/bench/meetingCorpus.js';
import { benchMeetings, benchStateMachineOverhead } from '../lib/bench/workflowBench.js';

process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// Targets from the walking-skeleton issue, for this 2-core machine.
const TARGET_SECONDS_PER_MEETING_HOUR = 5;
const TARGET_PEAK_RSS_MB = 400;

const { values } = parseArgs({ options: { data: { type: 'string' }, overhead: { type: 'string', default: '30' } } });
const corpus = meetingCorpusDir(values.data);
const dataDir = await mkdtemp(join(tmpdir(), 'aftercall-bench-'));
const print = (line = '') => process.stdout.write(`${line}\n`);

try {
  print(`aftercall bench — offline workflow (S3 on loopback, local Step Functions runner, LanceDB), corpus ${corpus}`);
  print('Each meeting: its .vtt beside a 1 s silent WAV, through every step to manifest.json.\n');
  const runs = await benchMeetings(corpus, meetingIdsIn(corpus), dataDir);
  print(`${'meeting'.padEnd(14)}${'minutes'.padStart(8)}${'utts'.padStart(6)}${'wall s'.padStart(8)}${'s/meeting-h'.padStart(13)}${'states'.padStart(8)}  state`);
  for (const r of runs) {
    const perHour = r.wallMs / 1000 / (r.meetingMinutes / 60);
    print(`${r.meeting.padEnd(14)}${r.meetingMinutes.toFixed(1).padStart(8)}${String(r.utterances).padStart(6)}${(r.wallMs / 1000).toFixed(2).padStart(8)}${perHour.toFixed(2).padStart(13)}${String(r.stateTransitions).padStart(8)}  ${r.state}`);
  }
  const totalHours = runs.reduce((sum, r) => sum + r.meetingMinutes / 60, 0);
  const totalSeconds = runs.reduce((sum, r) => sum + r.wallMs / 1000, 0);
  const perHour = totalSeconds / totalHours;
  const long = runs.filter((r) => r.meetingMinutes >= 60);
  const worstLong = Math.max(...long.map((r) => r.wallMs / 1000));

  const overhead = await benchStateMachineOverhead(dataDir, Number(values.overhead));
  const meanTransitions = runs.reduce((sum, r) => sum + r.stateTransitions, 0) / runs.length;
  const overheadShare = overhead.msPerExecution / ((totalSeconds * 1000) / runs.length);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  print('');
  print(`throughput            ${perHour.toFixed(2)} s per meeting-hour over ${totalHours.toFixed(2)} h of meetings`);
  if (long.length > 0) {
    print(`meetings over 1 hour  worst ${worstLong.toFixed(2)} s  (target < ${TARGET_SECONDS_PER_MEETING_HOUR} s: ${(worstLong / TARGET_SECONDS_PER_MEETING_HOUR).toFixed(2)}× of budget)`);
  }
  print(`state machine         ${overhead.msPerTransition.toFixed(2)} ms per state transition, ${overhead.msPerExecution.toFixed(1)} ms per execution of ${overhead.transitionsPerExecution.toFixed(0)} states (no-op tasks, ${overhead.executions} runs)`);
  print(`                      ${(overheadShare * 100).toFixed(1)} % of a mean meeting's wall time (${meanTransitions.toFixed(0)} states per real run)`);
  print(`peak RSS              ${peakRssMb.toFixed(0)} MB  (target < ${TARGET_PEAK_RSS_MB} MB: ${(peakRssMb / TARGET_PEAK_RSS_MB).toFixed(2)}× of budget)`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
