import { describe, expect, it } from 'vitest';
import { offerRow } from '../offer-row';
import { rank } from './offers';

const offer = (id: string, attrs: Record<string, string | number>) => offerRow({ id, kind: 'k', mixins: [], attributes: Object.fromEntries(Object.entries(attrs).map(([k, v]) => [`accords.offer.${k}`, v])), links: [] });

describe('offers', () => {
  const rows = [
    offer('cheap-dirty', { pricePerHour: 0.1, carbonGPerHour: 90, vcpu: 2, memoryGiB: 4, region: 'r1', country: 'pl' }),
    offer('dear-clean', { pricePerHour: 0.3, carbonGPerHour: 5, vcpu: 2, memoryGiB: 4 }),
    offer('middle', { pricePerHour: 0.15, powerWatts: 20, carbonIntensity: 200, vcpu: 4, memoryGiB: 8 }),
  ];

  it('reads offer attributes, deriving carbon from power and intensity', () => {
    expect(rows[0]).toMatchObject({ id: 'cheap-dirty', vcpu: 2, memoryGiB: 4, region: 'r1', country: 'PL', pricePerHour: 0.1, carbonGPerHour: 90 });
    expect(rows[2]!.carbonGPerHour).toBe(4);
  });

  it('takes the country from the region and the carbon from power, PUE and the grid', () => {
    const context = { regions: new Map([['fr-par', { country: 'fr', pue: 1.2, zone: 'FR' }]]), intensity: new Map([['FR', 50]]) };
    const row = offer('o', { regionId: 'fr-par', powerWatts: 200, pricePerHour: 0.1 });
    expect(row.carbonGPerHour).toBeUndefined();
    const enriched = offerRow({ id: 'o', kind: 'k', mixins: [], attributes: { 'accords.offer.regionId': 'fr-par', 'accords.offer.powerWatts': 200 }, links: [] }, context);
    expect(enriched).toMatchObject({ region: 'fr-par', country: 'FR', carbonGPerHour: 12 });
  });

  it('ranks by price, by carbon, or both', () => {
    expect(rank(rows, 'price').map((r) => r.id)).toEqual(['cheap-dirty', 'middle', 'dear-clean']);
    expect(rank(rows, 'carbon').map((r) => r.id)).toEqual(['middle', 'dear-clean', 'cheap-dirty']);
    expect(rank(rows, 'balanced').map((r) => r.id)).toEqual(['middle', 'cheap-dirty', 'dear-clean']);
  });
});
