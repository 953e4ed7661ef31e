import { createManualClock } from '@accords/connector-kit';
import { describe, expect, it } from 'vitest';
import { createSimConnector } from './sim-connector';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 1);

describe('usage meter', () => {
  it('meters running time per resource over a window, and totals the run', async () => {
    const clock = createManualClock({ startMs: T0 });
    const sim = createSimConnector({ providerId: 'boreal', clock, delays: { provisionMs: { compute: 60_000 } } });
    const a = await sim.create({ kind: 'compute', idempotencyKey: 'meter-a-1', regionId: 'boreal-se-lul', offerId: 'boreal-se-lul:std.4x', name: 'a' });
    const vol = await sim.create({ kind: 'storage', idempotencyKey: 'meter-v-1', regionId: 'boreal-se-lul', name: 'v', sizeGiB: 100 });
    await clock.advance(60_000 + HOUR);
    await sim.act(a.id, 'stop');
    await clock.advance(HOUR);
    await sim.act(a.id, 'start');
    await clock.advance(HOUR / 2);
    await sim.delete(a.id);
    await clock.advance(HOUR);

    const all = await sim.usage({ start: new Date(T0).toISOString(), end: new Date(T0 + 10 * HOUR).toISOString() });
    const ra = all.find((r) => r.resourceId === a.id)!;
    expect(ra.runningSeconds).toBe(5_400);
    expect(ra.cpuSeconds).toBeGreaterThan(0);
    expect(ra.cpuSeconds).toBeLessThanOrEqual(5_400 * 4);
    expect(ra.energyKWh).toBeGreaterThan(0);
    expect(ra.start).toBe(new Date(T0).toISOString());
    expect(ra.end).toBe(new Date(T0 + 60_000 + 2.5 * HOUR).toISOString());
    const rv = all.find((r) => r.resourceId === vol.id)!;
    expect(rv.runningSeconds).toBe((60_000 + 3.5 * HOUR) / 1000);

    const firstHour = await sim.usage({ start: new Date(T0).toISOString(), end: new Date(T0 + HOUR).toISOString(), resourceIds: [a.id] });
    expect(firstHour).toHaveLength(1);
    expect(firstHour[0]!.runningSeconds).toBe(3_540);

    const price = (await sim.offers()).offers.find((o) => o.id === 'boreal-se-lul:std.4x')!;
    const totals = sim.meter();
    expect(totals.resources).toBe(2);
    expect(totals.cost.currency).toBe('EUR');
    expect(totals.cost.amount).toBeCloseTo(1.5 * price.pricePerHour, 2);
    await expect(sim.usage({ start: 'yesterday', end: new Date(T0).toISOString() })).rejects.toMatchObject({ kind: 'invalid', location: { attribute: 'start' } });
    await sim.close();
  });
});
