import { Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import { Effect, PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { AUDIT_PREFIX } from '../domain/audit/auditKeys.js';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { API_KEYS_PREFIX } from '../domain/auth/apiKeySchema.js';
import { AUDIO_URL_KEY_KEY } from '../domain/auth/audioUrlKey.js';
import { LIVE_CAPTIONS_FILE } from '../domain/live/saveLiveCaptions.js';
import { CONTROL_PREFIX, RESULT_FOLDER_SUFFIX } from '../domain/meetings/resultKeys.js';

/**
 * The object keys of the recordings bucket, as IAM resource patterns (`*` matches any characters,
 * slashes included). Each names a kind of object and why a role may need it; the reasons are what
 * the cdk-nag acknowledgements say about a pattern that is still a wildcard.
 */
export const BUCKET_KEYS = {
  recordings: { pattern: '*', why: 'recordings sit at keys the customer or LiveKit egress chooses (any folder, any tenant prefix)' },
  // "x.aftercall/" today, "x.ogg.aftercall/" once results are keyed by the whole file name: the pattern covers both.
  results: { pattern: `*${RESULT_FOLDER_SUFFIX}/*`, why: 'the results folder beside each recording (<recording>.aftercall/), known only at run time' },
  liveCaptions: { pattern: `*${RESULT_FOLDER_SUFFIX}/${LIVE_CAPTIONS_FILE}`, why: `only the ${LIVE_CAPTIONS_FILE} file in the results folder beside each recording` },
  catalog: { pattern: `${CONTROL_PREFIX}tenants/*/meetings/*`, why: "each tenant's meeting catalog entries; tenants are data, not deploy-time resources" },
  tombstones: { pattern: `${CONTROL_PREFIX}tenants/*/tombstones/*`, why: "each tenant's tombstones of erased meetings (id, when, why, which stores)" },
  tenantSettings: { pattern: `${CONTROL_PREFIX}tenants/*/settings.json`, why: "each tenant's settings.json (target languages, redaction)" },
  subscriptions: { pattern: `${CONTROL_PREFIX}tenants/*/subscriptions/*`, why: "each tenant's CRM webhook subscriptions (they hold the signing secrets)" },
  deliveries: { pattern: `${CONTROL_PREFIX}tenants/*/deliveries/*`, why: "each tenant's CRM delivery log" },
  consent: { pattern: `${CONTROL_PREFIX}tenants/*/consent/*`, why: "each tenant's consent records (when and how a meeting's processing was agreed)" },
  apiKeys: { pattern: `${API_KEYS_PREFIX}*`, why: 'API key records, named by key id and secret hash, to authenticate callers' },
  secrets: { pattern: `${CONTROL_PREFIX}secrets/*`, why: 'generated service secrets' },
  audit: { pattern: `${AUDIT_PREFIX}*`, why: "each tenant's append-only audit log, one object per entry" },
  shareLinks: { pattern: `${CONTROL_PREFIX}share-links/*`, why: "share links: each tenant's list, and each link's record named by its token's hash" },
  audioUrlKey: { pattern: AUDIO_URL_KEY_KEY, why: 'the generated audio-URL signing key (one object)' },
} as const;

export type BucketKeys = keyof typeof BUCKET_KEYS;

/**
 * Kinds of object no role may touch unless its access names them: an explicit Deny covers every
 * other action on them, so a wider Allow (a role that reads recordings anywhere) never reaches them.
 */
const GUARDED: readonly BucketKeys[] = ['apiKeys', 'secrets', 'subscriptions', 'audit', 'shareLinks'];

const ACTIONS = { read: 's3:GetObject', write: 's3:PutObject', delete: 's3:DeleteObject' } as const;
type Verb = keyof typeof ACTIONS;

/** What one role may do in the recordings bucket, by kind of object. Listing (needed so a missing key reads as 404, not 403) comes with any access. */
export type BucketAccess = Partial<Record<Verb, readonly BucketKeys[]>>;

/**
 * Every role's access to the recordings bucket, read off the code each one runs:
 * - Intake checks the recording (head, first bytes, a track folder's listing), clears the results
 *   it will redo, writes its status and the catalog entry.
 * - Transcribe reads the recording or a transcript beside it (and presigns the recording's URL
 *   for the provider), writes the transcript and its status beside it. CheckTranscription (after
 *   the wait for a callback) reads the transcript and the pending request, removes the request
 *   and records the step's outcome.
 * - Translate, Understand and Index read the transcript and write their results and status.
 * - Publish and RecordFailure read every result, write the status, manifest and catalog listing;
 *   Publish also reads the tenant's subscriptions and records CRM deliveries.
 * - The S3-event function reads the tenant's settings and the meeting's catalog entry (its results
 *   folder, which may be of the earlier layout) before starting a run; where the tenant requires
 *   consent it reads the recording's metadata (HEAD needs s3:GetObject), records the consent it
 *   carries, or lists the meeting as awaiting consent. For a provider's result PUT
 *   into a results folder it reads the result and the pending request, writes the transcript and
 *   its status, and deletes the pending request and the raw result.
 * - The API reads everything a meeting shows (audio included) and authenticates API keys; it writes
 *   results (provider callbacks, renamed speakers), the catalog, subscriptions, deliveries and its
 *   generated audio-URL key and share links, and deletes a meeting's results and entry (and revoked
 *   share links' token records). API keys themselves are
 *   written only by the operator's CLI (`aftercall keys create --bucket`), never by a deployed role.
 *   It appends to the tenant's audit log (records who deleted, reprocessed, renamed, searched as
 *   admin) and reads it for admins; no role may delete an entry or write one over (appendOnly).
 * - The relay authenticates API keys and writes only each call's live-captions.json.
 * - The CRM delivery consumer reads subscriptions and the delivery log, and writes the log.
 * - The retention sweep reads what it must judge (settings, catalog, status, delivery log), writes
 *   tombstones and trimmed catalog entries, and deletes expired results, catalog entries, delivery
 *   records and, where a tenant set `recordingDays`, recordings (hence delete on every key, still
 *   denied on API keys, secrets and subscriptions).
 */
export const BUCKET_ACCESS = {
  Intake: { read: ['recordings'], write: ['results', 'catalog'], delete: ['results'] },
  Transcribe: { read: ['recordings'], write: ['results'] },
  CheckTranscription: { read: ['results'], write: ['results'], delete: ['results'] },
  Translate: { read: ['results'], write: ['results'] },
  Understand: { read: ['results'], write: ['results'] },
  Index: { read: ['results'], write: ['results'] },
  Publish: { read: ['results', 'catalog', 'subscriptions', 'deliveries'], write: ['results', 'catalog', 'deliveries'] },
  RecordFailure: { read: ['results', 'catalog'], write: ['results', 'catalog'] },
  S3EventIntake: { read: ['recordings', 'tenantSettings', 'catalog', 'results'], write: ['results', 'catalog', 'consent'], delete: ['results'] },
  Api: {
    read: ['recordings', 'apiKeys', 'subscriptions', 'audioUrlKey', 'audit', 'shareLinks'],
    write: ['results', 'catalog', 'subscriptions', 'deliveries', 'audioUrlKey', 'consent', 'audit', 'shareLinks'],
    delete: ['results', 'catalog', 'subscriptions', 'shareLinks'],
  },
  Relay: { read: ['apiKeys'], write: ['liveCaptions'] },
  WebhookDelivery: { read: ['subscriptions', 'deliveries'], write: ['deliveries'] },
  RetentionSweep: { read: ['recordings'], write: ['catalog', 'tombstones', 'audit'], delete: ['recordings', 'results', 'catalog', 'deliveries'] },
} as const satisfies Record<string, BucketAccess>;

export type BucketRole = keyof typeof BUCKET_ACCESS;

/** Does granting `verb` on `granted` cover part of the guarded kind (the same kind, or a key inside it)? */
const covers = (granted: BucketKeys, guarded: BucketKeys): boolean =>
  granted === guarded || BUCKET_KEYS[granted].pattern.startsWith(BUCKET_KEYS[guarded].pattern.replace(/\*$/, ''));

/**
 * Grants one role its access to the bucket as exact actions on key patterns, denies every action
 * on the guarded kinds that its access does not name, and acknowledges each wildcard pattern it
 * still holds (cdk-nag AwsSolutions-IAM5) on this role alone, saying which actions and why.
 */
export function grantBucketAccess(bucket: Bucket, grantee: IGrantable & IConstruct, access: BucketAccess): void {
  const principal = grantee.grantPrincipal;
  // With a customer-managed key, S3 encrypts and decrypts as the caller: exact actions, no wildcard.
  bucket.encryptionKey?.grant(grantee, 'kms:Decrypt', 'kms:GenerateDataKey');
  const objects = (kind: BucketKeys) => bucket.arnForObjects(BUCKET_KEYS[kind].pattern);
  principal.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));

  const verbsByKind = new Map<BucketKeys, Verb[]>();
  for (const verb of Object.keys(ACTIONS) as Verb[]) {
    const kinds = access[verb] ?? [];
    if (kinds.length > 0) principal.addToPrincipalPolicy(new PolicyStatement({ actions: [ACTIONS[verb]], resources: kinds.map(objects) }));
    for (const kind of kinds) verbsByKind.set(kind, [...(verbsByKind.get(kind) ?? []), verb]);
  }

  for (const guarded of GUARDED) {
    const allowed = new Set([...verbsByKind].filter(([kind]) => covers(kind, guarded)).flatMap(([, verbs]) => verbs));
    const denied = (Object.keys(ACTIONS) as Verb[]).filter((verb) => !allowed.has(verb)).map((verb) => ACTIONS[verb]);
    if (denied.length > 0) principal.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.DENY, actions: denied, resources: [objects(guarded)] }));
  }

  appendOnly(bucket).forEach((statement) => statement.addPrincipals(principal));

  const stack = Stack.of(bucket);
  const bucketId = stack.resolve(stack.getLogicalId(bucket.node.defaultChild as CfnElement)) as string;
  for (const [kind, verbs] of verbsByKind) {
    const { pattern, why } = BUCKET_KEYS[kind];
    if (!pattern.includes('*')) continue;
    const denials = kind === 'recordings' ? `; explicitly denied on ${GUARDED.map((g) => BUCKET_KEYS[g].pattern).join(', ')} unless granted` : '';
    Validations.of(grantee).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${pattern}]`,
      reason: `${verbs.map((verb) => ACTIONS[verb]).join(', ')} on ${pattern}: ${why}${denials}`,
    });
  }
}

const appendOnlyStatements = new WeakMap<Bucket, readonly PolicyStatement[]>();

/**
 * The audit log's guard in the bucket's own policy, which also holds against a role's identity
 * policy widened later: every role given bucket access is denied deleting an audit entry (or a
 * version of one) and writing one without `If-None-Match` (S3's condition key `s3:if-none-match`),
 * so an entry can be added, never replaced. The operator's own credentials are not named: audit
 * retention stays the operator's decision (a lifecycle rule, or by hand).
 */
function appendOnly(bucket: Bucket): readonly PolicyStatement[] {
  const existing = appendOnlyStatements.get(bucket);
  if (existing !== undefined) return existing;
  const entries = bucket.arnForObjects(BUCKET_KEYS.audit.pattern);
  const statements = [
    new PolicyStatement({ sid: 'AuditLogNoDelete', effect: Effect.DENY, actions: ['s3:DeleteObject', 's3:DeleteObjectVersion'], resources: [entries] }),
    new PolicyStatement({
      sid: 'AuditLogNoOverwrite',
      effect: Effect.DENY,
      actions: ['s3:PutObject'],
      resources: [entries],
      conditions: { Null: { 's3:if-none-match': 'true' } },
    }),
  ];
  for (const statement of statements) bucket.addToResourcePolicy(statement);
  appendOnlyStatements.set(bucket, statements);
  return statements;
}
