#!/usr/bin/env -S npx tsx
// First: its defaults must be in place before any other module loads.
import '../lib/cli/cliEnvironment.js';
import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { startLocalStack, type LocalStack } from '../lib/composition/local.js';
import { describeMeeting } from '../lib/cli/printMeeting.js';
import { processRecording } from '../lib/cli/processRecording.js';
import { runDemo } from '../lib/cli/runDemo.js';
import { waitForMeetings } from '../lib/cli/waitForMeetings.js';
import { createS3Client } from '../lib/adapters/s3/createS3Client.js';
import { S3BlobStore } from '../lib/adapters/s3/S3BlobStore.js';
import { loadConfig, requireSetting } from '../lib/config/config.js';
import { EMBEDDED_HTTP_URL } from '../lib/config/embeddedDefaults.js';
import { BlobAuditLog } from '../lib/adapters/audit/BlobAuditLog.js';
import { createApiKeyOnRecord, revokeApiKeyOnRecord } from '../lib/app/apiKeysOnRecord.js';
import { describeAuditEntry } from '../lib/cli/describeAuditEntry.js';
import { operatorActor } from '../lib/cli/operatorActor.js';
import type { AuditLog } from '../lib/domain/audit/AuditLog.js';
import type { AuditActor } from '../lib/domain/audit/auditEntry.js';
import { AUDIT_ACTIONS, AUDIT_PAGE_MAX, type AuditAction } from '../lib/domain/audit/auditEntry.js';
import { listApiKeys } from '../lib/domain/auth/apiKeys.js';
import { migrateApiKeyRecords } from '../lib/domain/auth/migrateApiKeyRecords.js';
import { ResumeFromSchema } from '../lib/domain/meetings/schema.js';
import type { BlobStore } from '../lib/domain/ports/BlobStore.js';
import { getMeeting, listMeetings } from '../lib/domain/meetings/meetingView.js';
import { rebuildIndex } from '../lib/domain/meetings/rebuildIndex.js';
import { renameSpeakers } from '../lib/domain/meetings/renameSpeakers.js';
import { confirmSpeakerNames } from '../lib/domain/meetings/confirmSpeakerNames.js';
import { reprocessMeeting } from '../lib/domain/meetings/reprocessMeeting.js';
import { grantConsent } from '../lib/domain/consent/grantConsent.js';
import { sweepRetention } from '../lib/domain/retention/sweepRetention.js';
import { searchArchive } from '../lib/domain/search/searchArchive.js';
import { askArchive } from '../lib/domain/ask/askArchive.js';
import { askDeps } from '../lib/app/askDeps.js';
import { printAnswer } from '../lib/cli/printAnswer.js';
import { AFTERCALL_VERSION } from '../lib/version.js';
import { readRecordingPcm } from '../lib/app/live/readRecordingPcm.js';
import { streamRecordingToRelay } from '../lib/app/live/streamRecordingToRelay.js';


const print = (line: string) => process.stdout.write(`${line}\n`);
const program = new Command('aftercall').version(AFTERCALL_VERSION).description('Post-call intelligence on one machine, on the embedded defaults.');
program.addOption(new Option('--data <dir>', 'data folder (env AFTERCALL_DATA_DIR)'));

/** Starts the local stack, runs the command, and always closes the stack. */
async function withStack<T>(options: { http?: boolean; port?: number }, work: (stack: LocalStack) => Promise<T>): Promise<T> {
  const data = program.opts<{ data?: string }>().data;
  const config = loadConfig(process.env, data === undefined ? {} : { AFTERCALL_DATA_DIR: data });
  const stack = await startLocalStack(config, options);
  try {
    return await work(stack);
  } finally {
    await stack.close();
  }
}

/** Waits for a run, prints the meeting, and makes a failed meeting the command's failure. */
async function printWhenDone(stack: LocalStack, tenantId: string, run: { meetingId: string; executionName: string }): Promise<void> {
  const [meeting] = await waitForMeetings(stack, tenantId, [run]);
  if (meeting !== undefined) print(await describeMeeting(stack.deps.blobs, meeting));
  if (meeting?.state !== 'ready') process.exitCode = 1;
}

const waitForInterrupt = () => new Promise<void>((done) => process.once('SIGINT', () => done()));
const tenantOf = (stack: LocalStack, tenant: string | undefined) => tenant ?? stack.config.AFTERCALL_DEFAULT_TENANT;

