/** A compute API microversion such as `2.47`. */
export interface Microversion {
  major: number;
  minor: number;
}

/**
 * Parses a microversion.
 * @param text - e.g. `"2.47"`.
 * @returns The version, or undefined for anything else (including the empty string older clouds send).
 * @example
 * ```ts
 * parseMicroversion('2.47'); // { major: 2, minor: 47 }
 * ```
 */
export function parseMicroversion(text: string | undefined | null): Microversion | undefined {
  const m = /^(\d+)\.(\d+)$/.exec((text ?? '').trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]) };
}

/**
 * Orders two microversions numerically.
 * @param a - First version.
 * @param b - Second version.
 * @returns Negative, zero or positive.
 * @example
 * ```ts
 * compareMicroversions({ major: 2, minor: 9 }, { major: 2, minor: 10 }); // < 0
 * ```
 */
export function compareMicroversions(a: Microversion, b: Microversion): number {
  return a.major - b.major || a.minor - b.minor;
}

/**
 * Formats a microversion.
 * @param v - The version.
 * @returns `major.minor`.
 * @example
 * ```ts
 * formatMicroversion({ major: 2, minor: 90 }); // '2.90'
 * ```
 */
export function formatMicroversion(v: Microversion): string {
  return `${v.major}.${v.minor}`;
}

/** What the server announced in its version document (`min_version`, `version`). */
export interface ServerVersionRange {
  min: string | undefined;
  max: string | undefined;
}

/** Outcome of {@link negotiateMicroversion}. */
export type NegotiationResult = { ok: true; version: string } | { ok: false; reason: string };

/**
 * Chooses the highest microversion both sides support: the client supports `[min, max]`, the
 * server announces `[min, max]`; a server without microversions (empty `version`) supports only
 * `2.1`, so negotiation fails unless the client accepts `2.1`.
 * @param server - What the server's version document announced.
 * @param client - The range the client is written for.
 * @returns The version to send, or why there is none.
 * @example
 * ```ts
 * negotiateMicroversion({ min: '2.1', max: '2.95' }, { min: '2.47', max: '2.90' }); // { ok: true, version: '2.90' }
 * ```
 */
export function negotiateMicroversion(server: ServerVersionRange, client: { min: string; max: string }): NegotiationResult {
  const cMin = parseMicroversion(client.min);
  const cMax = parseMicroversion(client.max);
  if (!cMin || !cMax || compareMicroversions(cMin, cMax) > 0) return { ok: false, reason: `invalid client range ${client.min}..${client.max}` };
  const sMax = parseMicroversion(server.max) ?? { major: 2, minor: 1 };
  const sMin = parseMicroversion(server.min) ?? { major: 2, minor: 1 };
  const hi = compareMicroversions(sMax, cMax) < 0 ? sMax : cMax;
  const lo = compareMicroversions(sMin, cMin) > 0 ? sMin : cMin;
  if (compareMicroversions(lo, hi) > 0) {
    return { ok: false, reason: `server supports ${formatMicroversion(sMin)}..${formatMicroversion(sMax)}, connector needs ${client.min}..${client.max}` };
  }
  return { ok: true, version: formatMicroversion(hi) };
}
