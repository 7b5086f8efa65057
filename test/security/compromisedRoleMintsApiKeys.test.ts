import { runSimulation, type EvaluationResult } from '@cloud-copilot/iam-simulate';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiKeyRecordKey } from '../../lib/domain/auth/apiKeySchema.js';
import { testStack } from '../infra/testStack.js';

/**
 * Issue 10, item 9: every deployed role could write and delete anywhere in the recordings bucket,
 * and the internet-facing relay could read it all and write anywhere, so a compromised relay (or
 * any workflow function) could mint an admin key by writing `_aftercall/keys/<id>.json`. Here each
 * role's policies, as synthesized, are evaluated by an IAM policy simulator against the requests
 * such an attacker would make, and against the ones the code legitimately makes.
 */

const ACCOUNT = '111122223333';
const BUCKET = 'aftercall-recordings-test';
const bucketArn = `arn:aws:s3:::${BUCKET}`;

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };
type PolicyResource = { Properties: { Roles?: { Ref: string }[]; PolicyDocument: { Statement: Statement[] } } };

let world: Awaited<ReturnType<typeof testStack>>;
beforeAll(async () => {
  world = await testStack({}, { bundle: false });
}, 300_000);

/** The template's value with the recordings bucket's ARN and the pseudo parameters filled in. */
function resolveArn(value: unknown): string {
  if (typeof value === 'string') return value;
  const intrinsic = value as Record<string, unknown>;
  if (Array.isArray(intrinsic['Fn::GetAtt']) && intrinsic['Fn::GetAtt'][0] === world.logicalId(world.stack.bucket)) return bucketArn;
  if (Array.isArray(intrinsic['Fn::Join'])) {
    const [separator, parts] = intrinsic['Fn::Join'] as [string, unknown[]];
    return parts.map(resolveArn).join(separator);
  }
  if (intrinsic.Ref === 'AWS::Partition') return 'aws';
  return `arn:aws:unresolved:::${JSON.stringify(value)}`;
}

