import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../../lib/app/http/createHttpApp.js';
import { startStackFixture, type StackFixture } from '../../support/localStackFixture.js';

interface Operation {
  operationId?: string;
  security?: unknown[];
}
interface Document {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
// The document does not describe itself.
const UNDESCRIBED = new Set(['GET /openapi.json']);

describe('the OpenAPI document', () => {
  let fixture: StackFixture;
  let base: string;
  let doc: Document;

  beforeAll(async () => {
    fixture = await startStackFixture({ http: true, port: 0 });
    base = fixture.stack.httpUrl ?? '';
    doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as Document;
  }, 60_000);
  afterAll(() => fixture.close());

  it('describes every /api route the server serves, and nothing it does not serve', () => {
    if (fixture.stack.live === null) throw new Error('the stack runs no live relay');
    // The router of the server as local mode assembles it, live routes included.
    const app = createHttpApp(fixture.stack.plane, { live: fixture.stack.live });
    const served = new Set(
      app.routes
        .filter((route) => route.path.startsWith('/api/') && METHODS.includes(route.method.toLowerCase()))
        .map((route) => `${route.method.toUpperCase()} ${route.path.slice('/api'.length).replaceAll(/:([^/]+)/g, '{$1}')}`)
        .filter((route) => !UNDESCRIBED.has(route)),
    );
    const described = new Set(Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).filter((method) => METHODS.includes(method)).map((method) => `${method.toUpperCase()} ${path}`)));
    expect([...served].filter((route) => !described.has(route)).sort()).toEqual([]);
    expect([...described].filter((route) => !served.has(route)).sort()).toEqual([]);
    // The routes that were missing once: subscriptions, deliveries, live, share links' reads.
    expect([...described]).toEqual(expect.arrayContaining(['POST /subscriptions', 'GET /deliveries', 'POST /live/tickets', 'GET /live/rooms/{room}/captions', 'GET /shared/meeting']));
  });

  it('gives every operation a unique, meaningful operationId', () => {
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((operation) => operation.operationId));
    expect(ids.every((id) => id !== undefined && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/meetings']?.get?.operationId).toBe('listMeetings');
    expect(doc.paths['/meetings/{id}']?.delete?.operationId).toBe('deleteMeeting');
  });

  it('names the server its paths are under, so a client built from it calls /api/… and not the host root', async () => {
    expect(doc.servers?.map((server) => server.url)).toEqual(['/api']);
    expect(Object.keys(doc.paths).filter((path) => path.startsWith('/api'))).toEqual([]);
    // As a generated client resolves it: the server URL against the document's origin, then the path.
    const key = await fixture.apiKey();
    const server = new URL(doc.servers?.[0]?.url ?? '', `${base}/api/openapi.json`);
    const response = await fetch(`${server.href}/meetings`, { headers: { Authorization: `Bearer ${key}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ meetings: [] });
  });
});
