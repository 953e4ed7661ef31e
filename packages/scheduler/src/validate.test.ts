import { describe, expect, it } from 'vitest';
import { compileCatalogue } from './compile/catalogue';
import { SchedulerError } from './errors';
import { PlacementIndex } from './placement-index';
import { validatePlacementInput } from './validate';

describe('input validation', () => {
  it('reports every problem with its JSON pointer', () => {
    const r = validatePlacementInput({
      nodes: [{ id: 'a', cores: 1, memoryGiB: 1 }, { id: 'a', cores: Number.NaN, memoryGiB: 1, count: 1.5 }],
      relations: [{ kind: 'connects-to', source: 'a', target: 'ghost' }],
      groups: [{ id: 'g', kind: 'anti-affinity', scope: 'region', nodes: ['nobody'] }],
      terms: { weights: { price: -1 }, jurisdictions: { allow: [] } },
      now: 'yesterday',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.pointer).sort()).toEqual([
      '/groups/0/nodes/0', '/nodes/1/cores', '/nodes/1/count', '/nodes/1/id', '/now', '/relations/0/target', '/terms/jurisdictions/allow', '/terms/weights/price',
    ]);
  });

  it('rejects a catalogue with unknown references, naming each', () => {
    try {
      compileCatalogue({
        providers: [{ id: 'p' }],
        regions: [{ id: 'r', providerId: 'q', country: 'DE', coordinates: { lat: 0, lon: 0 } }],
        offers: [{ id: 'o', providerId: 'p', regionId: 'nowhere', vcpu: 1, memoryGiB: 1, pricePerHour: -2 }],
      });
      expect.unreachable();
    } catch (e) {
      const err = e as SchedulerError;
      expect(err).toBeInstanceOf(SchedulerError);
      expect(err.code).toBe('unknown-reference');
      expect(err.issues.map((i) => i.pointer)).toEqual(['/regions/0/providerId', '/offers/0/regionId', '/offers/0/pricePerHour']);
      expect(err.toJSON()).toMatchObject({ status: 422, location: { pointer: '/regions/0/providerId' } });
    }
  });

  it('rejects an update of an unknown offer', () => {
    const index = new PlacementIndex({ providers: [{ id: 'p' }], regions: [{ id: 'r', providerId: 'p', country: 'DE', coordinates: { lat: 0, lon: 0 } }], offers: [] });
    expect(() => index.updateOffers([{ offerId: 'x', pricePerHour: 1 }])).toThrow(/unknown offer "x"/);
  });

  it('applies no change of a batch that holds a bad one', () => {
    const index = new PlacementIndex({
      providers: [{ id: 'p' }], regions: [{ id: 'r', providerId: 'p', country: 'DE', coordinates: { lat: 0, lon: 0 } }],
      offers: [{ id: 'a', providerId: 'p', regionId: 'r', vcpu: 2, memoryGiB: 4, pricePerHour: 1 }, { id: 'b', providerId: 'p', regionId: 'r', vcpu: 2, memoryGiB: 4, pricePerHour: 2 }],
    });
    expect(() => index.updateOffers([{ offerId: 'b', pricePerHour: 0.5 }, { offerId: 'a', pricePerHour: -1 }])).toThrow(SchedulerError);
    expect(Array.from(index.catalogue.price)).toEqual([1, 2]);
  });
});
