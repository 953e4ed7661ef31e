import { describe, expect, it } from 'vitest';
import { SignalStore } from './signal-store';

const H = 3_600_000;

describe('SignalStore', () => {
  it('averages sub-hourly points into their hour and spreads longer ones', () => {
    const s = new SignalStore([{ zone: 'Z', metric: 'carbon-location-based', points: [
      { start: 0, durationHours: 0.25, value: 100 }, { start: 0.25 * H, durationHours: 0.75, value: 200 },
      { start: H, durationHours: 2, value: 50 },
    ] }]);
    expect(s.at('Z', 'carbon-location-based', 0)).toBeCloseTo(175);
    expect(s.at('Z', 'carbon-location-based', 1)).toBe(50);
    expect(s.at('Z', 'carbon-location-based', 2)).toBe(50);
    expect(s.at('Z', 'carbon-location-based', 3)).toBeNaN();
  });

  it('prefers actual values over forecasts of the same hour and fills gaps in windows', () => {
    const s = new SignalStore([{ zone: 'Z', metric: 'carbon-marginal', points: [
      { start: 0, value: 300, kind: 'forecast' }, { start: 0, value: 280, kind: 'actual' }, { start: 2 * H, value: 400, kind: 'forecast' },
    ] }]);
    expect(s.at('Z', 'carbon-marginal', 0)).toBe(280);
    expect(s.mean('Z', 'carbon-marginal', { fromHour: 0, hours: 3 })).toBe(340);
    expect(Array.from(s.window('Z', 'carbon-marginal', { fromHour: 0, hours: 3, fallback: 1 }))).toEqual([280, 340, 400]);
    expect(s.mean('Y', 'carbon-marginal', { fromHour: 0, hours: 3 })).toBeNaN();
  });
});
