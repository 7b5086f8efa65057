import ipaddr from 'ipaddr.js';
import { ReceiverRefusedError } from './errors.js';

/** Which receivers webhooks may reach. Off by default: only public HTTPS receivers. */
export interface ReceiverPolicy {
  /** Local development only (AFTERCALL_ALLOW_LOOPBACK_WEBHOOKS): loopback receivers, over plain http too. */
  allowLoopback: boolean;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address a connection to the host could use (getaddrinfo locally; a fake in tests). */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** What decides whether a receiver may be called: the policy and the resolver the sender connects with. */
export interface ReceiverGuard {
  policy: ReceiverPolicy;
  resolve: HostResolver;
}

/** A receiver URL that passed the checks that need no DNS. */
export interface ReceiverTarget {
  url: URL;
  /** The host without IPv6 brackets or a trailing dot. */
  host: string;
  /** Set when the host is an IP address: nothing is resolved, the address itself is checked. */
  literal: boolean;
}

// Names that are internal by definition (RFC 6761 .localhost, ICANN's private-use .internal that
// GCP and EC2 use, mDNS .local, RFC 8375 home.arpa) and the cloud metadata services' own names.
const INTERNAL_SUFFIXES = ['.localhost', '.internal', '.local', '.home.arpa'];
const METADATA_NAMES = new Set(['metadata', 'metadata.goog', 'metadata.google.internal', 'instance-data', 'instance-data.ec2.internal']);
// IANA's global unicast allocation: any other IPv6 unicast (e.g. the IPv4-compatible ::7f00:1) is reserved.
const IPV6_GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');

/** What an address is, in words a tenant admin reads in a 400 or the delivery log. */
const RANGE_NAMES: Record<string, string> = {
  loopback: 'a loopback address (this machine)',
  private: 'a private-network address',
  uniqueLocal: 'a private-network address',
  deprecatedSiteLocal: 'a private-network address',
  linkLocal: 'a link-local address (where cloud metadata services live)',
  carrierGradeNat: 'a shared (carrier-grade NAT) address',
  unspecified: 'the unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
};

export interface AddressClass {
  kind: 'public' | 'loopback' | 'internal';
  description: string;
}

/** Whether webhooks may reach an address: public unicast only (loopback is allowed in local development). */
export function classifyAddress(address: string): AddressClass {
  // process() turns IPv4-mapped IPv6 (::ffff:127.0.0.1) into the IPv4 address it reaches.
  const ip = ipaddr.process(address);
  const range = ip.range();
  if (range === 'unicast' && (ip.kind() === 'ipv4' || (ip as ipaddr.IPv6).match(IPV6_GLOBAL_UNICAST))) return { kind: 'public', description: 'a public address' };
  return { kind: range === 'loopback' ? 'loopback' : 'internal', description: RANGE_NAMES[range] ?? 'a reserved or special-purpose address' };
}

const LOOPBACK_HINT = 'loopback receivers need AFTERCALL_ALLOW_LOOPBACK_WEBHOOKS=true (local development only)';

const refuse = (message: string): never => {
  throw new ReceiverRefusedError(message);
};

/**
 * The checks that need no DNS: an absolute https URL (plain http only to loopback, and only with
 * the local-development setting) whose host is not an internal name or an internal IP literal.
 * The URL parser has already normalised `127.1`, `2130706433` and `0x7f.1` to 127.0.0.1.
 */
export function checkReceiverUrl(url: string, policy: ReceiverPolicy): ReceiverTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('the receiver URL is not a valid absolute URL');
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && policy.allowLoopback)) {
    return refuse(`the receiver URL must use https (got ${parsed.protocol.replace(/:$/, '')})`);
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();
  if (ipaddr.isValid(host)) {
    const target = { url: parsed, host, literal: true };
    checkReceiverAddress(target, host, policy);
    return target;
  }
  const loopbackName = host === 'localhost' || host.endsWith('.localhost');
  if (loopbackName && !policy.allowLoopback) return refuse(`the receiver host ${host} is this machine (loopback); ${LOOPBACK_HINT}`);
  if (METADATA_NAMES.has(host)) return refuse(`the receiver host ${host} is a cloud metadata service`);
  if (!loopbackName && INTERNAL_SUFFIXES.some((suffix) => host.endsWith(suffix))) return refuse(`the receiver host ${host} is an internal name`);
  if (!loopbackName && !host.includes('.')) return refuse(`the receiver host ${host} is not a fully qualified public name`);
  return { url: parsed, host, literal: false };
}

/** The check on the address a connection goes to: after DNS, so a name that points inside is refused. */
export function checkReceiverAddress(target: ReceiverTarget, address: string, policy: ReceiverPolicy): void {
  const { kind, description } = classifyAddress(address);
  if (kind === 'public' && target.url.protocol !== 'https:') refuse('the receiver URL must use https (plain http only to a loopback receiver in local development)');
  if (kind === 'public' || (kind === 'loopback' && policy.allowLoopback)) return;
  // A resolved address is not echoed back: it would tell a tenant what internal names resolve to.
  const what = target.literal ? `the receiver address ${target.host} is ${description}` : `the receiver host ${target.host} resolves to ${description}`;
  refuse(kind === 'loopback' ? `${what}; ${LOOPBACK_HINT}` : what);
}

/** The subscription-time check: the URL, then every address its host resolves to. */
export async function checkReceiver(url: string, guard: ReceiverGuard): Promise<ReceiverTarget> {
  const target = checkReceiverUrl(url, guard.policy);
  if (target.literal) return target;
  const addresses = await guard.resolve(target.host).catch((error: unknown) =>
    refuse(`the receiver host ${target.host} could not be resolved (${error instanceof Error && 'code' in error ? String(error.code) : 'lookup failed'})`),
  );
  if (addresses.length === 0) refuse(`the receiver host ${target.host} has no address`);
  for (const { address } of addresses) checkReceiverAddress(target, address, guard.policy);
  return target;
}
