import { lookup } from 'node:dns/promises';
import type { HostResolver } from '../../domain/crm/receiverPolicy.js';

/** getaddrinfo, as a plain connection would resolve (hosts file, search domains, every A and AAAA). */
export const systemResolver: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
