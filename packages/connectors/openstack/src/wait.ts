import { ConnectorError, sleep } from '@accords/connector-kit';

/** Options of {@link pollUntil}. */
export interface PollOptions {
  /** Give up after this long (then `timeout`). */
  withinMs: number;
  signal?: AbortSignal;
  /** First delay (default 200 ms), doubled up to `maxDelayMs` (default 1 s). */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** What is being waited for, for the timeout message. */
  what: string;
}

/**
 * Reads a value again and again, with exponential backoff, until `done` says so.
 * @throws ConnectorError `timeout` when `withinMs` passes first; the abort error when cancelled.
 */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, opts: PollOptions): Promise<T> {
  const until = Date.now() + opts.withinMs;
  let delay = opts.initialDelayMs ?? 200;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    const left = until - Date.now();
    if (left <= 0) throw new ConnectorError('timeout', `${opts.what}: not settled within ${opts.withinMs} ms`, {});
    await sleep(Math.min(delay, left), { signal: opts.signal });
    delay = Math.min(delay * 2, opts.maxDelayMs ?? 1000);
  }
}
