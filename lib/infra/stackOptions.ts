import type { Node } from 'constructs';
import { InternalError } from '../domain/errors.js';

/** What a deployer can choose with `-c name=value` (or in cdk.json's context). */
export interface StackOptions {
  /** The live caption relay on Fargate (`-c live=false` leaves it out: batch path only). */
  live: boolean;
  /**
   * HTTPS from CloudFront to the relay's load balancer: an ACM certificate ARN (`relayCertificateArn`)
   * and the DNS name it is for (`relayDomainName`, pointed at the balancer). Both or neither.
   */
  relayHttps: { certificateArn: string; domainName: string } | undefined;
  /** Raise it (2, 3, …) and deploy to replace the secret header CloudFront sends the relay. */
  relayOriginSecretGeneration: number;
  /** Days a replaced or deleted object's old version is kept (the bucket is versioned). */
  noncurrentVersionDays: number;
  /** Days after which objects move to S3 Standard-IA; undefined keeps everything in Standard. */
  infrequentAccessAfterDays: number | undefined;
  /**
   * OpenTelemetry traces and metrics (`-c openTelemetry=true`): the ADOT collector layer beside the
   * step, API and S3-event functions, traces to X-Ray, metrics to CloudWatch. Off by default.
   */
  openTelemetry: boolean;
  /**
   * A customer-managed KMS key for the recordings bucket, the SQS queues, the alarm topic and the
   * CloudWatch log groups: `create` makes one (rotated yearly, kept on stack deletion), an ARN uses
   * yours (its key policy must let CloudWatch Logs and CloudWatch alarms use it; docs/governance.md).
   * Undefined: the AWS-managed encryption (SSE-S3, SSE-SQS, CloudWatch's own).
   */
  kmsKey: 'create' | { arn: string } | undefined;
  /** Hours between runs of the retention sweep (EventBridge schedule). */
  sweepIntervalHours: number;
}

export class StackOptionError extends InternalError {
  override readonly name = 'StackOptionError';
}

export const DEFAULT_NONCURRENT_VERSION_DAYS = 30;
export const DEFAULT_SWEEP_INTERVAL_HOURS = 24;
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[0-9a-f-]{36}$/;

/** Reads the options from the construct tree's context; a bad value fails synth with the fix. */
export function stackOptionsFrom(node: Node): StackOptions {
  const raw = (name: string): unknown => node.tryGetContext(name) as unknown;
  const days = (name: string, minimum: number): number | undefined => {
    const value = raw(name);
    if (value === undefined || value === '' || value === 'off') return undefined;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < minimum) throw new StackOptionError(`context ${name} must be a whole number of days ≥ ${minimum} (or "off"), not ${String(value)}`);
    return parsed;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const value = raw(name);
    if (value === undefined) return fallback;
    if (![true, false, 'true', 'false'].includes(value as string | boolean)) throw new StackOptionError(`context ${name} must be true or false, not ${String(value)}`);
    return value === true || value === 'true';
  };
  const text = (name: string): string | undefined => {
    const value = raw(name);
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const certificateArn = text('relayCertificateArn');
  const domainName = text('relayDomainName');
  if ((certificateArn === undefined) !== (domainName === undefined)) {
    throw new StackOptionError('context relayCertificateArn and relayDomainName go together: the certificate must be for the domain CloudFront connects to (a DNS name pointed at the relay\'s load balancer)');
  }
  const generation = Number(raw('relayOriginSecretGeneration') ?? 1);
  if (!Number.isInteger(generation) || generation < 1) throw new StackOptionError(`context relayOriginSecretGeneration must be a whole number ≥ 1, not ${String(raw('relayOriginSecretGeneration'))}`);
  const kmsKey = text('kmsKey');
  if (kmsKey !== undefined && kmsKey !== 'create' && !KMS_KEY_ARN.test(kmsKey)) {
    throw new StackOptionError(`context kmsKey must be "create" or a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>; not an alias), not ${kmsKey}`);
  }
  const sweepIntervalHours = Number(raw('sweepIntervalHours') ?? DEFAULT_SWEEP_INTERVAL_HOURS);
  if (!Number.isInteger(sweepIntervalHours) || sweepIntervalHours < 1) throw new StackOptionError(`context sweepIntervalHours must be a whole number of hours ≥ 1, not ${String(raw('sweepIntervalHours'))}`);
  return {
    live: flag('live', true),
    kmsKey: kmsKey === undefined ? undefined : kmsKey === 'create' ? 'create' : { arn: kmsKey },
    sweepIntervalHours,
    relayHttps: certificateArn === undefined || domainName === undefined ? undefined : { certificateArn, domainName },
    relayOriginSecretGeneration: generation,
    noncurrentVersionDays: days('noncurrentVersionDays', 1) ?? DEFAULT_NONCURRENT_VERSION_DAYS,
    // S3 moves objects to Standard-IA no sooner than 30 days after creation.
    infrequentAccessAfterDays: days('infrequentAccessAfterDays', 30),
    openTelemetry: flag('openTelemetry', false),
  };
}
