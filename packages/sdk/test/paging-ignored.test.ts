import { describe, expect, it } from 'vitest';
import { collect, createClient } from '../src/index';

// Regression: a collection that ignores OCCI's `page`/`number` parameters (the broker's
// `/offer/` did) made `list` ask for page after page forever, each one the whole collection.

const SCHEME = 'http://example.org/occi#';
const QUERY = { kinds: [{ scheme: SCHEME, term: 'thing', title: 'Thing', location: '/thing/', attributes: {} }], mixins: [], actions: [] };

function server(total: number, honours: { page: boolean; number: boolean }) {
  const asked: string[] = [];
  const fetchStub: typeof fetch = async (input) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/occi+json' } });
    if (url.pathname === '/-/') return json(QUERY);
    asked.push(url.search);
    const number = honours.number ? Number(url.searchParams.get('number')) : total;
    const page = honours.page ? Number(url.searchParams.get('page')) : 1;
    const ids = Array.from({ length: total }, (_, i) => i).slice((page - 1) * number, page * number);
    return json({ resources: ids.map((i) => ({ id: `t${i}`, kind: `${SCHEME}thing`, attributes: {}, location: `/thing/t${i}` })) });
  };
  return { fetch: fetchStub, asked };
}

describe('listing a collection that ignores pagination', () => {
  it('stops after a page longer than asked (the server sent everything)', async () => {
    const s = server(7, { page: false, number: false });
    const client = createClient({ url: 'http://broker.test', fetch: s.fetch });
    const all = await collect(client.entities.list('thing', { pageSize: 3 }));
    expect(all.map((e) => e.id)).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6']);
    expect(s.asked).toHaveLength(1);
  });

  it('stops when the next page is the first one again', async () => {
    const s = server(3, { page: false, number: true });
    const client = createClient({ url: 'http://broker.test', fetch: s.fetch });
    const all = await collect(client.entities.list('thing', { pageSize: 3 }));
    expect(all.map((e) => e.id)).toEqual(['t0', 't1', 't2']);
    expect(s.asked).toHaveLength(2);
  });

  it('still walks every page of a collection that pages', async () => {
    const s = server(7, { page: true, number: true });
    const client = createClient({ url: 'http://broker.test', fetch: s.fetch });
    expect((await collect(client.entities.list('thing', { pageSize: 3 }))).map((e) => e.id)).toHaveLength(7);
    expect(s.asked).toHaveLength(3);
  });
});
