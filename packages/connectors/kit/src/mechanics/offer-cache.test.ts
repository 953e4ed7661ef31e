import type { Offer } from '@accords/model';
import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors/connector-error';
import { createManualClock } from './manual-clock';
import { createOfferCache } from './offer-cache';

const offer = (id: string, price: number): Offer => ({
  id, providerId: 'p', regionId: 'r', instanceType: id, vcpu: 1, memoryGiB: 1, gpus: 0, architecture: 'x86_64',
  pricePerHour: price, currency: 'EUR', market: 'on-demand', availability: 99, capacity: 1, asOf: '2026-01-01T00:00:00Z',
});

describe('createOfferCache', () => {
  it('serves the last snapshot without calling the backend, and refreshes in the background', async () => {
    const clock = createManualClock({ startMs: 0 });
    let loads = 0;
    const cache = createOfferCache({
      clock,
      refreshMs: 60_000,
      loadOffers: async () => [offer('a', ++loads)],
      loadImages: async () => [{ id: 'i1', name: 'ubuntu-old', distribution: 'ubuntu', createdAt: '1' }, { id: 'i2', name: 'ubuntu-new', distribution: 'ubuntu', createdAt: '2' }],
    });
    expect(() => cache.catalogue()).toThrow(expect.objectContaining({ kind: 'transient' }));
    await cache.start();
    for (let i = 0; i < 5; i++) cache.catalogue();
    expect(loads).toBe(1);
    expect(cache.catalogue()).toEqual({ asOf: '1970-01-01T00:00:00.000Z', offers: [offer('a', 1)] });
    expect(cache.images().map((i) => i.id)).toEqual(['i2']);
    await clock.advance(60_000);
    expect(loads).toBe(2);
    expect(cache.catalogue().asOf).toBe('1970-01-01T00:01:00.000Z');
    cache.stop();
    await clock.advance(600_000);
    expect(loads).toBe(2);
  });

  it('keeps the previous snapshot when a refresh fails, and retries sooner', async () => {
    const clock = createManualClock({ startMs: 0 });
    const errors: unknown[] = [];
    let fail = false;
    let loads = 0;
    const cache = createOfferCache({
      clock,
      refreshMs: 600_000,
      retryMs: 10_000,
      onError: (e) => errors.push(e),
      loadOffers: async () => {
        loads++;
        if (fail) throw new ConnectorError('transient', 'backend down');
        return [offer('a', 1)];
      },
    });
    await cache.start();
    fail = true;
    await clock.advance(600_000);
    expect(errors).toHaveLength(1);
    expect(cache.catalogue().offers).toHaveLength(1);
    fail = false;
    await clock.advance(10_000);
    expect(loads).toBe(3);
    cache.stop();
  });

  it('joins concurrent refreshes', async () => {
    let loads = 0;
    const cache = createOfferCache({ clock: createManualClock(), loadOffers: async () => [offer(`o${++loads}`, 1)] });
    await Promise.all([cache.refresh(), cache.refresh(), cache.refresh()]);
    expect(loads).toBe(1);
    cache.stop();
  });
});
