import type { Node } from 'constructs';
import { InternalError } from '../domain/errors.js';

/** What a deployer can choose with `-c name=value` (or in cdk.json's context). */
export interface StackOptions {
  /** The live caption relay on Fargate (`-c live=false` leaves it out: batch path only). */
  live: boolean;
  /** An ACM certificate ARN for the relay's load balancer (HTTPS/WSS); without one, HTTP only. */
  relayCertificateArn: string | undefined;
  /** Days a replaced or deleted object's old version is kept (the bucket is versioned). */
  noncurrentVersionDays: number;
  /** Days after which objects move to S3 Standard-IA; undefined keeps everything in Standard. */
  infrequentAccessAfterDays: number | undefined;
}

export class StackOptionError extends InternalError {
  override readonly name = 'StackOptionError';
}

export const DEFAULT_NONCURRENT_VERSION_DAYS = 30;

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
  const live = raw('live');
  if (live !== undefined && ![true, false, 'true', 'false'].includes(live as string | boolean)) throw new StackOptionError(`context live must be true or false, not ${String(live)}`);
  const certificate = raw('relayCertificateArn');
  return {
    live: live !== false && live !== 'false',
    relayCertificateArn: typeof certificate === 'string' && certificate !== '' ? certificate : undefined,
    noncurrentVersionDays: days('noncurrentVersionDays', 1) ?? DEFAULT_NONCURRENT_VERSION_DAYS,
    // S3 moves objects to Standard-IA no sooner than 30 days after creation.
    infrequentAccessAfterDays: days('infrequentAccessAfterDays', 30),
  };
}
