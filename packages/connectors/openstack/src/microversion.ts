/** A compute API microversion such as `2.47`. */
export interface Microversion {
  major: number;
  minor: number;
}

/** Parses `"2.47"`; returns undefined for anything else (including the empty string older clouds send). */
export function parseMicroversion(text: string | undefined | null): Microversion | undefined {
  const m = /^(\d+)\.(\d+)$/.exec((text ?? '').trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]) };
}

/** Orders two microversions (negative, zero or positive). */
export function compareMicroversions(a: Microversion, b: Microversion): number {
  return a.major - b.major || a.minor - b.minor;
}

/** Formats a microversion as `major.minor`. */
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
 * Chooses the highest microversion both sides support: the client supports `[clientMin, clientMax]`,
 * the server announces `[min, max]`; a server without microversions (empty `version`) supports only
 * the base version `2.0`/`2.1` behaviour, so negotiation fails unless the client accepts `2.1`.
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
