import { createManualClock, isConnectorError, STATES_BY_KIND, wrapConnector } from '@accords/connector-kit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimConnector } from './sim-connector';

type Step =
  | { op: 'create'; key: number; kind: 'compute' | 'storage' | 'network' }
  | { op: 'act'; key: number; action: 'start' | 'stop' | 'suspend' | 'resume' | 'restart' | 'online' | 'offline' | 'up' | 'down' }
  | { op: 'delete'; key: number }
  | { op: 'wait'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('create' as const), key: fc.integer({ min: 0, max: 7 }), kind: fc.constantFrom('compute' as const, 'storage' as const, 'network' as const) }),
  fc.record({ op: fc.constant('act' as const), key: fc.integer({ min: 0, max: 7 }), action: fc.constantFrom('start' as const, 'stop' as const, 'suspend' as const, 'resume' as const, 'restart' as const, 'online' as const, 'offline' as const, 'up' as const, 'down' as const) }),
  fc.record({ op: fc.constant('delete' as const), key: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 120_000 }) }),
);

describe('sim invariants under random operations, faults and retries (property)', () => {
  it('never holds two resources for one key, reports only valid states, and counts every creation once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 1_000 }), async (steps, seed) => {
        const clock = createManualClock({ auto: true });
        const sim = createSimConnector({
          providerId: 'meridian', clock, seed,
          delays: { provisionMs: { compute: 20_000, storage: 5_000 }, actionMs: 10_000, deleteMs: 3_000 },
          faults: { errorRate: 0.1, lostReplyRate: 0.1, throttleRate: 0.05, retryAfterMs: 100 },
        });
        const c = wrapConnector(sim, { clock, retry: { maxAttempts: 20, baseDelayMs: 10 } });
        const region = (await c.regions())[0]!.id;
        const offer = (await c.offers()).offers.find((o) => o.regionId === region)!.id;
        const ids = new Map<number, string>();
        const createdKeys = new Set<number>();
        for (const s of steps) {
          try {
            if (s.op === 'wait') await clock.advance(s.ms);
            else if (s.op === 'create') {
              const base = { idempotencyKey: `prop-key-${s.key}`, regionId: region, name: `r${s.key}` };
              const spec = s.kind === 'compute' ? { ...base, kind: s.kind, offerId: offer } : s.kind === 'storage' ? { ...base, kind: s.kind, sizeGiB: 5 } : { ...base, kind: s.kind };
              ids.set(s.key, (await c.create(spec)).id);
              createdKeys.add(s.key);
            } else if (ids.has(s.key)) {
              if (s.op === 'act') await c.act(ids.get(s.key)!, s.action);
              else await c.delete(ids.get(s.key)!);
            }
          } catch (err) {
            // Only the domain's refusals may surface: retries absorb every injected fault.
            expect(isConnectorError(err) && ['conflict', 'invalid', 'not_found'].includes(err.kind), String(err)).toBe(true);
          }
        }
        sim.setFaults({});
        const listed = await sim.list();
        const keys = listed.map((r) => r.idempotencyKey);
        expect(new Set(keys).size).toBe(keys.length);
        for (const r of listed) expect(STATES_BY_KIND[r.kind] as readonly string[]).toContain(r.state);
        expect(sim.stats().created).toBe(createdKeys.size);
        await sim.close();
      }),
      { numRuns: 60 },
    );
  });
});
