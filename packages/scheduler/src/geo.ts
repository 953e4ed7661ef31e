import type { GeoPoint } from './types';

const EARTH_RADIUS_KM = 6371;
/** Light in fibre covers about 200 km per ms; routes are about 1.5 times the great circle. */
const KM_PER_MS_ONE_WAY = 200 / 1.5;
const BASE_RTT_MS = 2;

/** Great-circle distance in km. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Estimated round-trip time in ms between two points (fibre speed, route factor 1.5, 2 ms base). */
export function estimateRttMs(a: GeoPoint, b: GeoPoint): number {
  return BASE_RTT_MS + (2 * distanceKm(a, b)) / KM_PER_MS_ONE_WAY;
}

/** User-weighted mean, best and worst RTT from a region to the user locations. */
export function latencyToUsers(region: GeoPoint, users: readonly GeoPoint[]): { meanMs: number; minMs: number; maxMs: number } {
  let sum = 0;
  let weights = 0;
  let max = 0;
  let min = Infinity;
  for (const u of users) {
    const w = u.weight ?? 1;
    const rtt = estimateRttMs(region, u);
    sum += w * rtt;
    weights += w;
    if (rtt > max) max = rtt;
    if (rtt < min) min = rtt;
  }
  return { meanMs: weights > 0 ? sum / weights : 0, minMs: min, maxMs: max };
}
