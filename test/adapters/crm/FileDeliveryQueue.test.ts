import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileDeliveryQueue } from '../../../lib/adapters/crm/FileDeliveryQueue.js';
import type { Delivery } from '../../../lib/domain/crm/schema.js';
import { makeTempDir } from '../../support/tempDir.js';

const delivery = (id: string, overrides: Partial<Delivery> = {}): Delivery => ({
  schemaVersion: 1,
  id,
  tenantId: 'acme',
  subscriptionId: 'sub_000000000000000000000001',
  eventType: 'action_items.published',
  body: '{"type":"action_items.published"}',
  createdAt: '2026-11-22T10:00:00.000Z',
  status: 'pending',
  firstAttemptAt: null,
  nextAttemptAt: '2026-11-22T10:00:00.000Z',
  attempts: [],
  ...overrides,
});
const ID_1 = 'msg_000000000000000000000001';
const ID_2 = 'msg_000000000000000000000002';

describe('the file delivery queue', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(() => dir.remove());

  it('enqueues idempotently, even once the message has moved on', async () => {
    const queue = await FileDeliveryQueue.open(dir.path);
    await Promise.all([queue.enqueue([delivery(ID_1)]), queue.enqueue([delivery(ID_1, { body: 'second' })])]);
    expect((await queue.list('acme')).map((d) => d.body)).toEqual(['{"type":"action_items.published"}']);

    await queue.update(delivery(ID_1, { status: 'delivered', attempts: [{ at: '2026-11-22T10:00:01.000Z', httpStatus: 200, error: null, outcome: 'delivered' }] }));
    await queue.enqueue([delivery(ID_1)]);
    expect(await queue.list('acme', 'pending')).toEqual([]);
    expect(await readdir(join(dir.path, 'delivered'))).toEqual([`${ID_1}.json`]);
    expect(await readdir(join(dir.path, 'tmp'))).toEqual([]);
  });

  it('hands out only due messages, oldest first', async () => {
    const queue = await FileDeliveryQueue.open(dir.path);
    await queue.enqueue([delivery(ID_2, { nextAttemptAt: '2026-11-22T10:05:00.000Z' }), delivery(ID_1, { nextAttemptAt: '2026-11-22T10:01:00.000Z' })]);
    expect(await queue.due(new Date('2026-11-22T10:00:00.000Z'), 10)).toEqual([]);
    expect((await queue.due(new Date('2026-11-22T10:10:00.000Z'), 10)).map((d) => d.id)).toEqual([ID_1, ID_2]);
    expect((await queue.due(new Date('2026-11-22T10:10:00.000Z'), 1)).map((d) => d.id)).toEqual([ID_1]);
  });

  it('settles a move a crash interrupted, keeping the later state, and drops half-written temp files', async () => {
    const attempt = { at: '2026-11-22T10:00:01.000Z', httpStatus: 204, error: null, outcome: 'delivered' as const };
    await Promise.all(['pending', 'delivered', 'dead', 'tmp'].map((d) => mkdir(join(dir.path, d), { recursive: true })));
    await writeFile(join(dir.path, 'pending', `${ID_1}.json`), JSON.stringify(delivery(ID_1)));
    await writeFile(join(dir.path, 'delivered', `${ID_1}.json`), JSON.stringify(delivery(ID_1, { status: 'delivered', attempts: [attempt] })));
    await writeFile(join(dir.path, 'tmp', `${ID_2}.1.json`), '{"half');

    const queue = await FileDeliveryQueue.open(dir.path);
    expect(await queue.list('acme', 'pending')).toEqual([]);
    expect((await queue.get('acme', ID_1))?.status).toBe('delivered');
    expect(await readdir(join(dir.path, 'tmp'))).toEqual([]);
  });

  it("reads only the caller's tenant", async () => {
    const queue = await FileDeliveryQueue.open(dir.path);
    await queue.enqueue([delivery(ID_1), delivery(ID_2, { tenantId: 'other' })]);
    expect((await queue.list('acme')).map((d) => d.id)).toEqual([ID_1]);
    expect(await queue.get('acme', ID_2)).toBeNull();
    expect(await queue.get('acme', '../pending/x')).toBeNull();
  });
});
