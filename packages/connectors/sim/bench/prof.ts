import { createManualClock } from '@accords/connector-kit';
import { createSimConnector } from '@accords/connector-sim';
const sim = createSimConnector({ providerId: 'nimbus', clock: createManualClock(), catalogue: undefined });
await sim.offers();
const regions = (await sim.regions()).map((r) => r.id);
for (let round = 0; round < 3; round++) {
  const t = performance.now();
  await Promise.all(Array.from({ length: 1000 }, (_, i) => { const regionId = regions[i % regions.length]!; return sim.create({ kind: 'compute', idempotencyKey: `prof-key-${round}-${i}`, regionId, offerId: `${regionId}:arm.2x`, name: 'n' }); }));
  console.log('create 1000', performance.now() - t);
  const t2 = performance.now();
  for (let i = 0; i < 1000; i++) await sim.get((await sim.list())[0]!.id);
  console.log('1000 list+get', performance.now() - t2);
}
