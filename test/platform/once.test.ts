import { describe, expect, it } from 'vitest';
import { once } from '../../lib/platform/once.js';

describe('once', () => {
  it('makes the value once and hands every later caller the same promise', async () => {
    let made = 0;
    const value = once(async () => ++made);

    const first = value();
    const second = value();

    expect(second).toBe(first);
    expect(await first).toBe(1);
    expect(await value()).toBe(1);
    expect(made).toBe(1);
  });

  it('shares the promise still in flight with callers who come while it runs', async () => {
    let made = 0;
    let resolve = (): void => undefined;
    const gate = new Promise<void>((done) => (resolve = done));
    const value = once(async () => {
      made += 1;
      await gate;
      return 'ready';
    });

    const callers = [value(), value(), value()];
    resolve();

    expect(await Promise.all(callers)).toEqual(['ready', 'ready', 'ready']);
    expect(made).toBe(1);
  });

  it('forgets a rejection, so the next call tries again and keeps what succeeds', async () => {
    let attempts = 0;
    const value = once(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('throttled');
      return attempts;
    });

    await expect(value()).rejects.toThrow('throttled');
    expect(value.kept()).toBeUndefined();
    expect(await value()).toBe(2);
    expect(await value()).toBe(2);
    expect(attempts).toBe(2);
  });

  it('starts nothing when asked what it kept', async () => {
    let made = 0;
    const value = once(async () => ++made);

    expect(value.kept()).toBeUndefined();
    const started = value();
    expect(value.kept()).toBe(started);
    await started;
    expect(made).toBe(1);
  });
});
