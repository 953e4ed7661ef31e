import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrokerServer } from '../broker-fixtures/broker-server';
import type { BrokerServer } from '../broker-fixtures/broker-server';

// GET /offer/ ignored `page` and `number`: a paging client got the whole catalogue on every page.
describe('the offer collection pages like every collection', () => {
  let s: BrokerServer;
  beforeAll(async () => {
    s = await startBrokerServer({ databaseUrl: `sqlite:${join(mkdtempSync(join(tmpdir(), 'accords-offers-')), 'db.sqlite')}` });
  });
  afterAll(() => s.close());

  const ids = async (query: string) => {
    const body = await s.json<{ resources?: Array<{ id: string }> }>(`/offer/${query}`);
    return (body.resources ?? []).map((r) => r.id);
  };

  it('returns `number` offers per page, in a stable order, and nothing past the end', async () => {
    const all = await ids('');
    expect(all.length).toBeGreaterThan(20);
    const first = await ids('?page=1&number=10');
    const second = await ids('?page=2&number=10');
    expect(first).toEqual(all.slice(0, 10));
    expect(second).toEqual(all.slice(10, 20));
    expect(await ids(`?page=${Math.ceil(all.length / 10) + 1}&number=10`)).toEqual([]);
  });

  it('answers 413 when `number` is over the limit', async () => {
    const res = await s.call('/offer/?number=100000');
    expect(res.status).toBe(413);
  });
});
