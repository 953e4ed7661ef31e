import { expect, it } from 'vitest';
import { describeEachBackend } from './helpers/harness';
import { COMPUTE_ACTION, RENDERINGS, compute, decode, occi } from './helpers/occi-wire';

describeEachBackend('actions', (h) => {
  async function newCompute(): Promise<string> {
    const res = await h().call('/compute/', { method: 'POST', ...occi('resource', 'application/json', compute()) });
    return new URL(res.headers.get('location')!).pathname;
  }

  for (const type of RENDERINGS) {
    it(`start then stop with an invocation body in ${type}; the rendering offers only applicable actions`, async () => {
      const location = await newCompute();
      const fresh = await decode('resource', await h().call(location, { headers: { accept: type } }));
      expect(fresh.attributes['occi.compute.state']).toBe('inactive');
      expect(fresh.actions).toContain(`${COMPUTE_ACTION}start`);
      expect(fresh.actions).not.toContain(`${COMPUTE_ACTION}stop`);
      const started = await h().call(`${location}?action=start`, { method: 'POST', ...occi('action', type, { action: `${COMPUTE_ACTION}start`, attributes: {} }) });
      expect(started.status, await started.clone().text()).toBe(200);
      const after = await decode('resource', started);
      expect(after.attributes['occi.compute.state']).toBe('active');
      expect(after.actions).toContain(`${COMPUTE_ACTION}stop`);
      expect(after.actions).not.toContain(`${COMPUTE_ACTION}start`);
      const stopped = await h().call(`${location}?action=stop`, { method: 'POST', ...occi('action', type, { action: `${COMPUTE_ACTION}stop`, attributes: { method: 'graceful' } }) });
      expect(stopped.status, await stopped.clone().text()).toBe(200);
      expect((await decode('resource', stopped)).attributes['occi.compute.state']).toBe('inactive');
    });
  }

  it('an action without a body is accepted (the URL names it)', async () => {
    const location = await newCompute();
    const res = await h().call(`${location}?action=start`, { method: 'POST' });
    expect(res.status).toBe(200);
  });

  it('an action illegal in the current state is a 409 saying why, and changes nothing', async () => {
    const location = await newCompute();
    const before = (await h().call(location)).headers.get('etag');
    const res = await h().call(`${location}?action=suspend`, { method: 'POST', headers: { accept: 'application/json' } });
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_state');
    expect(body.error.message).toContain('inactive');
    expect((await h().call(location)).headers.get('etag')).toBe(before);
  });

  it('an action the kind does not offer is a 400', async () => {
    const location = await newCompute();
    const res = await h().call(`${location}?action=online`, { method: 'POST' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('online');
  });

  it('a body naming another action than the URL is a 400', async () => {
    const location = await newCompute();
    const res = await h().call(`${location}?action=start`, { method: 'POST', ...occi('action', 'application/json', { action: `${COMPUTE_ACTION}stop`, attributes: {} }) });
    expect(res.status).toBe(400);
  });

  it('an invalid action parameter is a 400 naming it', async () => {
    const location = await newCompute();
    await h().call(`${location}?action=start`, { method: 'POST' });
    const res = await h().call(`${location}?action=stop`, { method: 'POST', ...occi('action', 'application/json', { action: `${COMPUTE_ACTION}stop`, attributes: { method: 'violently' } }) });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('method');
  });

  it('If-Match applies to actions', async () => {
    const location = await newCompute();
    const res = await h().call(`${location}?action=start`, { method: 'POST', headers: { 'if-match': '"stale"' } });
    expect(res.status).toBe(412);
  });
});
