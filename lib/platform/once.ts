/** A cached asynchronous value: `() => Promise<T>` that starts the work once, plus a look at what it kept. */
export interface Once<T> {
  (): Promise<T>;
  /** The promise kept so far (in flight or fulfilled), without starting one. */
  kept(): Promise<T> | undefined;
}

/**
 * Runs `make` on the first call and hands every caller the same promise, in flight or settled.
 * A rejection is forgotten, so the next call tries again (a throttled secret read, an index
 * that was not there yet) instead of failing for the life of the process.
 */
export function once<T>(make: () => Promise<T>): Once<T> {
  let kept: Promise<T> | undefined;
  const get = (): Promise<T> => {
    if (kept === undefined) {
      const made = make();
      kept = made;
      made.catch(() => {
        if (kept === made) kept = undefined;
      });
    }
    return kept;
  };
  return Object.assign(get, { kept: () => kept });
}
