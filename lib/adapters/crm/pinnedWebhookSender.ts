import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { WebhookSender } from '../../domain/crm/ports.js';
import { checkReceiverAddress, checkReceiverUrl, type ReceiverGuard, type ReceiverTarget } from '../../domain/crm/receiverPolicy.js';

/**
 * Sends webhooks over node:http(s) with the guard's resolver as the connection's `lookup`: the
 * addresses checked are the addresses connected to, so a name that resolved to a public address
 * at subscription and to 127.0.0.1 now (DNS rebinding) is refused before any socket opens. TLS
 * still verifies the certificate against the host name. Redirects are never followed.
 */
export function pinnedWebhookSender(guard: ReceiverGuard): WebhookSender {
  // Own pools: a kept-alive socket here was connected to an address this guard checked.
  const agents = { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) };

  return async (request) => {
    const target = checkReceiverUrl(request.url, guard.policy);
    const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
    const response = await new Promise<IncomingMessage>((done, fail) => {
      const outgoing = send(target.url, {
        method: 'POST',
        headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
        agent: target.url.protocol === 'https:' ? agents['https:'] : agents['http:'],
        // Not called for an IP literal: checkReceiverUrl has checked that address itself.
        lookup: checkedLookup(guard, target),
        signal: AbortSignal.timeout(request.timeoutMs),
      });
      outgoing.on('response', done);
      outgoing.on('error', fail);
      outgoing.end(request.body);
    });
    // The status is the answer; the body is not read, only drained so the socket can be reused.
    response.resume();
    return { status: response.statusCode ?? 0 };
  };
}

function checkedLookup(guard: ReceiverGuard, target: ReceiverTarget): LookupFunction {
  return (hostname, options, callback) => {
    guard
      .resolve(hostname)
      .then((resolved) => {
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
        const addresses = resolved.filter((a) => family === undefined || family === 0 || a.family === family);
        if (addresses.length === 0) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
        // Every address is checked, not just the first: a connection may fall back to any of them.
        for (const { address } of addresses) checkReceiverAddress(target, address, guard.policy);
        if (options.all === true) callback(null, addresses);
        else callback(null, addresses[0]?.address ?? '', addresses[0]?.family);
      })
      .catch((error: unknown) => callback(error as NodeJS.ErrnoException, ''));
  };
}
