import { demoSignalColumns, type SignalSeries } from '@accords/model';
import { prng } from '../../src/prng';

const HOUR = 3_600_000;

/** A year of profile signals as columns: actual values and a forecast with a seeded error. */
export interface YearSignals {
  fromMs: number;
  hours: number;
  zones: string[];
  /** zone -> hourly values. */
  location: Map<string, Float64Array>;
  marginal: Map<string, Float64Array>;
  forecastLocation: Map<string, Float64Array>;
  forecastMarginal: Map<string, Float64Array>;
}

/**
 * The demo profile for `hours` hours. The forecast is the profile times (1 + e), e uniform in
 * [-error, +error] and drawn per zone and hour from a fixed seed: a stand-in for a real
 * forecast's error, not a model of one.
 */
export function yearSignals(a: { from: string; hours: number; error: number; seed: number }): YearSignals {
  const cols = demoSignalColumns({ from: a.from, hours: a.hours, kinds: ['carbon-intensity', 'carbon-intensity-marginal'] });
  const rnd = prng(a.seed);
  const out: YearSignals = {
    fromMs: cols[0]!.startMs, hours: a.hours, zones: [], location: new Map(), marginal: new Map(), forecastLocation: new Map(), forecastMarginal: new Map(),
  };
  for (const c of cols) {
    const noisy = Float64Array.from(c.values, (v) => Math.max(1, v * (1 + a.error * (2 * rnd() - 1))));
    if (c.metric === 'carbon-intensity') {
      out.zones.push(c.zone);
      out.location.set(c.zone, c.values);
      out.forecastLocation.set(c.zone, noisy);
    } else {
      out.marginal.set(c.zone, c.values);
      out.forecastMarginal.set(c.zone, noisy);
    }
  }
  return out;
}

/** Forecast series (model form) over `[hour, hour + hours)`, what the scheduler is given. */
export function forecastSeries(y: YearSignals, a: { hour: number; hours: number }): SignalSeries[] {
  const out: SignalSeries[] = [];
  const generatedAt = new Date(y.fromMs + a.hour * HOUR).toISOString();
  for (const zone of y.zones) {
    for (const [metric, values] of [['carbon-intensity', y.forecastLocation.get(zone)!], ['carbon-intensity-marginal', y.forecastMarginal.get(zone)!]] as const) {
      const points = [];
      for (let h = a.hour; h < Math.min(y.hours, a.hour + a.hours); h++) {
        points.push({ zone, metric, start: new Date(y.fromMs + h * HOUR).toISOString(), duration: 3600, value: values[h]!, unit: 'gCO2e/kWh', kind: 'forecast' as const, source: 'simulation-forecast', generatedAt });
      }
      out.push({ zone, metric, unit: 'gCO2e/kWh', source: 'simulation-forecast', points });
    }
  }
  return out;
}