program
  .command('demo')
  .description('process the sample recordings, print the results, and keep the API up (npm start)')
  .option('--exit', 'exit once the samples are processed instead of serving')
  .option('--port <n>', 'HTTP port (env AFTERCALL_PORT)', Number)
  .action(async (options: { exit?: boolean; port?: number }) => {
    await withStack({ http: true, ...(options.port === undefined ? {} : { port: options.port }) }, async (stack) => {
      print(`aftercall ${AFTERCALL_VERSION} — local stack up: API ${stack.httpUrl}, S3 ${stack.s3.endpoint}, data ${stack.dataDir}`);
      await runDemo(stack, print);
      if (options.exit !== true) {
        print('\nServing the API; press Ctrl-C to stop.');
        await waitForInterrupt();
      }
    });
  });

program
  .command('serve')
  .description('run webhook intake, the workflow runner and the API until Ctrl-C')
  .option('--port <n>', 'HTTP port (env AFTERCALL_PORT)', Number)
  .action(async (options: { port?: number }) => {
    await withStack({ http: true, ...(options.port === undefined ? {} : { port: options.port }) }, async (stack) => {
      print(`aftercall serving on ${stack.httpUrl} (S3 ${stack.s3.endpoint}, data ${stack.dataDir}); Ctrl-C to stop`);
      await waitForInterrupt();
    });
  });

program
  .command('process <recording>')
  .description('process a recording file; a transcript beside it (.vtt/.srt/.json) is imported')
  .option('--transcript <file>', 'a transcript to put beside the recording')
  .option('--key <key>', "object key for the recording (default recordings/<file name>, or tenants/<id>/recordings/<file name> with --tenant); a key under tenants/<id>/ belongs to that tenant")
  .option('--tenant <id>', 'tenant id (default: the tenant the key names, else AFTERCALL_DEFAULT_TENANT)')
  .action(async (recording: string, options: { transcript?: string; key?: string; tenant?: string }) => {
    await withStack({}, async (stack) => {
      const started = await processRecording(stack, { recordingPath: recording, transcriptPath: options.transcript, key: options.key, tenantId: options.tenant });
      if (started.alreadyStarted) print(`meeting ${started.meetingId} was already processed; use "aftercall reprocess ${started.meetingId}" to run it again`);
      await printWhenDone(stack, started.tenantId, started);
    });
  });

program
  .command('reprocess <meetingId>')
  .description('run a meeting again, whole or from a step, reusing what earlier steps stored')
  .addOption(new Option('--from <step>', 'first step to run again').choices(ResumeFromSchema.options).default('transcribe'))
  .option('--tenant <id>', 'tenant id')
  .action(async (meetingId: string, options: { from: (typeof ResumeFromSchema.options)[number]; tenant?: string }) => {
    await withStack({}, async (stack) => {
      const tenantId = tenantOf(stack, options.tenant);
      const started = await reprocessMeeting(stack.plane, { tenantId, meetingId, from: options.from });
      await stack.plane.audit.record({
        tenantId,
        actor: operatorActor(stack.config),
        action: 'meeting.reprocess',
        target: { type: 'meeting', id: started.meetingId },
        details: { from: options.from, runId: started.executionName },
      });
      await printWhenDone(stack, tenantId, started);
    });
  });

program
  .command('consent <meetingId>')
  .description("record that a meeting's participants agreed to its processing; a meeting awaiting consent then runs")
  .option('--tenant <id>', 'tenant id')
  .action(async (meetingId: string, options: { tenant?: string }) => {
    await withStack({}, async (stack) => {
      const tenantId = tenantOf(stack, options.tenant);
      const granted = await grantConsent(stack.plane, { tenantId, meetingId, source: 'cli', recordedBy: null });
      await stack.plane.audit.record({
        tenantId,
        actor: operatorActor(stack.config),
        action: 'consent.record',
        target: { type: 'meeting', id: meetingId },
        details: { source: granted.consent.source, grantedAt: granted.consent.grantedAt, runId: granted.started?.executionName ?? null },
      });
      print(`consent for ${meetingId}: ${granted.consent.source}, ${granted.consent.grantedAt}`);
      if (granted.started !== null) await printWhenDone(stack, tenantId, granted.started);
    });
  });

