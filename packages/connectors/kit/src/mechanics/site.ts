import type { Region } from '@accords/model';
import type { ConfigIssue } from './config-checks';
import { checkNumber, checkString, isPlainObject } from './config-checks';

/** Where a region is and what its site is like, as an operator states it in a connector configuration. */
export interface SiteFacts {
  /** ISO 3166-1 alpha-2 country. */
  country: string;
  city?: string;
  coordinates: { lat: number; lon: number };
  /** IANA time zone, e.g. `Europe/Paris`. */
  timeZone: string;
  /** Power usage effectiveness of the site (default 1.58, a commonly reported industry average). */
  pue?: number;
  /** Share of renewable supply, 0–1 (default 0: unknown counts as none). */
  renewableShare?: number;
  /** Share of waste heat reused, 0–1 (default 0). */
  heatReuse?: number;
  /** Grid zone of the carbon and price signals (default: the country). */
  zone?: string;
}

/** The identity of the region {@link regionFromSite} builds. */
export interface RegionIdentity {
  id: string;
  providerId: string;
  name: string;
}

/**
 * Checks the site facts of a region object, appending an issue per wrong field (the caller checks
 * that `site` is an object, with its own message).
 * @param issues - The list issues are appended to.
 * @param site - The untrusted site object.
 * @param pointer - JSON pointer of `site`.
 * @example
 * ```ts
 * if (!isPlainObject(input.site)) issues.push({ pointer: '/site', message: 'is required' });
 * else checkSiteFacts(issues, input.site, '/site');
 * ```
 */
export function checkSiteFacts(issues: ConfigIssue[], site: Record<string, unknown>, pointer: string): void {
  checkString(issues, { value: site.country, pointer: `${pointer}/country`, required: true, pattern: /^[A-Z]{2}$/ });
  checkString(issues, { value: site.timeZone, pointer: `${pointer}/timeZone`, required: true });
  checkString(issues, { value: site.city, pointer: `${pointer}/city` });
  checkString(issues, { value: site.zone, pointer: `${pointer}/zone` });
  const xy = site.coordinates;
  if (!isPlainObject(xy) || typeof xy.lat !== 'number' || typeof xy.lon !== 'number' || Math.abs(xy.lat) > 90 || Math.abs(xy.lon) > 180) {
    issues.push({ pointer: `${pointer}/coordinates`, message: 'must be { lat: -90..90, lon: -180..180 }' });
  }
  checkNumber(issues, { value: site.pue, pointer: `${pointer}/pue`, min: 1 });
  for (const k of ['renewableShare', 'heatReuse']) {
    checkNumber(issues, { value: site[k], pointer: `${pointer}/${k}` });
    if (typeof site[k] === 'number' && site[k] > 1) issues.push({ pointer: `${pointer}/${k}`, message: 'must be a share between 0 and 1' });
  }
}

/**
 * Builds a model region from its identity and validated site facts, filling the documented defaults.
 * @param identity - The region's id, provider and display name.
 * @param site - Validated site facts.
 * @returns The region.
 * @example
 * ```ts
 * regionFromSite({ id: 'lab:local', providerId: 'lab', name: 'lab' }, { country: 'FR', coordinates: { lat: 48.8, lon: 2.3 }, timeZone: 'Europe/Paris' }).pue; // 1.58
 * ```
 */
export function regionFromSite(identity: RegionIdentity, site: SiteFacts): Region {
  return {
    id: identity.id,
    providerId: identity.providerId,
    name: identity.name,
    country: site.country,
    ...(site.city ? { city: site.city } : {}),
    coordinates: { lat: site.coordinates.lat, lon: site.coordinates.lon },
    timeZone: site.timeZone,
    pue: site.pue ?? 1.58,
    renewableShare: site.renewableShare ?? 0,
    heatReuse: site.heatReuse ?? 0,
    zone: site.zone ?? site.country,
  };
}
