import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors/connector-error';
import { sleep, throwIfAborted, withDeadline } from './abort';
import { createManualClock } from './manual-clock';

describe('withDeadline', () => {
  it('rejects with timeout when the work outlives its deadline, and aborts the work', async () => {
    const clock = createManualClock({ startMs: 0 });
    let inner: AbortSignal | undefined;
    const p = withDeadline((signal) => {
      inner = signal;
      return new Promise<never>(() => undefined);
    }, { timeoutMs: 500, clock, operation: 'get' });
    const outcome = p.catch((e: unknown) => e);
    await clock.advance(500);
    const err = (await outcome) as ConnectorError;
    expect(err.kind).toBe('timeout');
    expect(err.message).toContain('get');
    expect(inner?.aborted).toBe(true);
  });

  it('rejects with cancelled as soon as the caller aborts, even if the work ignores its signal', async () => {
    const controller = new AbortController();
    const p = withDeadline(() => new Promise<never>(() => undefined), { signal: controller.signal });
    controller.abort();
    await expect(p).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('passes the value through and clears its timer', async () => {
    const clock = createManualClock({ startMs: 0 });
    await expect(withDeadline(async () => 42, { timeoutMs: 100, clock })).resolves.toBe(42);
    expect(clock.pending()).toBe(0);
  });

  it('keeps the work\'s own error', async () => {
    const boom = new ConnectorError('quota', 'no more cores');
    await expect(withDeadline(async () => Promise.reject(boom), { timeoutMs: 100 })).rejects.toBe(boom);
  });

  it('refuses to start with an aborted signal', async () => {
    let ran = false;
    await expect(withDeadline(async () => (ran = true), { signal: AbortSignal.abort() })).rejects.toMatchObject({ kind: 'cancelled' });
    expect(ran).toBe(false);
  });
});

describe('sleep and throwIfAborted', () => {
  it('sleep is cancellable', async () => {
    const clock = createManualClock({ startMs: 0 });
    const controller = new AbortController();
    const p = sleep(10_000, { clock, signal: controller.signal });
    controller.abort();
    await expect(p).rejects.toMatchObject({ kind: 'cancelled' });
    expect(clock.pending()).toBe(0);
  });

  it('throwIfAborted maps a timeout reason to timeout', () => {
    expect(() => throwIfAborted(AbortSignal.abort(new DOMException('late', 'TimeoutError')))).toThrow(expect.objectContaining({ kind: 'timeout' }));
    expect(() => throwIfAborted(undefined)).not.toThrow();
  });
});
