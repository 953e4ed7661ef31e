import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, describeEachBackend } from './helpers/harness';
import { startChildServer } from './helpers/child-server';
import { compute, decode, occi } from './helpers/occi-wire';

describeEachBackend('concurrency', (h) => {
  async function newCompute(): Promise<{ location: string; id: string; etag: string }> {
    const res = await h().call('/compute/', { method: 'POST', ...occi('resource', 'application/json', compute({ 'occi.compute.cores': 1 })) });
    const location = new URL(res.headers.get('location')!).pathname;
    return { location, id: location.split('/')[2]!, etag: res.headers.get('etag')! };
  }

  it('parallel PUTs with the same If-Match: exactly one wins, the others get 412', async () => {
    const { location, id, etag } = await newCompute();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        h().call(location, { method: 'PUT', ...occi('resource', 'application/json', { ...compute({ 'occi.compute.cores': i + 2 }), id }), headers: { ...occi('resource', 'application/json', compute()).headers, 'if-match': etag } }),
      ),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(11);
    const winner = answers.find((r) => r.status === 200)!;
    const won = (await decode('resource', winner)).attributes['occi.compute.cores'];
    const read = await decode('resource', await h().call(location, { headers: { accept: 'application/json' } }));
    expect(read.attributes['occi.compute.cores']).toBe(won);
  });

  it('parallel partial updates without If-Match never lose an update', async () => {
    const { location, id } = await newCompute();
    const changes: Record<string, string | number>[] = [
      { 'occi.compute.hostname': 'h1' },
      { 'occi.compute.memory': 8 },
      { 'occi.compute.share': 3 },
      { 'occi.compute.architecture': 'x64' },
      { 'occi.compute.cores': 6 },
    ];
    const answers = await Promise.all(changes.map((attributes) => h().call(location, { method: 'POST', ...occi('resource', 'application/json', { ...compute(attributes), id }) })));
    expect(answers.map((r) => r.status)).toEqual(changes.map(() => 200));
    const read = await decode('resource', await h().call(location, { headers: { accept: 'application/json' } }));
    for (const change of changes) for (const [name, value] of Object.entries(change)) expect(read.attributes[name]).toBe(value);
  });

  it('parallel creates at one client-chosen id: one 201, the others 409 or 412', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => h().call('/compute/same-id', { method: 'PUT', ...occi('resource', 'application/json', { ...compute(), id: 'same-id' }), headers: { ...occi('resource', 'application/json', compute()).headers, 'if-none-match': '*' } })),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    for (const s of statuses.filter((s) => s !== 201)) expect([409, 412]).toContain(s);
  });

  describe('two server processes on one database', () => {
    let second: Awaited<ReturnType<typeof startChildServer>> | undefined;
    beforeAll(async () => {
      if (h().backend !== 'postgres') return;
      second = await startChildServer({ ACCORDS_DATABASE_URL: h().databaseUrl, ACCORDS_ADMIN_TOKEN: ADMIN_TOKEN });
    }, 60_000);
    afterAll(async () => {
      await second?.stop();
    });

    it('serve the same data, and If-Match races across them still have one winner', async () => {
      if (h().backend !== 'postgres') return;
      const other = (path: string, init: RequestInit = {}) =>
        fetch(second!.url + path, { ...init, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(init.headers as Record<string, string>) } });
      const { location, id, etag } = await newCompute();
      const seen = await other(location, { headers: { accept: 'application/json' } });
      expect(seen.status).toBe(200);
      expect(seen.headers.get('etag')).toBe(etag);
      const put = (via: 'first' | 'second', cores: number) => {
        const init = { method: 'PUT', ...occi('resource', 'application/json', { ...compute({ 'occi.compute.cores': cores }), id }) };
        const headers = { ...(init.headers as Record<string, string>), 'if-match': etag };
        return via === 'first' ? h().call(location, { ...init, headers }) : other(location, { ...init, headers });
      };
      const answers = await Promise.all([put('first', 2), put('second', 3), put('first', 4), put('second', 5), put('first', 6), put('second', 7)]);
      expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
      expect(answers.filter((r) => r.status === 412)).toHaveLength(5);
      const tenant = await other('/tenant/', {
        method: 'POST',
        ...occi('resource', 'application/json', { id: 'f0f0f0f0-0000-4000-8000-000000000001', kind: 'http://schemas.accords.dev/occi/platform#tenant', mixins: [], attributes: { 'accords.tenant.name': 'via-second' }, links: [] }),
      });
      expect(tenant.status).toBe(201);
      const token = (await decode('resource', tenant)).attributes['accords.tenant.token'] as string;
      expect((await h().call('/compute/', { token })).status).toBe(200);
    });
  });
});
