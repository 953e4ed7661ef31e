import type { Region, SignalMetric, SignalPoint, SignalSeries } from '../types';
import { SIGNAL_METRICS } from '../schema/signals';
import { COUNTRY_CARBON } from './country-carbon';
import { DEFAULT_PROFILE, ZONE_PROFILES } from './zone-profiles';
import { DEMO_REGIONS } from './sites';

/** Options of {@link demoSignals}. */
export interface DemoSignalsOptions {
  /** First hour (floored to the hour, UTC). */
  from: Date | string;
  /** Number of hourly points per series. */
  hours: number;
  /** Metrics to generate (default all three). */
  kinds?: readonly SignalMetric[];
  /** Regions whose zones get series (default the demo regions). */
  regions?: readonly Region[];
  /** Points starting before this instant are `actual`, later ones `forecast` (default `from`: all forecast). */
  generatedAt?: Date | string;
}

/** The label of every profile-generated series: shaped from yearly figures, not measured. */
export const PROFILE_SOURCE = 'accords-profile';

const HOUR_MS = 3_600_000;
const TWO_PI = 2 * Math.PI;
const DAY_MEAN_OF_SUN = 1 / Math.PI; // mean of max(0, cos x) over a period

interface Zone {
  zone: string;
  country: string;
  lat: number;
  offsetHours: number;
  phase1: number;
  phase2: number;
}

function utcOffsetHours(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) + Number(m[3]) / 60) : 0;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967296;
}

function zonesOf(regions: readonly Region[], from: Date): Zone[] {
  const zones = new Map<string, Zone>();
  for (const r of regions) {
    if (zones.has(r.zone)) continue;
    zones.set(r.zone, {
      zone: r.zone,
      country: r.country,
      lat: r.coordinates.lat,
      offsetHours: utcOffsetHours(r.timeZone, from),
      phase1: hash(`${r.zone}/1`) * TWO_PI,
      phase2: hash(`${r.zone}/2`) * TWO_PI,
    });
  }
  return [...zones.values()];
}

/**
 * The relative deviation of the grid from its yearly mean at each hour: positive when the grid is
 * dirtier and dearer (winter, demand peaks, calm weather), negative at sunny middays; about 0 on
 * average over a year. Carbon is `mean × (1 + deviation)`, price swings 2.5 times as much.
 */
function deviations(z: Zone, firstHour: number, hours: number): Float64Array {
  const p = ZONE_PROFILES[z.country] ?? DEFAULT_PROFILE;
  const hemisphere = z.lat >= 0 ? 1 : -1;
  const latFactor = Math.min(1, Math.abs(z.lat) / 60);
  const out = new Float64Array(hours);
  for (let i = 0; i < hours; i++) {
    const epochHour = firstHour + i;
    const localHour = (((epochHour + z.offsetHours) % 24) + 24) % 24;
    // 1970-01-01 was day 0 of its year; the drift of this approximation is under a day per century.
    const dayOfYear = (epochHour / 24) % 365.2425;
    const winter = hemisphere * Math.cos((TWO_PI * (dayOfYear - 15)) / 365.2425);
    const demand =
      0.65 * Math.cos((TWO_PI * (localHour - 19)) / 24) + 0.35 * Math.cos((2 * TWO_PI * (localHour - 8.5)) / 24);
    const sun = (Math.max(0, Math.cos((TWO_PI * (localHour - 13)) / 24)) - DAY_MEAN_OF_SUN) * (1 - 0.6 * winter * latFactor);
    const weather =
      0.6 * Math.sin((TWO_PI * epochHour) / 79 + z.phase1) + 0.4 * Math.sin((TWO_PI * epochHour) / 209 + z.phase2);
    out[i] = p.season * winter + p.demand * demand - p.solar * sun + p.weather * weather;
  }
  return out;
}

const METRIC_UNIT: Record<SignalMetric, string> = {
  'carbon-intensity': 'gCO2e/kWh',
  'carbon-intensity-marginal': 'gCO2e/kWh',
  'electricity-price': 'EUR/MWh',
};

