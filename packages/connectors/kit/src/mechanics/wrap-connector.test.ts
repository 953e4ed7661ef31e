import { describe, expect, it } from 'vitest';
import type { Connector } from '../connector';
import { ConnectorError } from '../errors/connector-error';
import { createMemoryConnector } from '../examples/memory-connector';
import type { ConnectorEvent } from './wrap-connector';
import { wrapConnector } from './wrap-connector';
import { createManualClock } from './manual-clock';

const spec = { kind: 'compute', idempotencyKey: 'wrap-key-0001', regionId: 'mem-1', offerId: 'mem-1.small', name: 'vm' } as const;

/** Fails the first `n` calls of each method with `error`, either before or after doing the work. */
function flaky(inner: Connector, opts: { n: number; error: () => Error; after?: boolean }): Connector & { calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const wrap = <A extends unknown[], R>(name: string, fn: (...a: A) => Promise<R>) => async (...a: A): Promise<R> => {
    calls[name] = (calls[name] ?? 0) + 1;
    if (calls[name]! <= opts.n && !opts.after) throw opts.error();
    const r = await fn(...a);
    if (calls[name]! <= opts.n && opts.after) throw opts.error();
    return r;
  };
  return {
    calls,
    providerId: inner.providerId,
    capabilities: inner.capabilities,
    regions: wrap('regions', inner.regions),
    offers: wrap('offers', inner.offers),
    create: wrap('create', inner.create),
    get: wrap('get', inner.get),
    list: wrap('list', inner.list),
    act: wrap('act', inner.act),
    delete: wrap('delete', inner.delete),
  };
}

describe('wrapConnector', () => {
  it('retries transient failures and reports each retry', async () => {
    const clock = createManualClock({ auto: true });
    const inner = flaky(createMemoryConnector(), { n: 2, error: () => new ConnectorError('transient', 'HTTP 503') });
    const events: ConnectorEvent[] = [];
    const c = wrapConnector(inner, { clock, onEvent: (e) => events.push(e) });
    const made = await c.create(spec);
    expect(inner.calls.create).toBe(3);
    expect(events.filter((e) => e.type === 'retry' && e.operation === 'create')).toHaveLength(2);
    expect((await c.list()).map((r) => r.id)).toEqual([made.id]);
  });

  it('a create whose answer was lost is retried into the same resource (idempotency key)', async () => {
    const clock = createManualClock({ auto: true });
    const inner = flaky(createMemoryConnector(), { n: 2, after: true, error: () => new ConnectorError('timeout', 'no answer') });
    const c = wrapConnector(inner, { clock });
    const made = await c.create(spec);
    expect(inner.calls.create).toBe(3);
    expect((await c.list()).map((r) => r.id)).toEqual([made.id]);
  });

  it('a delete whose answer was lost counts as done when the retry finds nothing', async () => {
    const clock = createManualClock({ auto: true });
    const memory = createMemoryConnector();
    const made = await memory.create(spec);
    const inner = flaky(memory, { n: 1, after: true, error: () => new ConnectorError('transient', 'connection reset') });
    await wrapConnector(inner, { clock }).delete(made.id);
    expect(inner.calls.delete).toBe(2);
    await expect(wrapConnector(memory, { clock }).delete(made.id)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('does not retry permanent errors and maps foreign errors to unknown, keeping the cause', async () => {
    const clock = createManualClock({ auto: true });
    const c = wrapConnector(createMemoryConnector(), { clock });
    await expect(c.get('nope')).rejects.toMatchObject({ kind: 'not_found' });
    const boom = new TypeError('socket hang up');
    const broken = { ...createMemoryConnector(), list: async () => Promise.reject(boom) } as Connector;
    const err = await wrapConnector(broken, { clock }).list().catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'unknown', message: 'socket hang up', cause: boom });
  });

  it('times out a hung attempt and retries it', async () => {
    const clock = createManualClock({ startMs: 0, auto: true });
    const memory = createMemoryConnector();
    let calls = 0;
    const hung: Connector = { ...memory, regions: (o) => (++calls === 1 ? new Promise(() => undefined) : memory.regions(o)) };
    const regions = await wrapConnector(hung, { clock, timeoutMs: 1_000, retry: { random: () => 0 } }).regions();
    expect(regions).toHaveLength(1);
    expect(calls).toBe(2);
    expect(clock.now()).toBe(1_000);
  });

  it('cancels a call, including its retries, when the caller aborts', async () => {
    const clock = createManualClock({ startMs: 0 });
    const inner = flaky(createMemoryConnector(), { n: 100, error: () => new ConnectorError('transient', 'down') });
    const controller = new AbortController();
    const p = wrapConnector(inner, { clock }).list({ signal: controller.signal });
    await clock.advance(0);
    controller.abort();
    await expect(p).rejects.toMatchObject({ kind: 'cancelled' });
    const before = inner.calls.list;
    await clock.advance(60_000);
    expect(inner.calls.list).toBe(before);
  });

  it('rate-limits calls to the provider', async () => {
    const clock = createManualClock({ startMs: 0 });
    const c = wrapConnector(createMemoryConnector(), { clock, rateLimit: { ratePerSecond: 2, burst: 1 } });
    let done = 0;
    const all = Promise.all(Array.from({ length: 5 }, () => c.regions().then(() => done++)));
    await clock.advance(0);
    expect(done).toBe(1);
    await clock.advance(1_000);
    expect(done).toBe(3);
    await clock.advance(1_000);
    await all;
    expect(done).toBe(5);
  });

  it('keeps optional methods only when the inner connector has them', () => {
    const c = wrapConnector(createMemoryConnector());
    expect(c.resize).toBeUndefined();
    expect(c.usage).toBeUndefined();
    expect(c.capabilities.resize).toBe(false);
  });
});
