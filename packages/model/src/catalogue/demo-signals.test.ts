import { describe, expect, it } from 'vitest';
import { demoSignalColumns, demoSignals, PROFILE_SOURCE } from './demo-signals';
import { COUNTRY_CARBON } from './country-carbon';
import { DEMO_REGIONS } from './sites';
import { validate } from '../validate/validate';

const YEAR = { from: '2026-01-01T00:00:00Z', hours: 8760 };
const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;

describe('demoSignals', () => {
  it('gives one valid, labelled, hourly series per zone and metric', () => {
    const series = demoSignals({ from: '2026-03-01T10:30:00Z', hours: 48 });
    const zones = new Set(DEMO_REGIONS.map((r) => r.zone));
    expect(series).toHaveLength(zones.size * 3);
    for (const s of series) {
      expect(validate('SignalSeries', s).ok).toBe(true);
      expect(s.source).toBe(PROFILE_SOURCE);
      expect(s.points).toHaveLength(48);
      expect(s.points[0]!.start).toBe('2026-03-01T10:00:00.000Z');
      expect(Date.parse(s.points[1]!.start) - Date.parse(s.points[0]!.start)).toBe(3_600_000);
    }
  });

  it('keeps each zone’s yearly mean at its country’s published figure', () => {
    const columns = demoSignalColumns({ ...YEAR, kinds: ['carbon-intensity', 'carbon-intensity-marginal'] });
    for (const c of columns) {
      const region = DEMO_REGIONS.find((r) => r.zone === c.zone)!;
      const figure = COUNTRY_CARBON[region.country]!;
      const target = c.metric === 'carbon-intensity' ? figure.average : figure.marginal;
      expect(Math.abs(mean(c.values) - target)).toBeLessThanOrEqual(Math.max(1, target * 0.03));
    }
  });

  it('shapes the day: solar-heavy grids are cleaner at local noon than in the evening peak', () => {
    const [madrid] = demoSignalColumns({ from: '2026-06-01T00:00:00Z', hours: 24 * 30, kinds: ['carbon-intensity'], regions: DEMO_REGIONS.filter((r) => r.zone === 'ES') });
    const atUtcHour = (h: number) => mean(Array.from({ length: 30 }, (_, d) => madrid!.values[d * 24 + h]!));
    expect(atUtcHour(11)).toBeLessThan(atUtcHour(19) * 0.85); // 13:00 vs 21:00 in Madrid (UTC+2)
  });

  it('shapes the year: northern winters are dirtier than summers, southern ones the other way', () => {
    const cols = demoSignalColumns({ ...YEAR, kinds: ['carbon-intensity'] });
    const season = (zone: string) => {
      const v = cols.find((c) => c.zone === zone)!.values;
      return { jan: mean(v.slice(0, 24 * 31)), jul: mean(v.slice(24 * 181, 24 * 212)) };
    };
    expect(season('FR').jan).toBeGreaterThan(season('FR').jul);
    expect(season('AU-NSW').jul).toBeGreaterThan(season('AU-NSW').jan);
  });

  it('is deterministic, marks points before generatedAt as actual, and filters metrics', () => {
    const a = demoSignals({ from: '2026-01-01T00:00:00Z', hours: 24, kinds: ['electricity-price'], generatedAt: '2026-01-01T06:00:00Z' });
    const b = demoSignals({ from: '2026-01-01T00:00:00Z', hours: 24, kinds: ['electricity-price'], generatedAt: '2026-01-01T06:00:00Z' });
    expect(a).toEqual(b);
    expect(new Set(a.map((s) => s.metric))).toEqual(new Set(['electricity-price']));
    expect(a[0]!.points.filter((p) => p.kind === 'actual')).toHaveLength(6);
    expect(a[0]!.unit).toBe('EUR/MWh');
  });

  it('refuses a bad start or length', () => {
    expect(() => demoSignals({ from: 'soon', hours: 1 })).toThrow(RangeError);
    expect(() => demoSignals({ from: YEAR.from, hours: 1.5 })).toThrow(RangeError);
    expect(() => demoSignals({ from: YEAR.from, hours: 1, generatedAt: 'later' })).toThrow(RangeError);
  });
});
