import { describe, expect, it } from 'vitest';
import { startDeliveryWorker } from '../../../lib/domain/crm/deliveryWorker.js';

describe('the delivery worker', () => {
  it('runs passes one at a time, survives a failing pass, and stops', async () => {
    let active = 0;
    let maxActive = 0;
    let calls = 0;
    const errors: unknown[] = [];
    const worker = startDeliveryWorker({
      pollMs: 60_000,
      log: (_message, error) => errors.push(error),
      deliver: async () => {
        calls += 1;
        active += 1;
        maxActive = Math.max(maxActive, active);
        await new Promise((done) => setImmediate(done));
        active -= 1;
        if (calls === 2) throw new Error('store down');
        return { delivered: calls, retrying: 0, dead: 0 };
      },
    });

    const results = await Promise.all([worker.runOnce(), worker.runOnce(), worker.runOnce()]);
    expect(results).toEqual([{ delivered: 1, retrying: 0, dead: 0 }, null, { delivered: 3, retrying: 0, dead: 0 }]);
    expect(maxActive).toBe(1);
    expect(errors).toHaveLength(1);

    await worker.stop();
    expect(await worker.runOnce()).toBeNull();
    expect(calls).toBe(3);
  });
});
