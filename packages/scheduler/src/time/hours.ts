const HOUR_MS = 3_600_000;

/** Milliseconds since the epoch of an ISO string or a number; NaN when invalid. */
export function toMs(t: string | number | Date): number {
  if (typeof t === 'number') return t;
  if (t instanceof Date) return t.getTime();
  return Date.parse(t);
}

/** Hour index (hours since the epoch, floored). */
export function hourOf(ms: number): number {
  return Math.floor(ms / HOUR_MS);
}

/** ISO string of an hour index. */
export function isoOfHour(hour: number): string {
  return new Date(hour * HOUR_MS).toISOString();
}

export { HOUR_MS };
