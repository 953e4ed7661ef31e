import type { Clock } from './clock';

/** A virtual clock that only moves when told to (or by itself, with `auto`). */
export interface ManualClock extends Clock {
  /**
   * Moves time forward by `ms`, firing every timer that falls due, in order; code resumed by a
   * timer runs before the next one fires.
   */
  advance(ms: number): Promise<void>;
  /** Moves time forward to the next pending timer and fires it; `false` when none is pending. */
  runNext(): Promise<boolean>;
  /** Number of timers waiting. */
  pending(): number;
}

/** Options of {@link createManualClock}. */
export interface ManualClockOptions {
  /** Start time in ms since the epoch (default 2026-01-01T00:00:00Z). */
  startMs?: number;
  /**
   * When `true`, the clock jumps to the next timer by itself once the pending promise jobs have
   * run (checked on each turn of the event loop): waits cost no real time. Meant for in-process
   * backends; with real I/O in flight the clock may run ahead of it. Default `false`.
   */
  auto?: boolean;
}

interface Timer {
  due: number;
  seq: number;
  fn: () => void;
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Creates a virtual clock for tests and simulations.
 * @param options - Start time and whether time advances by itself.
 * @returns A {@link ManualClock}.
 * @example
 * ```ts
 * const clock = createManualClock();
 * const done = sleep(1000, { clock });
 * await clock.advance(1000); // `done` resolves, no real waiting
 * ```
 */
export function createManualClock(options: ManualClockOptions = {}): ManualClock {
  let now = options.startMs ?? Date.UTC(2026, 0, 1);
  let seq = 0;
  let autoScheduled = false;
  const timers = new Set<Timer>();

  const popDue = (limit: number): Timer | undefined => {
    let best: Timer | undefined;
    for (const t of timers) {
      if (t.due > limit) continue;
      if (!best || t.due < best.due || (t.due === best.due && t.seq < best.seq)) best = t;
    }
    if (best) timers.delete(best);
    return best;
  };

  const scheduleAuto = (): void => {
    if (!options.auto || autoScheduled) return;
    autoScheduled = true;
    setImmediate(() => {
      autoScheduled = false;
      const next = popDue(Number.POSITIVE_INFINITY);
      if (!next) return;
      now = Math.max(now, next.due);
      next.fn();
      if (timers.size > 0) scheduleAuto();
    });
  };

  const clock: ManualClock = {
    now: () => now,
    setTimer(fn, ms) {
      const timer: Timer = { due: now + Math.max(0, ms), seq: seq++, fn };
      timers.add(timer);
      scheduleAuto();
      return () => {
        timers.delete(timer);
      };
    },
    async advance(ms) {
      const target = now + Math.max(0, ms);
      await settle();
      for (let t = popDue(target); t; t = popDue(target)) {
        now = Math.max(now, t.due);
        t.fn();
        await settle();
      }
      now = Math.max(now, target);
    },
    async runNext() {
      const t = popDue(Number.POSITIVE_INFINITY);
      if (!t) return false;
      now = Math.max(now, t.due);
      t.fn();
      await settle();
      return true;
    },
    pending: () => timers.size,
  };
  return clock;
}
