import type { SignalMetric, SignalSeriesInput } from '../types';
import { hourOf, toMs } from '../time/hours';

interface HourlySeries {
  firstHour: number;
  values: Float64Array;
  /** 1 where `values` holds an actual measurement, 0 for forecast, NaN gaps have 0. */
  actual: Uint8Array;
}

const key = (zone: string, metric: SignalMetric): string => `${metric}\u0000${zone}`;

/**
 * Hourly signal values per (zone, metric), built once from the input series. An actual value
 * wins over a forecast for the same hour; hours without any value are NaN.
 */
export class SignalStore {
  private readonly series = new Map<string, HourlySeries>();

  constructor(input: readonly SignalSeriesInput[]) {
    const grouped = new Map<string, SignalSeriesInput[]>();
    for (const s of input) {
      const k = key(s.zone, s.metric);
      const list = grouped.get(k);
      if (list) list.push(s);
      else grouped.set(k, [s]);
    }
    for (const [k, list] of grouped) this.series.set(k, build(list));
  }

  /** True when any value exists for the zone and metric. */
  has(zone: string, metric: SignalMetric): boolean {
    return this.series.has(key(zone, metric));
  }

  /** Value at an hour index, or NaN. */
  at(zone: string, metric: SignalMetric, hour: number): number {
    const s = this.series.get(key(zone, metric));
    if (!s) return NaN;
    const i = hour - s.firstHour;
    return i >= 0 && i < s.values.length ? (s.values[i] as number) : NaN;
  }

  /** Mean over `[fromHour, fromHour + hours)` ignoring gaps; NaN when there is no value at all. */
  mean(zone: string, metric: SignalMetric, window: { fromHour: number; hours: number }): number {
    const s = this.series.get(key(zone, metric));
    if (!s) return NaN;
    let sum = 0;
    let n = 0;
    const lo = Math.max(0, window.fromHour - s.firstHour);
    const hi = Math.min(s.values.length, window.fromHour + window.hours - s.firstHour);
    for (let i = lo; i < hi; i++) {
      const v = s.values[i] as number;
      if (!Number.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n > 0 ? sum / n : NaN;
  }

  /**
   * Values over `[fromHour, fromHour + hours)`, gaps filled with the window's mean (or
   * `fallback` when the window has no value at all).
   */
  window(zone: string, metric: SignalMetric, w: { fromHour: number; hours: number; fallback: number }): Float64Array {
    const out = new Float64Array(w.hours);
    const m = this.mean(zone, metric, w);
    const fill = Number.isNaN(m) ? w.fallback : m;
    for (let i = 0; i < w.hours; i++) {
      const v = this.at(zone, metric, w.fromHour + i);
      out[i] = Number.isNaN(v) ? fill : v;
    }
    return out;
  }
}

function build(list: readonly SignalSeriesInput[]): HourlySeries {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of list) {
    for (const p of s.points) {
      const start = toMs(p.start);
      const h = hourOf(start);
      const end = Math.ceil((start + (p.durationHours ?? 1) * 3_600_000) / 3_600_000);
      if (h < lo) lo = h;
      if (end > hi) hi = Math.max(end, h + 1);
    }
  }
  if (!Number.isFinite(lo)) return { firstHour: 0, values: new Float64Array(0), actual: new Uint8Array(0) };
  const n = hi - lo;
  // Time-weighted sums per hour, actual and forecast apart: sub-hourly points average into
  // their hour, longer points cover every hour they span.
  const sum = [new Float64Array(n), new Float64Array(n)];
  const weight = [new Float64Array(n), new Float64Array(n)];
  for (const s of list) {
    for (const p of s.points) {
      const k = (p.kind ?? 'actual') === 'actual' ? 1 : 0;
      const start = toMs(p.start);
      const end = start + (p.durationHours ?? 1) * 3_600_000;
      for (let h = hourOf(start); h * 3_600_000 < end; h++) {
        const overlap = Math.min(end, (h + 1) * 3_600_000) - Math.max(start, h * 3_600_000);
        if (overlap <= 0) continue;
        sum[k]![h - lo]! += p.value * overlap;
        weight[k]![h - lo]! += overlap;
      }
    }
  }
  const values = new Float64Array(n).fill(NaN);
  const actual = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (weight[1]![i]! > 0) {
      values[i] = sum[1]![i]! / weight[1]![i]!;
      actual[i] = 1;
    } else if (weight[0]![i]! > 0) values[i] = sum[0]![i]! / weight[0]![i]!;
  }
  return { firstHour: lo, values, actual };
}
