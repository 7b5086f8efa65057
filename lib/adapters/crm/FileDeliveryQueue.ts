import { link, mkdir, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeliveryQueue } from '../../domain/crm/ports.js';
import { DeliverySchema, DeliveryStatusSchema, type Delivery, type DeliveryStatus } from '../../domain/crm/schema.js';

const STATUSES = DeliveryStatusSchema.options;
const ID = /^msg_[0-9a-f]{24}$/;

/**
 * The local delivery queue: one JSON file per message in `pending/`, `delivered/` or `dead/`
 * under a folder of the data dir. Every write goes to `tmp/` first and is renamed into place,
 * so a crash leaves either the old file or the new one, never half of one; a restart reads
 * the folder again and carries on where it stopped.
 */
export class FileDeliveryQueue implements DeliveryQueue {
  // One mutation at a time: enqueue's "is it known?" check and a move between folders never interleave.
  private chain: Promise<unknown> = Promise.resolve();
  private tmpCounter = 0;

  private constructor(readonly directory: string) {}

  static async open(directory: string): Promise<FileDeliveryQueue> {
    const queue = new FileDeliveryQueue(directory);
    await rm(join(directory, 'tmp'), { recursive: true, force: true });
    await Promise.all(['tmp', ...STATUSES].map((dir) => mkdir(join(directory, dir), { recursive: true })));
    await queue.settleInterruptedMoves();
    return queue;
  }

  enqueue(deliveries: readonly Delivery[]): Promise<void> {
    return this.serial(async () => {
      for (const delivery of deliveries) {
        const parsed = DeliverySchema.parse(delivery);
        if ((await this.copiesOf(parsed.id)).length > 0) continue;
        const tmp = await this.writeTmp(parsed);
        // link() fails when the name exists: creating the file is itself the idempotency check.
        await link(tmp, this.path(parsed.status, parsed.id)).catch((error: unknown) => {
          if (!isCode(error, 'EEXIST')) throw error;
        });
        await unlink(tmp);
      }
    });
  }

  async due(now: Date, limit: number): Promise<Delivery[]> {
    const pending = await this.readStatus('pending');
    return pending
      .filter((d) => Date.parse(d.nextAttemptAt) <= now.getTime())
      .sort((a, b) => Date.parse(a.nextAttemptAt) - Date.parse(b.nextAttemptAt))
      .slice(0, limit);
  }

  update(delivery: Delivery): Promise<void> {
    return this.serial(async () => {
      const parsed = DeliverySchema.parse(delivery);
      // Write the new state first, then remove the old copy: a crash in between leaves two,
      // which open() settles (the copy with more attempts wins; at worst one extra delivery).
      await rename(await this.writeTmp(parsed), this.path(parsed.status, parsed.id));
      for (const status of STATUSES) {
        if (status !== parsed.status) await unlink(this.path(status, parsed.id)).catch(ignoreMissing);
      }
    });
  }

  async get(tenantId: string, id: string): Promise<Delivery | null> {
    if (!ID.test(id)) return null;
    const found = pickCurrent(await this.copiesOf(id));
    return found !== null && found.tenantId === tenantId ? found : null;
  }

  async list(tenantId: string, status?: DeliveryStatus): Promise<Delivery[]> {
    const all = (await Promise.all((status === undefined ? STATUSES : [status]).map((s) => this.readStatus(s)))).flat();
    return all.filter((d) => d.tenantId === tenantId).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  remove(tenantId: string, ids: readonly string[]): Promise<void> {
    return this.serial(async () => {
      for (const id of ids) {
        if (!ID.test(id)) continue;
        for (const copy of await this.copiesOf(id)) {
          if (copy.tenantId === tenantId) await unlink(this.path(copy.status, id)).catch(ignoreMissing);
        }
      }
    });
  }

  async close(): Promise<void> {
    await this.chain;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const result = this.chain.then(work);
    this.chain = result.catch(() => undefined);
    return result;
  }

  private path(status: DeliveryStatus, id: string): string {
    return join(this.directory, status, `${id}.json`);
  }

  private async writeTmp(delivery: Delivery): Promise<string> {
    this.tmpCounter += 1;
    const tmp = join(this.directory, 'tmp', `${delivery.id}.${process.pid}.${this.tmpCounter}.json`);
    await writeFile(tmp, `${JSON.stringify(delivery, null, 2)}\n`);
    return tmp;
  }

  private async readStatus(status: DeliveryStatus): Promise<Delivery[]> {
    const names = (await readdir(join(this.directory, status))).filter((name) => name.endsWith('.json'));
    const deliveries = await Promise.all(names.map((name) => this.read(join(this.directory, status, name))));
    return deliveries.filter((d): d is Delivery => d !== null);
  }

  private async read(path: string): Promise<Delivery | null> {
    try {
      return DeliverySchema.parse(JSON.parse(await readFile(path, 'utf8')));
    } catch (error) {
      // Moved by a concurrent update between readdir and readFile.
      if (isCode(error, 'ENOENT')) return null;
      throw error;
    }
  }

  private async copiesOf(id: string): Promise<Delivery[]> {
    const copies = await Promise.all(STATUSES.map((status) => this.read(this.path(status, id))));
    return copies.filter((d): d is Delivery => d !== null);
  }

  private async settleInterruptedMoves(): Promise<void> {
    const seen = new Map<string, Delivery[]>();
    for (const status of STATUSES) {
      for (const delivery of await this.readStatus(status)) seen.set(delivery.id, [...(seen.get(delivery.id) ?? []), delivery]);
    }
    for (const copies of seen.values()) {
      const current = pickCurrent(copies);
      if (copies.length > 1 && current !== null) await this.update(current);
    }
  }
}

/** Of copies left by an interrupted move, the later state: more attempts, or a replay (pending) on a tie. */
function pickCurrent(copies: readonly Delivery[]): Delivery | null {
  return copies.reduce<Delivery | null>((best, d) => {
    if (best === null || d.attempts.length > best.attempts.length) return d;
    if (d.attempts.length === best.attempts.length && d.status === 'pending') return d;
    return best;
  }, null);
}

const isCode = (error: unknown, code: string): boolean => typeof error === 'object' && error !== null && 'code' in error && error.code === code;
const ignoreMissing = (error: unknown): void => {
  if (!isCode(error, 'ENOENT')) throw error;
};
