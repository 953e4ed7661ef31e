import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allowedCountries, countryAllowed, expandJurisdictions, isCountryCode, JURISDICTION_GROUP_MEMBERS } from './jurisdictions';

describe('jurisdictions', () => {
  it('knows assigned ISO 3166-1 codes from unassigned and user-assigned ones', () => {
    for (const code of ['DE', 'FR', 'US', 'JP', 'XK', 'IS']) expect(isCountryCode(code)).toBe(true);
    for (const code of ['QQ', 'ZZ', 'AA', 'de', 'DEU', 'XY']) expect(isCountryCode(code)).toBe(false);
  });

  it('expands groups: 27 EU members, EEA adds Iceland, Liechtenstein and Norway', () => {
    expect(JURISDICTION_GROUP_MEMBERS.EU).toHaveLength(27);
    expect([...expandJurisdictions(['EEA'])].filter((c) => !JURISDICTION_GROUP_MEMBERS.EU.includes(c)).sort()).toEqual(['IS', 'LI', 'NO']);
    expect(expandJurisdictions(['EFTA', 'DE']).has('CH')).toBe(true);
    for (const members of Object.values(JURISDICTION_GROUP_MEMBERS)) for (const c of members) expect(isCountryCode(c)).toBe(true);
  });

  it('lets forbidden win over allowed, and intersects several policies', () => {
    expect(countryAllowed('DE', { allowed: ['EU'], forbidden: ['DE'] })).toBe(false);
    expect(countryAllowed('US')).toBe(true);
    expect(countryAllowed('NO', { allowed: ['EEA'] }, { allowed: ['EFTA'] })).toBe(true);
    expect(countryAllowed('CH', { allowed: ['EEA'] }, { allowed: ['EFTA'] })).toBe(false);
    expect(allowedCountries({ forbidden: ['US'] })).toBeUndefined();
    expect([...allowedCountries({ allowed: ['EEA'] }, { allowed: ['EFTA'] })!].sort()).toEqual(['IS', 'LI', 'NO']);
  });

  it('agrees: a country is allowed exactly when it is in allowedCountries (or that is unrestricted and it is not forbidden)', () => {
    const code = fc.constantFrom('DE', 'FR', 'CH', 'NO', 'US', 'JP', 'IS', 'PL', 'EU', 'EEA', 'EFTA');
    const policy = fc.record({ allowed: fc.option(fc.uniqueArray(code, { minLength: 1 }), { nil: undefined }), forbidden: fc.option(fc.uniqueArray(code), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(policy, { maxLength: 3 }), fc.constantFrom('DE', 'FR', 'CH', 'NO', 'US', 'JP', 'IS', 'PL'), (policies, country) => {
        const set = allowedCountries(...policies);
        const forbidden = policies.some((p) => p.forbidden && expandJurisdictions(p.forbidden).has(country));
        expect(countryAllowed(country, ...policies)).toBe(set ? set.has(country) : !forbidden);
      }),
    );
  });
});
