import type { Jurisdiction, JurisdictionPolicy } from './types';

const EU = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
] as const;

/** Member countries (ISO 3166-1 alpha-2) of each jurisdiction group. */
export const JURISDICTION_GROUP_MEMBERS: Readonly<Record<'EU' | 'EEA' | 'EFTA', readonly string[]>> = Object.freeze({
  EU,
  EEA: [...EU, 'IS', 'LI', 'NO'],
  EFTA: ['CH', 'IS', 'LI', 'NO'],
});

let regionNames: Intl.DisplayNames | undefined;
// At most 26 × 26 entries: every well-formed code, once.
const countryCodes = new Map<string, boolean>();

// User-assigned (AA, QM–QZ, XA–XZ but Kosovo's XK, ZZ) and exceptionally reserved (EU, EZ, UN)
// codes, which CLDR names but which are not countries.
const NOT_COUNTRIES = /^(?:AA|Q[M-Z]|X[A-JL-Z]|ZZ|EU|EZ|UN)$/;

/**
 * Tells whether a two-letter code is an assigned ISO 3166-1 country (or territory) code.
 * @param code - e.g. `DE`.
 * @returns true when the code names a country.
 * @example
 * ```ts
 * isCountryCode('DE'); // true
 * isCountryCode('QQ'); // false
 * ```
 */
export function isCountryCode(code: string): boolean {
  let known = countryCodes.get(code);
  if (known === undefined) {
    if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.test(code)) return false;
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
    // Unassigned codes come back as the code itself.
    known = regionNames.of(code) !== code;
    countryCodes.set(code, known);
  }
  return known;
}

/**
 * Expands a list of jurisdictions (countries and groups) to the set of countries it names.
 * @param list - e.g. `['EU', 'CH']`.
 * @returns the country codes.
 * @example
 * ```ts
 * expandJurisdictions(['EFTA']).has('CH'); // true
 * ```
 */
export function expandJurisdictions(list: readonly Jurisdiction[]): Set<string> {
  const out = new Set<string>();
  for (const j of list) {
    const members = (JURISDICTION_GROUP_MEMBERS as Record<string, readonly string[]>)[j];
    if (members) for (const c of members) out.add(c);
    else out.add(j);
  }
  return out;
}

/**
 * Tells whether a country satisfies every given policy (forbidden wins over allowed; an absent
 * allowed list allows every country).
 * @param country - ISO 3166-1 alpha-2 code of a region.
 * @param policies - the terms' and the node's policies; `undefined` entries are ignored.
 * @returns true when the country may host the resources.
 * @example
 * ```ts
 * countryAllowed('FR', { allowed: ['EU'] }, { forbidden: ['DE'] }); // true
 * ```
 */
export function countryAllowed(country: string, ...policies: (JurisdictionPolicy | undefined)[]): boolean {
  for (const policy of policies) {
    if (!policy) continue;
    if (policy.forbidden && expandJurisdictions(policy.forbidden).has(country)) return false;
    if (policy.allowed && !expandJurisdictions(policy.allowed).has(country)) return false;
  }
  return true;
}

/**
 * The countries allowed by all the policies together, or `undefined` when no policy restricts
 * the allowed set (then every country not forbidden is allowed).
 * @param policies - policies to intersect; `undefined` entries are ignored.
 * @returns the allowed countries, possibly empty, or undefined for "any".
 * @example
 * ```ts
 * [...allowedCountries({ allowed: ['EU'] }, { allowed: ['FR', 'CH'] })!]; // ['FR']
 * ```
 */
export function allowedCountries(...policies: (JurisdictionPolicy | undefined)[]): Set<string> | undefined {
  let allowed: Set<string> | undefined;
  const forbidden = new Set<string>();
  for (const policy of policies) {
    if (!policy) continue;
    for (const c of expandJurisdictions(policy.forbidden ?? [])) forbidden.add(c);
    if (policy.allowed) {
      const next = expandJurisdictions(policy.allowed);
      allowed = allowed ? new Set([...allowed].filter((c) => next.has(c))) : next;
    }
  }
  if (!allowed) return undefined;
  for (const c of forbidden) allowed.delete(c);
  return allowed;
}
