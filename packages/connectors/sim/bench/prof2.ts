import { createManualClock } from '@accords/connector-kit';
import { createSimConnector } from '@accords/connector-sim';
const sim = createSimConnector({ providerId: 'nimbus', clock: createManualClock() });
const regions = (await sim.regions()).map((r) => r.id);
await Promise.all(Array.from({ length: 3000 }, (_, i) => { const regionId = regions[i % regions.length]!; return sim.create({ kind: 'compute', idempotencyKey: `prof-key-${i}`, regionId, offerId: `${regionId}:arm.2x`, name: 'n' }); }));
const t = performance.now();
for (let i = 0; i < 200; i++) await sim.list();
console.log('200 lists of 3000', performance.now() - t);
