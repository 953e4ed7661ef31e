import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isoDurationMs } from './iso-duration';

describe('isoDurationMs', () => {
  it('reads the durations guarantees use', () => {
    expect(isoDurationMs('PT1S')).toBe(1000);
    expect(isoDurationMs('PT1H')).toBe(3_600_000);
    expect(isoDurationMs('P30D')).toBe(30 * 86_400_000);
    expect(isoDurationMs('P1W')).toBe(7 * 86_400_000);
    expect(isoDurationMs('P1DT12H30M')).toBe(86_400_000 + 12 * 3_600_000 + 30 * 60_000);
  });

  it('refuses what is not a duration', () => {
    for (const bad of ['', 'P', 'PT', '1H', 'P1H', 'PT-1S', 'P1DT']) expect(isoDurationMs(bad)).toBeUndefined();
  });

  it('adds up its parts', () => {
    fc.assert(fc.property(fc.nat(400), fc.nat(23), fc.nat(59), fc.nat(59), (d, h, m, s) => {
      expect(isoDurationMs(`P${d}DT${h}H${m}M${s}S`)).toBe((((d * 24 + h) * 60 + m) * 60 + s) * 1000);
    }));
  });
});