/** Mean, swing amplitude, floor (as a share of the mean) and rounding of each metric in a zone. */
function metricScale(country: string, metric: SignalMetric): { mean: number; amplitude: number; floor: number; round: number } {
  const carbon = COUNTRY_CARBON[country];
  if (metric === 'electricity-price')
    return { mean: (ZONE_PROFILES[country] ?? DEFAULT_PROFILE).priceEURPerMWh, amplitude: 2.5, floor: -0.15, round: 100 };
  if (metric === 'carbon-intensity') return { mean: carbon?.average ?? 475, amplitude: 1, floor: 0.1, round: 10 };
  return { mean: carbon?.marginal ?? 600, amplitude: 0.5, floor: 0.1, round: 10 };
}

/** One metric of one zone as a column of hourly values. */
export interface SignalColumn {
  zone: string;
  metric: SignalMetric;
  unit: string;
  source: string;
  /** Start of the first value, epoch milliseconds. */
  startMs: number;
  /** Seconds per value (3600). */
  step: number;
  values: Float64Array;
}

/**
 * The same profile signals as {@link demoSignals}, as columns of numbers — the fast form for
 * year-long simulations (no point objects are built).
 * @param options - from, hours, metrics, regions.
 * @returns one column per zone and metric.
 * @throws RangeError for a bad `from` or `hours`.
 * @example
 * ```ts
 * const cols = demoSignalColumns({ from: '2026-01-01T00:00:00Z', hours: 8760 });
 * cols[0].values[12]; // the first zone's value at 12:00 UTC on 1 January
 * ```
 */
export function demoSignalColumns(options: DemoSignalsOptions): SignalColumn[] {
  const fromMs = Math.floor(new Date(options.from).getTime() / HOUR_MS) * HOUR_MS;
  if (!Number.isFinite(fromMs)) throw new RangeError(`Invalid "from": ${String(options.from)}.`);
  if (!Number.isInteger(options.hours) || options.hours < 0) throw new RangeError('"hours" must be a whole number ≥ 0.');
  const columns: SignalColumn[] = [];
  for (const z of zonesOf(options.regions ?? DEMO_REGIONS, new Date(fromMs))) {
    const dev = deviations(z, fromMs / HOUR_MS, options.hours);
    for (const metric of options.kinds ?? SIGNAL_METRICS) {
      const { mean, amplitude, floor, round } = metricScale(z.country, metric);
      const values = new Float64Array(options.hours);
      for (let i = 0; i < values.length; i++)
        values[i] = Math.round(Math.max(floor, 1 + amplitude * dev[i]!) * mean * round) / round;
      columns.push({ zone: z.zone, metric, unit: METRIC_UNIT[metric], source: PROFILE_SOURCE, startMs: fromMs, step: 3600, values });
    }
  }
  return columns;
}

/**
 * Hourly carbon-intensity and electricity-price series for every zone of the demo catalogue,
 * generated deterministically: each zone's yearly mean is its country's published figure
 * (see `COUNTRY_CARBON`), shaped by an hourly profile of solar, demand, season and weather.
 * Every series is labelled `source: 'accords-profile'` — a profile, not a measurement.
 * @param options - from, hours, metrics, regions, generatedAt.
 * @returns one series per zone and metric, points in time order.
 * @throws RangeError for a bad `from` or `generatedAt`, or a negative or fractional `hours`.
 * @example
 * ```ts
 * const year = demoSignals({ from: '2026-01-01T00:00:00Z', hours: 8760, kinds: ['carbon-intensity'] });
 * year[0].points.length; // 8760
 * ```
 */
export function demoSignals(options: DemoSignalsOptions): SignalSeries[] {
  const columns = demoSignalColumns(options);
  const fromMs = columns[0]?.startMs ?? 0;
  const generatedAtMs = options.generatedAt === undefined ? fromMs : new Date(options.generatedAt).getTime();
  if (!Number.isFinite(generatedAtMs)) throw new RangeError(`Invalid "generatedAt": ${String(options.generatedAt)}.`);
  const generatedAt = new Date(generatedAtMs).toISOString();
  const starts = Array.from({ length: options.hours }, (_, i) => new Date(fromMs + i * HOUR_MS).toISOString());
  return columns.map(({ zone, metric, unit, source, values }) => {
    const points: SignalPoint[] = new Array(values.length);
    for (let i = 0; i < values.length; i++)
      points[i] = {
        zone,
        metric,
        start: starts[i]!,
        duration: 3600,
        value: values[i]!,
        unit,
        kind: fromMs + i * HOUR_MS < generatedAtMs ? 'actual' : 'forecast',
        source,
        generatedAt,
      };
    return { zone, metric, unit, source, points };
  });
}
