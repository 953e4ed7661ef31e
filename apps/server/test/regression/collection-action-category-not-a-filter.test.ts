import { expect, it } from 'vitest';
import { describeEachBackend } from '../helpers/harness';
import type { Harness } from '../helpers/harness';
import { COMPUTE_ACTION, compute, decode, occi } from '../helpers/occi-wire';

// `POST /compute/?action=start` in text/occi carries the invocation's `Category` (and
// `X-OCCI-Attribute`) as headers; they were also read as a collection filter, which no compute
// matches, so nothing was started.
describeEachBackend('regression: a collection action invocation is not a filter', (h) => {
  async function twoComputes(token: string): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await h().call('/compute/', { token, method: 'POST', ...occi('resource', 'application/json', compute()) });
      expect(res.status).toBe(201);
      out.push(new URL(res.headers.get('location')!).pathname);
    }
    return out;
  }

  async function stateOf(harness: Harness, location: string, token: string): Promise<unknown> {
    const read = await decode('resource', await harness.call(location, { token, headers: { accept: 'application/json' } }));
    return read.attributes['occi.compute.state'];
  }

  for (const type of ['text/occi', 'text/plain'] as const) {
    it(`acts on every member when the ${type} invocation names the action`, async () => {
      const token = (await h().tenant(`regression-collection-action-${type.replace('/', '-')}`)).token;
      const members = await twoComputes(token);
      const start = await h().call('/compute/?action=start', { token, method: 'POST', ...occi('action', type, { action: `${COMPUTE_ACTION}start`, attributes: {} }) });
      expect(start.status, await start.clone().text()).toBe(200);
      for (const location of members) expect(await stateOf(h(), location, token)).toBe('active');

      // With an action attribute too: `method` is the invocation's, not an attribute filter.
      const stop = await h().call('/compute/?action=stop', { token, method: 'POST', ...occi('action', type, { action: `${COMPUTE_ACTION}stop`, attributes: { method: 'graceful' } }) });
      expect(stop.status, await stop.clone().text()).toBe(200);
      for (const location of members) expect(await stateOf(h(), location, token)).toBe('inactive');
    });
  }

  it('query parameters still filter the members acted on', async () => {
    const token = (await h().tenant('regression-collection-action-query')).token;
    const [first, second] = await twoComputes(token);
    const id = first!.slice(first!.lastIndexOf('/') + 1);
    const res = await h().call(`/compute/?action=start&attribute=${encodeURIComponent(`occi.core.id=${id}`)}`, {
      token,
      method: 'POST',
      ...occi('action', 'text/occi', { action: `${COMPUTE_ACTION}start`, attributes: {} }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await stateOf(h(), first!, token)).toBe('active');
    expect(await stateOf(h(), second!, token)).toBe('inactive');
  });
});
