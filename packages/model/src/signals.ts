import type { SignalPoint, SignalSeries } from './types';

/**
 * The point of a series in force at an instant: the last point whose `[start, start + duration)`
 * contains it. Binary search: O(log n) on a series in time order.
 * @param series - points in time order, not overlapping.
 * @param at - the instant (Date, epoch milliseconds or RFC 3339 text).
 * @returns the point, or undefined when no point covers the instant.
 * @example
 * ```ts
 * const [fr] = demoSignals({ from: '2026-01-01T00:00:00Z', hours: 24, regions: [paris] });
 * signalPointAt(fr, '2026-01-01T12:30:00Z')?.value; // the 12:00–13:00 value
 * ```
 */
export function signalPointAt(series: SignalSeries, at: Date | number | string): SignalPoint | undefined {
  const t = typeof at === 'number' ? at : new Date(at).getTime();
  const points = series.points;
  let lo = 0;
  let hi = points.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (Date.parse(points[mid]!.start) <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const point = points[found];
  if (!point) return undefined;
  return t < Date.parse(point.start) + point.duration * 1000 ? point : undefined;
}
