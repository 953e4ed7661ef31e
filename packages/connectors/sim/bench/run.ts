import { createManualClock, wrapConnector } from '@accords/connector-kit';
import type { ComputeSpec, Connector } from '@accords/connector-kit';
import { createSimConnector } from '@accords/connector-sim';
import { demoCatalogue } from '@accords/model';
import { measure } from '@accords/connector-kit/bench';

const N = 1_000;
let run = 0;
const specs = (regions: string[]): ComputeSpec[] => {
  run += 1;
  return Array.from({ length: N }, (_, i) => {
    const regionId = regions[i % regions.length]!;
    return { kind: 'compute', idempotencyKey: `bench-${run}-${i}`, regionId, offerId: `${regionId}:gp.2x`, name: `node-${i}` };
  });
};
const sim0 = createSimConnector({ providerId: 'nimbus', clock: createManualClock() });
const regions = (await sim0.regions()).map((r) => r.id);
await sim0.close();

// Baseline: the least any in-memory backend must do per node — validate nothing, store in a Map.
await measure('baseline: 1,000 Map inserts of a resource record', {
  n: N,
  run: () => {
    const m = new Map<string, unknown>();
    for (const s of specs(regions)) m.set(s.idempotencyKey, { ...s, id: s.idempotencyKey, state: 'active', createdAt: new Date().toISOString() });
  },
});

const deploy = async (connector: Connector): Promise<void> => {
  const made = await Promise.all(specs(regions).map((s) => connector.create(s)));
  await connector.list();
  await Promise.all(made.map((r) => connector.act(r.id, 'stop')));
  await Promise.all(made.map((r) => connector.delete(r.id)));
};

await measure('sim: construction (demo catalogue, priced offers)', {
  n: 1,
  run: async () => {
    const sim = createSimConnector({ providerId: 'nimbus', clock: createManualClock() });
    await sim.offers();
    await sim.close();
  },
});

const fresh = Array.from({ length: 6 }, () => createSimConnector({ providerId: 'nimbus', clock: createManualClock() }));
await Promise.all(fresh.map((s) => s.offers()));
await measure('sim: 1,000-node create', {
  n: N,
  baseline: 'baseline: 1,000 Map inserts of a resource record',
  run: async () => {
    const sim = fresh.pop()!;
    await Promise.all(specs(regions).map((s) => sim.create(s)));
    await sim.close();
  },
});

await measure('sim: 1,000-node create + list + stop + delete', {
  n: N,
  baseline: 'baseline: 1,000 Map inserts of a resource record',
  run: async () => {
    const sim = createSimConnector({ providerId: 'nimbus', clock: createManualClock() });
    await deploy(sim);
    await sim.close();
  },
});

await measure('sim behind wrapConnector (timeouts, retries): 1,000-node lifecycle', {
  n: N,
  baseline: 'sim: 1,000-node create + list + stop + delete',
  run: async () => {
    const clock = createManualClock({ auto: true });
    const sim = createSimConnector({ providerId: 'nimbus', clock });
    await deploy(wrapConnector(sim, { clock, timeoutMs: 30_000 }));
    await sim.close();
  },
});

await measure('sim with 20% faults + 10% throttling behind wrapConnector: 1,000-node lifecycle', {
  n: N,
  baseline: 'sim: 1,000-node create + list + stop + delete',
  run: async () => {
    const clock = createManualClock({ auto: true });
    const sim = createSimConnector({ providerId: 'nimbus', clock, faults: { errorRate: 0.1, lostReplyRate: 0.1, throttleRate: 0.1, retryAfterMs: 100 } });
    await deploy(wrapConnector(sim, { clock, retry: { maxAttempts: 15, baseDelayMs: 20 } }));
    if (sim.stats().created !== N) throw new Error('duplicate or missing resources');
    await sim.close();
  },
});

const roomy = demoCatalogue();
for (const o of roomy.offers) o.capacity = 1_000_000;
const big = createSimConnector({ providerId: 'nimbus', clock: createManualClock(), catalogue: roomy });
await Promise.all(Array.from({ length: 10 }, () => specs(regions)).flat().map((s) => big.create(s)));
await measure('sim: list of 10,000 resources', { n: 1, run: async () => void (await big.list()) });
await big.close();
