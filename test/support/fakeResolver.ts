import { isIPv6 } from 'node:net';
import type { HostResolver, ReceiverGuard } from '../../lib/domain/crm/receiverPolicy.js';
import { systemResolver } from '../../lib/adapters/crm/systemResolver.js';

/**
 * DNS as a test decides it, through the resolver port the guard and the sender share: a table of
 * names to addresses that a test can change between two lookups (a rebinding attacker's DNS).
 * Names not in the table do not resolve. Every lookup is recorded.
 */
export class FakeResolver {
  readonly lookups: string[] = [];
  private readonly table = new Map<string, string[]>();

  constructor(entries: Record<string, string[]> = {}) {
    for (const [name, addresses] of Object.entries(entries)) this.answer(name, addresses);
  }

  answer(name: string, addresses: string[]): void {
    this.table.set(name, addresses);
  }

  readonly resolve: HostResolver = async (hostname) => {
    this.lookups.push(hostname);
    const addresses = this.table.get(hostname);
    if (addresses === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
    return addresses.map((address) => ({ address, family: isIPv6(address) ? 6 : 4 }));
  };
}

/** The local-development setting (AFTERCALL_ALLOW_LOOPBACK_WEBHOOKS=true) with the system resolver: receivers on 127.0.0.1. */
export const LOOPBACK_RECEIVERS: ReceiverGuard = { policy: { allowLoopback: true }, resolve: systemResolver };

/** The production default (loopback refused) with names from a fake DNS. */
export const publicReceivers = (resolver: FakeResolver): ReceiverGuard => ({ policy: { allowLoopback: false }, resolve: resolver.resolve });

/** A public address (example.com's) for names that must pass the guard; no test connects to it. */
export const PUBLIC_ADDRESS = '93.184.215.14';

/** The production default, with example CRM names resolving to a public address. */
export const EXAMPLE_RECEIVERS: ReceiverGuard = publicReceivers(new FakeResolver({ 'crm.example.com': [PUBLIC_ADDRESS], 'a.example.com': [PUBLIC_ADDRESS] }));
