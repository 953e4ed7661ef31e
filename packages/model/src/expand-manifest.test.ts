import { describe, expect, it } from 'vitest';
import { expandManifest } from './expand-manifest';
import { minimalManifest } from '../test/fixtures';
import type { Manifest } from './types';

const auth: Manifest = {
  apiVersion: 'accords.dev/v1',
  name: 'auth',
  nodes: [
    { name: 'api', cores: 1, memoryGiB: 2 },
    { name: 'store', cores: 2, memoryGiB: 8, dataClassification: 'internal' },
  ],
  relations: [{ from: 'api', to: 'store', type: 'depends-on' }],
  groups: [{ name: 'near', policy: 'affinity', scope: 'region', nodes: ['api', 'store'] }],
  terms: {
    jurisdiction: { allowed: ['EU'] },
    dataClassification: 'confidential',
    guarantees: [{ name: 'up', metric: 'availability', comparator: 'ge', target: 99.9, window: 'P30D', obligated: 'provider' }],
  },
};

describe('expandManifest', () => {
  it('replaces a nested service by its renamed nodes, carrying its terms onto them', async () => {
    const m = minimalManifest();
    m.services = [{ name: 'login', manifest: 'auth.yaml', count: 2 }];
    m.relations = [{ from: 'app', to: 'login', type: 'connects-to', trafficGBPerMonth: 40 }];
    m.terms.jurisdiction = { allowed: ['FR', 'CH'] };
    const r = await expandManifest(m, { resolve: (ref) => (ref === 'auth.yaml' ? auth : undefined) });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const flat = r.value;
    expect(flat.services).toBeUndefined();
    expect(flat.nodes.map((n) => n.name)).toEqual(['app', 'db', 'login-0-api', 'login-0-store', 'login-1-api', 'login-1-store']);
    expect(flat.nodes[3]).toMatchObject({ jurisdiction: { allowed: ['EU'] }, dataClassification: 'confidential' });
    expect(flat.relations?.filter((x) => x.from === 'app').map((x) => [x.to, x.trafficGBPerMonth])).toEqual([
      ['login-0-api', 10], ['login-0-store', 10], ['login-1-api', 10], ['login-1-store', 10],
    ]);
    expect(flat.groups?.map((g) => g.nodes)).toEqual([['login-0-api', 'login-0-store'], ['login-1-api', 'login-1-store']]);
    expect(flat.terms.guarantees?.[0]).toMatchObject({ name: 'login-0-up', nodes: ['login-0-api', 'login-0-store'] });
  });

  it('reports a cycle of nesting, an unreadable reference and an invalid nested manifest where they are referenced', async () => {
    const loop: Manifest = { ...minimalManifest(), services: [{ name: 'again', manifest: 'self.yaml' }] };
    const r1 = await expandManifest(loop, { resolve: () => loop });
    expect(r1.ok || r1.issues.map((i) => i.code)).toEqual(['nesting-cycle']);
    const r2 = await expandManifest(loop, { resolve: () => Promise.reject(new Error('404 Not Found')) });
    expect(r2.ok || r2.issues[0]).toMatchObject({ code: 'unresolved-manifest', location: { pointer: '/services/0/manifest' } });
    const r3 = await expandManifest(loop, { resolve: () => ({ ...auth, nodes: [] }) });
    expect(r3.ok || r3.issues[0]!.message).toBe('In "self.yaml" at /nodes: Needs at least 1 item.');
  });

  it('validates the result: jurisdictions that cannot meet are reported', async () => {
    const m: Manifest = { ...minimalManifest(), services: [{ name: 'login', manifest: 'auth.yaml' }] };
    m.terms.jurisdiction = { allowed: ['CH'] };
    const r = await expandManifest(m, { resolve: () => auth });
    expect(r.ok || r.issues.map((i) => [i.code, i.location.pointer])).toEqual([
      ['empty-jurisdiction', '/nodes/2/jurisdiction'],
      ['empty-jurisdiction', '/nodes/3/jurisdiction'],
    ]);
  });

  it('leaves a manifest without services as it is', async () => {
    const m = minimalManifest();
    expect(await expandManifest(m, { resolve: () => undefined })).toEqual({ ok: true, value: m });
  });
});
