import { createManualClock } from '@accords/connector-kit';
import { describe, expect, it } from 'vitest';
import { createSimConnector } from './sim-connector';

describe('a 1,000-node deployment', () => {
  it('creates, lists, stops and deletes 1,000 resources across regions', async () => {
    const sim = createSimConnector({ providerId: 'nimbus', clock: createManualClock() });
    const regions = await sim.regions();
    const made = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => {
        const regionId = regions[i % regions.length]!.id;
        return sim.create({ kind: 'compute', idempotencyKey: `scale-${i}-key`, regionId, offerId: `${regionId}:gp.2x`, name: `node-${i}` });
      }),
    );
    expect(new Set(made.map((r) => r.id)).size).toBe(1000);
    expect(await sim.list()).toHaveLength(1000);
    await Promise.all(made.map((r) => sim.act(r.id, 'stop')));
    expect((await sim.list()).every((r) => r.state === 'inactive')).toBe(true);
    await Promise.all(made.map((r) => sim.delete(r.id)));
    expect(await sim.list()).toHaveLength(0);
    expect(sim.stats()).toMatchObject({ created: 1000, deleted: 1000 });
    await sim.close();
  });
});
