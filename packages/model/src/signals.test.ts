import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { signalPointAt } from './signals';
import type { SignalSeries } from './types';

const series = (starts: number[], duration = 3600): SignalSeries => ({
  zone: 'FR',
  metric: 'carbon-intensity',
  unit: 'gCO2e/kWh',
  source: 'test',
  points: starts.map((s, i) => ({
    zone: 'FR', metric: 'carbon-intensity', start: new Date(s).toISOString(), duration, value: i, unit: 'gCO2e/kWh',
    kind: 'actual', source: 'test', generatedAt: new Date(0).toISOString(),
  })),
});

describe('signalPointAt', () => {
  it('finds the point covering an instant, and nothing in gaps or outside', () => {
    const s = series([0, 3_600_000, 10_800_000]);
    expect(signalPointAt(s, 0)?.value).toBe(0);
    expect(signalPointAt(s, '1970-01-01T01:59:59.999Z')?.value).toBe(1);
    expect(signalPointAt(s, 7_200_000)).toBeUndefined();
    expect(signalPointAt(s, new Date(10_800_000))?.value).toBe(2);
    expect(signalPointAt(s, -1)).toBeUndefined();
    expect(signalPointAt(s, 14_400_000)).toBeUndefined();
  });

  it('agrees with a linear scan', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { maxLength: 40 }), fc.integer({ min: -10, max: 520 }), (hours, probe) => {
        const starts = hours.sort((a, b) => a - b).map((h) => h * 3_600_000);
        const s = series(starts);
        const t = probe * 3_600_000 + 1800_000;
        const expected = s.points.find((p) => Date.parse(p.start) <= t && t < Date.parse(p.start) + 3_600_000);
        expect(signalPointAt(s, t)).toBe(expected);
      }),
    );
  });
});