program
  .command('sweep')
  .description("apply the tenants' retention now: erase expired meetings everywhere (a tombstone stays), trim shorter-lived stores")
  .option('--tenant <id>', 'only this tenant')
  .action(async (options: { tenant?: string }) => {
    await withStack({}, async (stack) => {
      const deps = { blobs: stack.deps.blobs, vectorIndex: stack.deps.vectorIndex, workflow: stack.runner, deliveries: stack.deliveries, clock: stack.deps.clock, audit: stack.deps.audit };
      const report = await sweepRetention(deps, options.tenant === undefined ? {} : { tenantIds: [options.tenant] });
      for (const erased of report.erased) print(`erased   ${erased.tenantId}/${erased.meetingId}  ${erased.stores.join(',')}  (${erased.reason})`);
      for (const trimmed of report.trimmed) print(`trimmed  ${trimmed.tenantId}/${trimmed.meetingId}  ${trimmed.stores.join(',')}`);
      for (const forgotten of report.forgotten) print(`forgot   ${forgotten.tenantId}/${forgotten.meetingId}  (recording deleted while awaiting consent)`);
      for (const deferred of report.deferred) print(`deferred ${deferred.tenantId}/${deferred.meetingId}  (a run is writing it)`);
      print(`swept ${report.tenants.length} tenant(s) at ${report.sweptAt}: ${report.erased.length} erased, ${report.trimmed.length} trimmed`);
    });
  });

program
  .command('confirm-speaker-names <meetingId> [speakerIds...]')
  .description("apply the speaker names proposed for a meeting (shown by 'show'): all of them, or those of the speakers given")
  .option('--tenant <id>', 'tenant id')
  .action(async (meetingId: string, speakerIds: string[], options: { tenant?: string }) => {
    await withStack({}, async (stack) => {
      const tenantId = tenantOf(stack, options.tenant);
      const confirmed = await confirmSpeakerNames(stack.plane, { tenantId, meetingId, ...(speakerIds.length === 0 ? {} : { speakerIds }), now: new Date() });
      for (const [id, name] of Object.entries(confirmed.names)) print(`${id} → ${name}`);
      await printWhenDone(stack, tenantId, { meetingId, executionName: confirmed.executionName });
    });
  });

