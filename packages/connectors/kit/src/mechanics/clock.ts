/**
 * A source of time and timers. Everything in the kit that waits takes one, so tests can use a
 * manual clock (`createManualClock`) and never sleep for real.
 */
export interface Clock {
  /** Current time in milliseconds since the epoch. */
  now(): number;
  /**
   * Runs `fn` after `ms` milliseconds.
   * @returns A function that cancels the timer.
   */
  setTimer(fn: () => void, ms: number): () => void;
}

/**
 * The real clock: `Date.now()` and `setTimeout` (timers do not keep the process alive).
 * @example
 * ```ts
 * const cancel = systemClock.setTimer(() => console.log('tick'), 1000);
 * ```
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const handle = setTimeout(fn, Math.max(0, ms));
    (handle as { unref?: () => void }).unref?.();
    return () => clearTimeout(handle);
  },
};
