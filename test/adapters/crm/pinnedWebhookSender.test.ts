import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinnedWebhookSender } from '../../../lib/adapters/crm/pinnedWebhookSender.js';
import { FakeResolver } from '../../support/fakeResolver.js';
import { makeTempDir } from '../../support/tempDir.js';

const HOST = 'crm.test.example';

describe('the pinned webhook sender over https', () => {
  let server: Server;
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  const serverNames: string[] = [];
  let requests = 0;
  beforeAll(async () => {
    // A certificate for the CRM's name that no CA signed (openssl ships with the machine image).
    dir = await makeTempDir();
    const [key, cert] = [join(dir.path, 'key.pem'), join(dir.path, 'cert.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', `/CN=${HOST}`, '-addext', `subjectAltName=DNS:${HOST}`, '-keyout', key, '-out', cert], { stdio: 'ignore' });
    const context = { key: readFileSync(key), cert: readFileSync(cert) };
    server = createServer(
      {
        ...context,
        SNICallback: (name, done) => {
          serverNames.push(name);
          done(null, createSecureContext(context));
        },
      },
      (_req, res) => {
        requests += 1;
        res.writeHead(204).end();
      },
    );
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  });
  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
    await dir.remove();
  });

  it('connects to the address it checked, yet verifies the certificate against the host name (SNI is the name)', async () => {
    const dns = new FakeResolver({ [HOST]: ['127.0.0.1'] });
    const send = pinnedWebhookSender({ policy: { allowLoopback: true }, resolve: dns.resolve });
    const port = (server.address() as AddressInfo).port;

    const attempt = send({ url: `https://${HOST}:${port}/hooks`, headers: { 'content-type': 'application/json' }, body: '{}', timeoutMs: 5_000 });

    // Pinning did not turn TLS off: an unsigned certificate fails the attempt as it would unpinned.
    await expect(attempt).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(dns.lookups).toEqual([HOST]);
    expect(serverNames).toEqual([HOST]);
    expect(requests).toBe(0);
  });
});