program
  .command('rename-speakers <meetingId> <names...>')
  .description('give diarised speakers their names, e.g. spk_0=Laura spk_1="David Jones"')
  .option('--tenant <id>', 'tenant id')
  .action(async (meetingId: string, pairs: string[], options: { tenant?: string }) => {
    const names = Object.fromEntries(pairs.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
    await withStack({}, async (stack) => {
      const tenantId = tenantOf(stack, options.tenant);
      const run = await renameSpeakers(stack.plane, { tenantId, meetingId, names });
      await stack.plane.audit.record({
        tenantId,
        actor: operatorActor(stack.config),
        action: 'meeting.renameSpeakers',
        target: { type: 'meeting', id: meetingId },
        details: { names: pairs, runId: run.executionName },
      });
      await printWhenDone(stack, tenantId, { meetingId, executionName: run.executionName });
    });
  });

program
  .command('reindex')
  .description('rebuild the search index from the results in the blob store')
  .option('--tenant <id>', 'tenant id')
  .action(async (options: { tenant?: string }) => {
    await withStack({}, async (stack) => {
      const result = await rebuildIndex({ blobs: stack.deps.blobs, embedder: stack.deps.embedder, index: stack.deps.vectorIndex }, tenantOf(stack, options.tenant));
      print(`reindexed ${result.meetings} meetings, ${result.documents} documents`);
    });
  });

program
  .command('list')
  .description('list meetings and their state')
  .option('--tenant <id>', 'tenant id')
  .action(async (options: { tenant?: string }) => {
    await withStack({}, async (stack) => {
      for (const m of await listMeetings(stack.deps.blobs, tenantOf(stack, options.tenant))) {
        print(`${m.meetingId}  ${m.state.padEnd(10)}  ${m.recordedAt}  ${m.title}${m.error === null ? '' : `  (${m.error.message})`}`);
      }
    });
  });

program
  .command('show <meetingId>')
  .description("print one meeting's results")
  .option('--tenant <id>', 'tenant id')
  .action(async (meetingId: string, options: { tenant?: string }) => {
    await withStack({}, async (stack) => {
      const meeting = await getMeeting(stack.deps.blobs, tenantOf(stack, options.tenant), meetingId);
      if (meeting === null) {
        print(`no meeting ${meetingId}`);
        process.exitCode = 1;
        return;
      }
      print(await describeMeeting(stack.deps.blobs, meeting));
    });
  });

program
  .command('search <query...>')
  .description('search the archive')
  .option('--tenant <id>', 'tenant id')
  .option('--limit <n>', 'hits', Number, 10)
  .action(async (words: string[], options: { tenant?: string; limit: number }) => {
    await withStack({}, async (stack) => {
      const hits = await searchArchive(
        { embedder: stack.deps.embedder, index: stack.deps.vectorIndex },
        { tenantId: tenantOf(stack, options.tenant), query: words.join(' '), limit: options.limit },
      );
      for (const hit of hits) print(`${hit.meetingId} ${(hit.startMs / 1000).toFixed(0)}s [${hit.kind}] ${hit.snippet}`);
      if (hits.length === 0) print('no hits');
    });
  });

program
  .command('ask <question...>')
  .description('ask the archive (or one meeting) a question: every sentence of the answer cites where it was said')
  .option('--meeting <id>', 'ask one meeting')
  .option('--tenant <id>', 'tenant id')
  .action(async (words: string[], options: { meeting?: string; tenant?: string }) => {
    await withStack({}, async (stack) => {
      const events = askArchive(askDeps(stack.plane), {
        tenantId: tenantOf(stack, options.tenant),
        question: words.join(' '),
        ...(options.meeting === undefined ? {} : { meetingId: options.meeting }),
      });
      await printAnswer(events, (text) => process.stdout.write(text));
    });
  });

program
  .command('live <recording>')
  .description('stream a recording (Ogg Opus or 16-bit mono WAV) into the caption relay in real time as one participant, printing the room\'s captions (API key from env AFTERCALL_API_KEY)')
  .requiredOption('--room <name>', 'the room to caption')
  .option('--participant <identity>', 'whose voice this is', 'cli')
  .option('--url <url>', 'the app or relay base URL', EMBEDDED_HTTP_URL)
  .option('--speed <x>', 'playback speed (1 = real time)', Number, 1)
  .action(async (recording: string, options: { room: string; participant: string; url: string; speed: number }) => {
    // From the environment, not an option: a key on the command line ends up in shell history and ps.
    const apiKey = requireSetting(loadConfig(), 'AFTERCALL_API_KEY', 'set it to an API key (create one with "aftercall keys create --name live")');
    const wav = await readRecordingPcm(new Uint8Array(await readFile(recording)));
    print(`streaming ${recording} (${wav.sampleRate} Hz) into room ${options.room} as ${options.participant}…`);
    const closed = await streamRecordingToRelay(wav, {
      ...options,
      apiKey,
      onEvent: (event) => {
        if (event.type === 'caption' && event.kind === 'final') print(`${(event.startMs / 1000).toFixed(1).padStart(7)}s ${event.participant}${event.track === 'translation' ? ` [${event.language ?? ''}]` : ''}: ${event.text}`);
        else if (event.type === 'gap') print(`        — gap: ${event.reason}`);
      },
    });
    if (closed.code !== 1000) {
      print(`the relay closed the stream: ${closed.code} ${closed.reason}`);
      process.exitCode = 1;
    }
  });

/**
 * Where API keys live: the deployed stack's bucket with --bucket (your AWS credentials and region,
 * or AFTERCALL_S3_ENDPOINT), else the local stack's store. The AWS mode starts nothing locally.
 */
async function withKeyStore<T>(bucket: string | undefined, work: (blobs: BlobStore, defaultTenant: string, audit: AuditLog, operator: AuditActor) => Promise<T>): Promise<T> {
  if (bucket === undefined) return withStack({}, (stack) => work(stack.deps.blobs, stack.config.AFTERCALL_DEFAULT_TENANT, stack.deps.audit, operatorActor(stack.config)));
  const config = loadConfig(process.env, { AFTERCALL_BUCKET: bucket });
  const s3 = createS3Client({ region: config.AWS_REGION, endpoint: config.AFTERCALL_S3_ENDPOINT });
  try {
    const blobs = new S3BlobStore(s3, config.AFTERCALL_BUCKET);
    // The local stack migrates at start-up; a bucket only here: no deployed role may write API key records.
    await migrateApiKeyRecords(blobs);
    return await work(blobs, config.AFTERCALL_DEFAULT_TENANT, new BlobAuditLog(blobs), operatorActor(config));
  } finally {
    s3.destroy();
  }
}
const BUCKET_OPTION = ['--bucket <name>', 'the deployed bucket (output RecordingsBucketName), with your AWS credentials'] as const;

const keys = program.command('keys').description('API keys: each belongs to one tenant, as member (read) or admin (also delete, reprocess, rename)');

keys
  .command('create')
  .description('create an API key and print it once (only its hash is stored)')
  .option('--tenant <id>', 'tenant id (default AFTERCALL_DEFAULT_TENANT)')
  .addOption(new Option('--role <role>', 'member or admin').choices(['member', 'admin']).default('member'))
  .requiredOption('--name <name>', 'what the key is for, e.g. "web UI"')
  .option(...BUCKET_OPTION)
  .action(async (options: { tenant?: string; role: 'member' | 'admin'; name: string; bucket?: string }) => {
    await withKeyStore(options.bucket, async (blobs, defaultTenant, audit, operator) => {
      const created = await createApiKeyOnRecord(blobs, audit, operator, { tenantId: options.tenant ?? defaultTenant, role: options.role, name: options.name });
      print(`created ${created.record.role} key ${created.record.keyId} for tenant ${created.record.tenantId} ("${created.record.name}")`);
      print('the key (shown once; store it now):');
      print(created.key);
    });
  });

keys
  .command('list')
  .description('list API keys (never their secrets)')
  .option('--tenant <id>', "only this tenant's keys")
  .option(...BUCKET_OPTION)
  .action(async (options: { tenant?: string; bucket?: string }) => {
    await withKeyStore(options.bucket, async (blobs) => {
      const listed = await listApiKeys(blobs, options.tenant);
      for (const key of listed) print(`${key.keyId}  ${key.tenantId.padEnd(16)}  ${key.role.padEnd(6)}  ${key.createdAt}  ${key.name}`);
      if (listed.length === 0) print('no API keys');
    });
  });

keys
  .command('revoke <keyId>')
  .description('revoke an API key (other running servers stop accepting it within 30 s)')
  .option(...BUCKET_OPTION)
  .action(async (keyId: string, options: { bucket?: string }) => {
    await withKeyStore(options.bucket, async (blobs, _defaultTenant, audit, operator) => {
      if ((await revokeApiKeyOnRecord(blobs, audit, operator, keyId)) !== null) print(`revoked ${keyId}`);
      else {
        print(`no API key ${keyId}`);
        process.exitCode = 1;
      }
    });
  });

program
  .command('audit')
  .description("print a tenant's audit log, newest first: who created or revoked keys, reprocessed, deleted, renamed, searched as admin…")
  .option('--tenant <id>', 'tenant id (default AFTERCALL_DEFAULT_TENANT)')
  .option('--from <time>', 'entries at or after (ISO date or time)')
  .option('--to <time>', 'entries at or before (ISO date or time; a date means the whole day)')
  .addOption(new Option('--action <action>', 'only this action').choices(AUDIT_ACTIONS))
  .option('--limit <n>', `entries (1..${AUDIT_PAGE_MAX})`, Number, 50)
  .option(...BUCKET_OPTION)
  .action(async (options: { tenant?: string; from?: string; to?: string; action?: AuditAction; limit: number; bucket?: string }) => {
    const time = (value: string | undefined, endOfDay: boolean) => {
      if (value === undefined) return undefined;
      const at = Date.parse(value);
      if (Number.isNaN(at)) throw new Error(`not an ISO date or time: ${value}`);
      return new Date(at + (endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(value) ? 86_399_999 : 0));
    };
    const from = time(options.from, false);
    const to = time(options.to, true);
    await withKeyStore(options.bucket, async (_blobs, defaultTenant, audit) => {
      const page = await audit.read(options.tenant ?? defaultTenant, {
        limit: Math.min(Math.max(1, options.limit), AUDIT_PAGE_MAX),
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
        ...(options.action === undefined ? {} : { action: options.action }),
      });
      for (const entry of page.entries) print(describeAuditEntry(entry));
      for (const id of page.unreadable) print(`(unreadable entry ${id})`);
      if (page.entries.length === 0 && page.unreadable.length === 0) print('no audit entries');
      else if (page.nextCursor !== null) print(`… more before ${page.entries.at(-1)?.at ?? ''}: narrow with --to or raise --limit`);
    });
  });

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`aftercall: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