/** The S3 statements of every policy attached to a role, with their resources resolved. */
function s3StatementsOf(role: IRole): Statement[] {
  const roleId = world.logicalId(role);
  return Object.values(world.template.findResources('AWS::IAM::Policy') as Record<string, PolicyResource>)
    .filter((policy) => (policy.Properties.Roles ?? []).some((ref) => ref.Ref === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
    .filter((statement) => [statement.Action].flat().every((action) => action.startsWith('s3:')))
    .map((statement) => ({ ...statement, Resource: [statement.Resource].flat().map(resolveArn) }));
}

async function decide(role: IRole, action: string, key: string | null): Promise<EvaluationResult> {
  const result = await runSimulation(
    {
      identityPolicies: [{ name: 'role', policy: { Version: '2012-10-17', Statement: s3StatementsOf(role) } }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      request: {
        principal: `arn:aws:iam::${ACCOUNT}:role/under-test`,
        action,
        resource: { accountId: ACCOUNT, resource: key === null ? bucketArn : `${bucketArn}/${key}` },
        contextVariables: {},
      },
    },
    {},
  );
  if (result.resultType === 'error') throw new Error(`simulation failed: ${JSON.stringify(result.errors)}`);
  return result.overallResult;
}

const roles = () => ({
  Intake: world.stack.functions.Intake.function.role!,
  Transcribe: world.stack.functions.Transcribe.function.role!,
  CheckTranscription: world.stack.functions.CheckTranscription.function.role!,
  Translate: world.stack.functions.Translate.function.role!,
  Understand: world.stack.functions.Understand.function.role!,
  Index: world.stack.functions.Index.function.role!,
  Publish: world.stack.functions.Publish.function.role!,
  RecordFailure: world.stack.functions.RecordFailure.function.role!,
  S3EventIntake: world.stack.s3Event.function.role!,
  Api: world.stack.http.handler.function.role!,
  WebhookDelivery: world.stack.delivery.consumer.function.role!,
  Relay: world.stack.relay!.taskDefinition.taskRole,
  RetentionSweep: world.stack.retentionSweep.function.role!,
});
type RoleName = keyof ReturnType<typeof roles>;

// A key record as named now (by key id and secret hash); the first layout was `_aftercall/keys/<keyId>.json`.
const ADMIN_KEY = apiKeyRecordKey('0123456789ab', 'a'.repeat(64));
const FIRST_LAYOUT_KEY = '_aftercall/keys/0123456789ab.json';
const SECRET = '_aftercall/secrets/audio-url-key.txt';
const SUBSCRIPTION = '_aftercall/tenants/acme/subscriptions/sub_1.json';
const RECORDING = 'tenants/acme/recordings/standup.ogg';
// Results beside the recording, in the layout of today and in the one keyed by the whole file name.
const RESULTS = ['tenants/acme/recordings/standup.aftercall/summary.json', 'tenants/acme/recordings/standup.ogg.aftercall/summary.json'];
const LIVE_CAPTIONS = ['recordings/standup.aftercall/live-captions.json', 'tenants/acme/recordings/standup.ogg.aftercall/live-captions.json'];
const CATALOG = '_aftercall/tenants/acme/meetings/m_1.json';
const SETTINGS = '_aftercall/tenants/acme/settings.json';
const DELIVERY = '_aftercall/tenants/acme/deliveries/msg_1.json';
const CONSENT = '_aftercall/tenants/acme/consent/m_1.json';

describe('a compromised role cannot mint API keys or reach secrets (IAM policies evaluated by a simulator)', () => {
  const ALL: RoleName[] = ['Intake', 'Transcribe', 'CheckTranscription', 'Translate', 'Understand', 'Index', 'Publish', 'RecordFailure', 'S3EventIntake', 'Api', 'WebhookDelivery', 'Relay', 'RetentionSweep'];

  it('no deployed role may write or delete an API key record: keys are made by the operator\'s CLI only', async () => {
    for (const name of ALL) {
      for (const action of ['s3:PutObject', 's3:DeleteObject']) {
        for (const key of [ADMIN_KEY, FIRST_LAYOUT_KEY]) expect([name, action, key, await decide(roles()[name], action, key)]).toEqual([name, action, key, 'ExplicitlyDenied']);
      }
    }
  }, 60_000);

  it('the relay cannot mint a key even through a key that ends like its own live-captions.json', async () => {
    expect(await decide(roles().Relay, 's3:PutObject', '_aftercall/keys/x.aftercall/live-captions.json')).toBe('ExplicitlyDenied');
  });

  it('only the API reads and writes the generated audio-URL signing key; nobody deletes it', async () => {
    for (const name of ALL) {
      const expected = name === 'Api' ? 'Allowed' : 'ExplicitlyDenied';
      expect([name, await decide(roles()[name], 's3:GetObject', SECRET)]).toEqual([name, expected]);
      expect([name, await decide(roles()[name], 's3:PutObject', SECRET)]).toEqual([name, expected]);
      expect([name, await decide(roles()[name], 's3:DeleteObject', SECRET)]).toEqual([name, 'ExplicitlyDenied']);
    }
  }, 60_000);

  it('only the API reads the audit log, only the API and the retention sweep append to it; no role deletes an entry (the bucket policy also denies both delete and overwrite)', async () => {
    const entry = '_aftercall/audit/acme/2026-11-29/161122123-meeting.delete-0123456789abcdef.json';
    for (const name of ALL) {
      const expected = name === 'Api' ? 'Allowed' : 'ExplicitlyDenied';
      expect([name, await decide(roles()[name], 's3:GetObject', entry)]).toEqual([name, expected]);
      expect([name, await decide(roles()[name], 's3:PutObject', entry)]).toEqual([name, name === 'RetentionSweep' ? 'Allowed' : expected]);
      expect([name, await decide(roles()[name], 's3:DeleteObject', entry)]).toEqual([name, 'ExplicitlyDenied']);
    }
  }, 60_000);

  it('only the API, Publish and the CRM consumer read subscriptions (they hold webhook signing secrets); only the API changes them', async () => {
    for (const name of ALL) {
      const reads = ['Api', 'Publish', 'WebhookDelivery'].includes(name);
      expect([name, await decide(roles()[name], 's3:GetObject', SUBSCRIPTION)]).toEqual([name, reads ? 'Allowed' : 'ExplicitlyDenied']);
      expect([name, await decide(roles()[name], 's3:PutObject', SUBSCRIPTION)]).toEqual([name, name === 'Api' ? 'Allowed' : 'ExplicitlyDenied']);
    }
  }, 60_000);

  it('no role may overwrite a recording; only the retention sweep may delete one (a tenant\'s recordingDays)', async () => {
    for (const name of ALL) {
      expect([name, await decide(roles()[name], 's3:PutObject', RECORDING)]).not.toEqual([name, 'Allowed']);
      expect([name, await decide(roles()[name], 's3:DeleteObject', RECORDING)]).toEqual([name, name === 'RetentionSweep' ? 'Allowed' : expect.not.stringMatching(/^Allowed$/)]);
    }
  }, 60_000);

  it('the relay reads key records and writes live-captions.json beside recordings, and nothing else', async () => {
    const relay = roles().Relay;
    expect(await decide(relay, 's3:GetObject', ADMIN_KEY)).toBe('Allowed');
    for (const key of LIVE_CAPTIONS) expect(await decide(relay, 's3:PutObject', key)).toBe('Allowed');
    for (const key of [RECORDING, ...RESULTS, CATALOG, SETTINGS, DELIVERY]) {
      expect([key, await decide(relay, 's3:GetObject', key)]).toEqual([key, 'ImplicitlyDenied']);
      expect([key, await decide(relay, 's3:PutObject', key)]).toEqual([key, 'ImplicitlyDenied']);
    }
    for (const key of LIVE_CAPTIONS) expect(await decide(relay, 's3:DeleteObject', key)).toBe('ImplicitlyDenied');
  }, 60_000);

  it('gives each workflow step the results beside the recording; only Intake and Transcribe read recordings, only Intake and CheckTranscription delete results', async () => {
    const steps = ['Intake', 'Transcribe', 'CheckTranscription', 'Translate', 'Understand', 'Index', 'Publish', 'RecordFailure'] as const;
    for (const name of steps) {
      const role = roles()[name];
      for (const key of RESULTS) {
        expect([name, key, await decide(role, 's3:GetObject', key)]).toEqual([name, key, 'Allowed']);
        expect([name, key, await decide(role, 's3:PutObject', key)]).toEqual([name, key, 'Allowed']);
        expect([name, key, await decide(role, 's3:DeleteObject', key)]).toEqual([name, key, ['Intake', 'CheckTranscription'].includes(name) ? 'Allowed' : 'ImplicitlyDenied']);
      }
      const readsRecording = name === 'Intake' || name === 'Transcribe';
      expect([name, await decide(role, 's3:GetObject', RECORDING)]).toEqual([name, readsRecording ? 'Allowed' : 'ImplicitlyDenied']);
      const writesCatalog = ['Intake', 'Publish', 'RecordFailure'].includes(name);
      expect([name, await decide(role, 's3:PutObject', CATALOG)]).toEqual([name, writesCatalog ? 'Allowed' : 'ImplicitlyDenied']);
    }
  }, 120_000);

  it("lets the S3-event function read tenant settings, catalog entries, results and a recording's metadata (consent) and write results, catalog entries (awaiting consent) and consent records, and the API serve, change and delete meetings but not recordings", async () => {
    const s3Event = roles().S3EventIntake;
    for (const key of [SETTINGS, CATALOG, RECORDING, ...RESULTS]) expect([key, await decide(s3Event, 's3:GetObject', key)]).toEqual([key, 'Allowed']);
    // A wide read of recordings still stops at the guarded kinds and what the function has no use for.
    for (const key of [ADMIN_KEY, SUBSCRIPTION]) expect([key, await decide(s3Event, 's3:GetObject', key)]).toEqual([key, 'ExplicitlyDenied']);
    for (const key of [SETTINGS, RECORDING, DELIVERY]) expect([key, await decide(s3Event, 's3:PutObject', key)]).toEqual([key, 'ImplicitlyDenied']);
    for (const key of [...RESULTS, CATALOG, CONSENT]) expect([key, await decide(s3Event, 's3:PutObject', key)]).toEqual([key, 'Allowed']);

    const api = roles().Api;
    for (const key of [RECORDING, ...RESULTS, CATALOG, ADMIN_KEY]) expect([key, await decide(api, 's3:GetObject', key)]).toEqual([key, 'Allowed']);
    for (const key of [...RESULTS, CATALOG, SUBSCRIPTION, DELIVERY]) expect([key, await decide(api, 's3:PutObject', key)]).toEqual([key, 'Allowed']);
    for (const key of [...RESULTS, CATALOG, SUBSCRIPTION]) expect([key, await decide(api, 's3:DeleteObject', key)]).toEqual([key, 'Allowed']);
  }, 60_000);

  it('lets every role list the bucket, so that a missing object reads as 404 and not as 403', async () => {
    for (const name of ALL) expect([name, await decide(roles()[name], 's3:ListBucket', null)]).toEqual([name, 'Allowed']);
  }, 60_000);

  it('lists, for each role, exactly the key patterns it may write', () => {
    const writes = (name: RoleName) =>
      s3StatementsOf(roles()[name])
        .filter((s) => s.Effect === 'Allow' && [s.Action].flat().includes('s3:PutObject'))
        .flatMap((s) => s.Resource as string[])
        .map((arn) => arn.slice(bucketArn.length + 1))
        .sort();
    expect(writes('Relay')).toEqual(['*.aftercall/live-captions.json']);
    expect(writes('Transcribe')).toEqual(['*.aftercall/*']);
    expect(writes('Intake')).toEqual(['*.aftercall/*', '_aftercall/tenants/*/meetings/*']);
    expect(writes('Publish')).toEqual(['*.aftercall/*', '_aftercall/tenants/*/deliveries/*', '_aftercall/tenants/*/meetings/*']);
    expect(writes('S3EventIntake')).toEqual(['*.aftercall/*', '_aftercall/tenants/*/consent/*', '_aftercall/tenants/*/meetings/*']);
    expect(writes('WebhookDelivery')).toEqual(['_aftercall/tenants/*/deliveries/*']);
    expect(writes('Api')).toEqual([
      '*.aftercall/*',
      '_aftercall/audit/*',
      '_aftercall/secrets/audio-url-key.txt',
      // Share links: the tenant's list and each link's record named by its token's hash (never an API key).
      '_aftercall/share-links/*',
      '_aftercall/tenants/*/consent/*',
      '_aftercall/tenants/*/deliveries/*',
      '_aftercall/tenants/*/meetings/*',
      '_aftercall/tenants/*/subscriptions/*',
    ]);
  });
});
