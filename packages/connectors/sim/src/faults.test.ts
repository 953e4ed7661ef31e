import { createManualClock, wrapConnector } from '@accords/connector-kit';
import type { ConnectorEvent, ResourceSpec } from '@accords/connector-kit';
import { describe, expect, it } from 'vitest';
import { createSimConnector } from './sim-connector';

const N = 200;

async function deployUnderFaults(seed: number) {
  const clock = createManualClock({ auto: true });
  const sim = createSimConnector({
    providerId: 'aurora',
    clock,
    seed,
    // 20% transient errors (half before the backend acts, half with the answer lost after it
    // acted) plus 10% throttling.
    faults: { errorRate: 0.1, lostReplyRate: 0.1, throttleRate: 0.1, retryAfterMs: 500 },
  });
  const events: ConnectorEvent[] = [];
  const connector = wrapConnector(sim, { clock, retry: { maxAttempts: 12, baseDelayMs: 50, random: () => 0.5 }, onEvent: (e) => events.push(e) });
  const { offers } = await connector.offers();
  const offer = offers.find((o) => o.regionId === 'aurora-fr-par' && o.market === 'on-demand' && o.gpus === 0)!;
  const specs: ResourceSpec[] = Array.from({ length: N }, (_, i) => ({
    kind: 'compute', idempotencyKey: `deploy-${seed}-${i}`, regionId: offer.regionId, offerId: offer.id, name: `node-${i}`,
  }));
  const made = await Promise.all(specs.map((s) => connector.create(s)));
  return { sim, connector, made, specs, events, clock };
}

describe('sim under faults: retries with idempotency keys complete every operation exactly once', () => {
  it('creates every resource once despite 20% transient errors and throttling', async () => {
    const { sim, connector, made, specs, events } = await deployUnderFaults(7);
    const stats = sim.stats();
    // Faults really happened, including answers lost after the backend had acted…
    expect(stats.faults.transient).toBeGreaterThan(10);
    expect(stats.faults.lostReply).toBeGreaterThan(10);
    expect(stats.faults.throttled).toBeGreaterThan(10);
    expect(events.filter((e) => e.type === 'retry').length).toBeGreaterThan(30);
    // …those lost answers were retried and answered from the idempotency key…
    expect(stats.replays).toBeGreaterThanOrEqual(stats.faults.lostReply - events.filter((e) => e.type === 'failure').length);
    expect(stats.replays).toBeGreaterThan(0);
    // …and the backend created exactly one resource per key.
    expect(stats.created).toBe(N);
    expect(new Set(made.map((r) => r.id)).size).toBe(N);
    expect(made.map((r) => r.idempotencyKey)).toEqual(specs.map((s) => s.idempotencyKey));
    const listed = await connector.list();
    expect(listed).toHaveLength(N);
    expect(new Set(listed.map((r) => r.idempotencyKey)).size).toBe(N);
  });

  it('stops and deletes every resource exactly once under the same faults', async () => {
    const { sim, connector, made } = await deployUnderFaults(11);
    const stopped = await Promise.all(made.map((r) => connector.act(r.id, 'stop')));
    expect(stopped.every((r) => r.state === 'inactive')).toBe(true);
    await Promise.all(made.map((r) => connector.delete(r.id)));
    expect(await connector.list()).toEqual([]);
    const stats = sim.stats();
    expect(stats.deleted).toBe(N);
    expect(stats.created).toBe(N);
    expect(stats.faults.lostReply).toBeGreaterThan(10);
  });

  it('without retries the same faults surface as typed, retryable errors', async () => {
    const clock = createManualClock({ auto: true });
    const sim = createSimConnector({ providerId: 'aurora', clock, faults: { errorRate: 0.1, lostReplyRate: 0.1, throttleRate: 0.1 } });
    const outcomes = await Promise.allSettled(Array.from({ length: 100 }, () => sim.regions()));
    const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => o.reason as { kind: string; retryable: boolean });
    expect(failures.length).toBeGreaterThan(10);
    expect(failures.every((f) => f.retryable && (f.kind === 'transient' || f.kind === 'throttled'))).toBe(true);
  });

  it('hung calls time out at the caller\'s deadline and are retried', async () => {
    const clock = createManualClock({ startMs: 0, auto: true });
    const sim = createSimConnector({ providerId: 'aurora', clock, seed: 3, faults: { timeoutRate: 0.3, hangMs: 3_600_000 } });
    const connector = wrapConnector(sim, { clock, timeoutMs: 2_000, retry: { maxAttempts: 20, baseDelayMs: 10 } });
    const results = await Promise.all(Array.from({ length: 50 }, () => connector.regions()));
    expect(results.every((r) => r.length > 0)).toBe(true);
    expect(sim.stats().faults.timeout).toBeGreaterThan(5);
    expect(clock.now()).toBeLessThan(3_600_000);
  });
});
