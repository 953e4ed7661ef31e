import { describe, expect, it } from 'vitest';
import { countryOfRegionTitle } from './offer-context';

describe('countryOfRegionTitle', () => {
  it('reads the country code that ends an Accords region title', () => {
    expect(countryOfRegionTitle('Paris (aurora, FR)')).toBe('FR');
    expect(countryOfRegionTitle('South America (São Paulo) (nimbus, BR)')).toBe('BR');
  });

  it('finds none in other titles', () => {
    expect(countryOfRegionTitle('Europe (West)')).toBeUndefined();
    expect(countryOfRegionTitle('Paris (aurora, fr)')).toBeUndefined();
    expect(countryOfRegionTitle(undefined)).toBeUndefined();
  });
});
