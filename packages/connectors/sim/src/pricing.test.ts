import { createManualClock } from '@accords/connector-kit';
import type { SignalSeries } from '@accords/model';
import { demoCatalogue, demoSignals } from '@accords/model';
import { describe, expect, it } from 'vitest';
import { createSimConnector } from './sim-connector';

const HOUR = 3_600_000;

describe('prices follow the electricity-price signals', () => {
  it('spot prices move with the zone\'s electricity price, on-demand less so', async () => {
    const start = Date.UTC(2026, 5, 1);
    const clock = createManualClock({ startMs: start });
    const sim = createSimConnector({ providerId: 'nimbus', clock, offerRefreshMs: HOUR });
    const region = (await sim.regions()).find((r) => r.id === 'nimbus-eu-central')!;
    const series = demoSignals({ from: new Date(start), hours: 24, kinds: ['electricity-price'], regions: [region] })[0]!;
    const snapshots: Array<{ elec: number; spot: number; onDemand: number }> = [];
    for (let h = 0; h < 24; h++) {
      const { offers } = await sim.offers();
      const pick = (market: string) => offers.find((o) => o.regionId === region.id && o.instanceType === 'gp.4x' && o.market === market)!.pricePerHour;
      snapshots.push({ elec: series.points[h]!.value, spot: pick('spot'), onDemand: pick('on-demand') });
      await clock.advance(HOUR);
    }
    const byElec = [...snapshots].sort((a, b) => a.elec - b.elec);
    const cheap = byElec[0]!;
    const dear = byElec[byElec.length - 1]!;
    expect(dear.elec).toBeGreaterThan(cheap.elec);
    expect(dear.spot).toBeGreaterThan(cheap.spot);
    expect(dear.onDemand).toBeGreaterThanOrEqual(cheap.onDemand);
    const swing = (k: 'spot' | 'onDemand') => (dear[k] - cheap[k]) / cheap[k];
    expect(swing('spot')).toBeGreaterThan(swing('onDemand'));
    // Prices are monotone in the electricity price across the whole day.
    for (let i = 1; i < byElec.length; i++) expect(byElec[i]!.spot).toBeGreaterThanOrEqual(byElec[i - 1]!.spot);
    await sim.close();
  });

  it('uses given signal series, and list prices where a zone has none', async () => {
    const at = Date.UTC(2026, 0, 1);
    const point = (value: number, h: number) => ({ zone: 'DE', metric: 'electricity-price' as const, start: new Date(at + h * HOUR).toISOString(), duration: 3600, value, unit: 'EUR/MWh', kind: 'actual' as const, source: 'test', generatedAt: new Date(at).toISOString() });
    const signals: SignalSeries[] = [{ zone: 'DE', metric: 'electricity-price', unit: 'EUR/MWh', source: 'test', points: [point(50, 0), point(150, 1)] }];
    const clock = createManualClock({ startMs: at });
    const sim = createSimConnector({ providerId: 'nimbus', clock, signals, priceElasticity: { spot: 0.5, 'on-demand': 0 }, offerRefreshMs: HOUR });
    const base = demoCatalogue().offers;
    const price = async (id: string) => (await sim.offers()).offers.find((o) => o.id === id)!.pricePerHour;
    const spot = base.find((o) => o.regionId === 'nimbus-eu-central' && o.market === 'spot')!;
    const onDemand = base.find((o) => o.regionId === 'nimbus-eu-central' && o.market === 'on-demand')!;
    // mean 100: at 50 the factor is 1 − 0.5·0.5 = 0.75, at 150 it is 1.25.
    expect(await price(spot.id)).toBeCloseTo(spot.pricePerHour * 0.75, 3);
    expect(await price(onDemand.id)).toBe(onDemand.pricePerHour);
    await clock.advance(HOUR);
    expect(await price(spot.id)).toBeCloseTo(spot.pricePerHour * 1.25, 3);
    const dublin = base.find((o) => o.regionId === 'nimbus-eu-west' && o.market === 'spot')!;
    expect(await price(dublin.id)).toBe(dublin.pricePerHour);
  });
});
