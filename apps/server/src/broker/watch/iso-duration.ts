/**
 * Reads an ISO 8601 duration (`P30D`, `PT1H`, `P1W`, `P1DT12H30M`) in milliseconds. Months and
 * years count as 30 and 365 days.
 *
 * @param text - the duration
 * @returns milliseconds, or undefined when it is not a duration
 * @example
 * isoDurationMs('PT1H'); // 3600000
 */
export function isoDurationMs(text: string): number | undefined {
  const m = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const [y, mo, w, d, h, mi, s] = m.slice(1).map((v) => (v ? Number(v) : 0)) as number[];
  const days = y! * 365 + mo! * 30 + w! * 7 + d!;
  return Math.round(((days * 24 + h!) * 3600 + mi! * 60 + s!) * 1000);
}
