import { expect, it } from 'vitest';
import { describeEachBackend } from './helpers/harness';
import { compute, decode, occi } from './helpers/occi-wire';

describeEachBackend(
  'limits and observability',
  (h) => {
    it('refuses a body over the limit with 413 and stores nothing', async () => {
      const big = { ...compute({ 'occi.compute.hostname': 'x'.repeat(9000) }) };
      const res = await h().call('/compute/', { method: 'POST', ...occi('resource', 'application/json', big) });
      expect(res.status).toBe(413);
      expect(await res.text()).toContain('8192');
      const list = await decode('collection', await h().call('/compute/', { headers: { accept: 'application/json' } }));
      expect(list.resources).toHaveLength(0);
    });

    it('refuses too many headers with 431', async () => {
      const headers: Record<string, string> = {};
      for (let i = 0; i < 40; i++) headers[`x-extra-${i}`] = String(i);
      const res = await h().call('/-/', { headers });
      expect(res.status).toBe(431);
    });

    it('refuses oversized headers with 431', async () => {
      const res = await h().call('/-/', { headers: { 'x-big': 'y'.repeat(20_000) } });
      expect(res.status).toBe(431);
    });

    it('answers /healthz with the database type', async () => {
      const res = await h().call('/healthz', { token: null });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok', database: h().backend });
    });

    it('exposes Prometheus metrics to administrators only', async () => {
      await h().call('/-/');
      const res = await h().call('/metrics');
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain('accords_http_requests_total');
      expect(text).toMatch(/accords_http_requests_total\{method="GET",route="query",status="200"\} \d+/);
      const tenant = await h().tenant('metrics-tenant');
      expect((await h().call('/metrics', { token: tenant.token })).status).toBe(403);
    });

    it('gives every answer a request id, keeping a well-formed one from the client', async () => {
      const own = await h().call('/-/', { headers: { 'x-request-id': 'abc-123' } });
      expect(own.headers.get('x-request-id')).toBe('abc-123');
      const made = await h().call('/-/', { headers: { 'x-request-id': 'bad id with spaces' } });
      expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('answers malformed paging and ids precisely, without stack traces', async () => {
      const res = await h().call('/compute/?page=-1', { headers: { accept: 'application/json' } });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: Record<string, unknown> };
      expect(body.error.location).toEqual({ attribute: 'page' });
      expect(JSON.stringify(body)).not.toContain('stack');
    });
  },
  { limits: { bodyBytes: 8192, headerCount: 30, headerBytes: 16 * 1024 } },
);
