import { describe, expect, it } from 'vitest';
import type { EntityManager } from 'typeorm';
import { ReadCache } from './read-cache';
import type { EntityRow } from './rows';

const row = (id: string): EntityRow => ({ id, tenantId: 't', kind: 'k', collection: '/c/', isLink: false, source: null, target: null, mixins: '|', data: '{"attributes":{}}', version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });

describe('ReadCache', () => {
  it('serves a query again until a write of the tenant, and cross-tenant queries until any write', async () => {
    const cache = new ReadCache({} as EntityManager);
    let reads = 0;
    const read = (id: string) => async () => {
      reads++;
      return [row(id)];
    };
    await cache.rows({ tenantId: 'a', key: 'q', read: read('1') });
    await cache.rows({ tenantId: 'b', key: 'q', read: read('2') });
    await cache.rows({ tenantId: undefined, key: 'q', read: read('3') });
    expect(reads).toBe(3);
    expect((await cache.rows({ tenantId: 'a', key: 'q', read: read('x') }))[0]!.id).toBe('1');
    expect(reads).toBe(3);
    cache.forget('b');
    expect((await cache.rows({ tenantId: 'a', key: 'q', read: read('x') }))[0]!.id).toBe('1');
    expect((await cache.rows({ tenantId: 'b', key: 'q', read: read('4') }))[0]!.id).toBe('4');
    expect((await cache.rows({ tenantId: undefined, key: 'q', read: read('5') }))[0]!.id).toBe('5');
    cache.forget(undefined);
    expect((await cache.rows({ tenantId: 'a', key: 'q', read: read('6') }))[0]!.id).toBe('6');
  });

  it('does not keep an answer read while a write happened', async () => {
    const cache = new ReadCache({} as EntityManager);
    const first = await cache.rows({
      tenantId: 'a',
      key: 'q',
      read: async () => {
        cache.forget('a');
        return [row('old')];
      },
    });
    expect(first[0]!.id).toBe('old');
    expect((await cache.rows({ tenantId: 'a', key: 'q', read: async () => [row('new')] }))[0]!.id).toBe('new');
  });

  it('hands out copies of the cached list', async () => {
    const cache = new ReadCache({} as EntityManager);
    const list = await cache.rows({ tenantId: 'a', key: 'q', read: async () => [row('1')] });
    list.length = 0;
    expect(await cache.rows({ tenantId: 'a', key: 'q', read: async () => [] })).toHaveLength(1);
  });
});
