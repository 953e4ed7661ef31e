import { ConnectorError, isConnectorError } from '../errors/connector-error';
import type { Clock } from './clock';
import { systemClock } from './clock';

/** Where an error happened, for the messages of mapped errors. */
export interface ErrorContext {
  providerId?: string;
  operation?: string;
}

/**
 * Turns an abort reason into a `cancelled` (or, for a deadline, `timeout`) {@link ConnectorError}.
 * @param signal - The signal that fired.
 * @param context - Provider and operation, for the message.
 * @returns The error to throw.
 * @example
 * ```ts
 * if (signal.aborted) throw abortError(signal, { operation: 'get' });
 * ```
 */
export function abortError(signal: AbortSignal, context: ErrorContext = {}): ConnectorError {
  const reason: unknown = signal.reason;
  if (isConnectorError(reason)) return reason;
  const where = context.operation ? ` during ${context.operation}` : '';
  if (reason instanceof Error && reason.name === 'TimeoutError') {
    return new ConnectorError('timeout', `deadline exceeded${where}`, { ...context, cause: reason });
  }
  return new ConnectorError('cancelled', `cancelled by the caller${where}`, { ...context, cause: reason });
}

/**
 * Throws a `cancelled` {@link ConnectorError} when the signal has fired.
 * @param signal - Optional caller signal.
 * @param context - Provider and operation, for the message.
 * @throws {ConnectorError} `cancelled` (or `timeout`) when `signal` is aborted.
 * @example
 * ```ts
 * throwIfAborted(opts?.signal, { operation: 'create' });
 * ```
 */
export function throwIfAborted(signal: AbortSignal | undefined, context: ErrorContext = {}): void {
  if (signal?.aborted) throw abortError(signal, context);
}

/** Options of {@link sleep}. */
export interface SleepOptions {
  clock?: Clock;
  signal?: AbortSignal;
}

/**
 * Waits `ms` on a clock, cancellably.
 * @param ms - Milliseconds to wait.
 * @param options - Clock (default the real one) and signal.
 * @returns A promise that resolves after `ms`.
 * @throws {ConnectorError} `cancelled` when the signal fires first.
 * @example
 * ```ts
 * await sleep(250, { signal });
 * ```
 */
export function sleep(ms: number, options: SleepOptions = {}): Promise<void> {
  const { clock = systemClock, signal } = options;
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const onAbort = (): void => {
      cancel();
      reject(abortError(signal!));
    };
    const cancel = clock.setTimer(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Options of {@link withDeadline}. */
export interface DeadlineOptions extends ErrorContext {
  /** Deadline in milliseconds; none when absent. */
  timeoutMs?: number;
  /** Caller's signal. */
  signal?: AbortSignal;
  clock?: Clock;
}

/**
 * Runs `fn` with a signal that fires on the caller's abort or on the deadline, whichever is first,
 * and rejects as soon as it fires even when `fn` ignores its signal.
 * @param fn - The work; receives the signal to pass on to the backend (`undefined` when the call
 *   has neither a deadline nor a caller signal).
 * @param options - Deadline, caller signal, clock, provider and operation.
 * @returns What `fn` resolves to.
 * @throws {ConnectorError} `timeout` after `timeoutMs`, `cancelled` when the caller aborts.
 * @example
 * ```ts
 * const vm = await withDeadline((signal) => api.getServer(id, { signal }), { timeoutMs: 5000 });
 * ```
 */
export function withDeadline<T>(fn: (signal: AbortSignal | undefined) => Promise<T>, options: DeadlineOptions = {}): Promise<T> {
  const { timeoutMs, signal, clock = systemClock, providerId, operation } = options;
  const context: ErrorContext = { providerId, operation };
  if (signal?.aborted) return Promise.reject(abortError(signal, context));
  const hasDeadline = timeoutMs !== undefined && Number.isFinite(timeoutMs);
  // Nothing can interrupt the call: skip the bookkeeping (this path is hot for in-process backends).
  if (!hasDeadline && !signal) return new Promise<T>((resolve) => resolve(fn(undefined)));
  const controller = hasDeadline ? new AbortController() : undefined;
  const inner = controller?.signal ?? signal!;
  return new Promise<T>((resolve, reject) => {
    let cancelTimer: (() => void) | undefined;
    const finish = (): void => {
      cancelTimer?.();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      const err = abortError(signal!, context);
      controller?.abort(err);
      finish();
      reject(err);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    if (hasDeadline) {
      cancelTimer = clock.setTimer(() => {
        const err = new ConnectorError('timeout', `no answer within ${timeoutMs} ms${operation ? ` during ${operation}` : ''}`, context);
        controller!.abort(err);
        finish();
        reject(err);
      }, timeoutMs);
    }
    let work: Promise<T>;
    try {
      work = fn(inner);
    } catch (err) {
      finish();
      reject(err);
      return;
    }
    work.then(
      (value) => {
        finish();
        resolve(value);
      },
      (err: unknown) => {
        finish();
        reject(inner.aborted ? abortError(inner, context) : err);
      },
    );
  });
}
