import { KIND, MIXIN } from '@accords/occi';
import type { ResourceData } from '@accords/occi';
import { createServerModel } from '@accords/sdk';
import { describe, expect, it } from 'vitest';
import { ACCORDS_REGION_SCHEME, readCatalogue } from './catalogue';
import { pathOf, toCreateInput, toProvisioned } from './entity';

const T = 'http://schemas.accords.dev/occi/resource_tpl#';
const O = 'http://schemas.accords.dev/occi/os_tpl#';
const categories = {
  kinds: [
    { scheme: 'http://schemas.ogf.org/occi/infrastructure#', term: 'compute', location: '/compute/' },
    { scheme: 'http://schemas.ogf.org/occi/infrastructure#', term: 'storage', location: '/storage/' },
    { scheme: 'http://schemas.ogf.org/occi/infrastructure#', term: 'network', location: '/network/' },
  ],
  mixins: [
    { scheme: ACCORDS_REGION_SCHEME, term: 'fr-par', title: 'Paris (aurora, FR)' },
    { scheme: T, term: 'small', title: '1 cores, 2 GiB', depends: [MIXIN.resourceTpl] },
    { scheme: O, term: 'debian_12', title: 'Debian 12', depends: [MIXIN.osTpl] },
    { scheme: 'http://schemas.ogf.org/occi/infrastructure/network#', term: 'ipnetwork' },
  ],
  actions: [],
};
const model = createServerModel(categories);
const catalogue = readCatalogue({ categories, options: { providerId: 'peer', url: 'http://peer:1' }, asOf: '2026-01-01T00:00:00Z' });
const ctx = { providerId: 'peer', catalogue, model };
const base = { idempotencyKey: 'key-00000001', regionId: 'peer.fr-par', name: 'web' };

describe('toCreateInput', () => {
  it('asks for the region, size and image mixins, the size attributes, the name and the marker', () => {
    expect(toCreateInput({ kind: 'compute', ...base, offerId: 'peer.fr-par:small', image: 'debian_12' }, ctx)).toEqual({
      kind: KIND.compute,
      mixins: [`${ACCORDS_REGION_SCHEME}fr-par`, `${T}small`, `${O}debian_12`],
      title: 'web',
      summary: 'accords-connector provider=peer key=key-00000001',
      attributes: { 'occi.compute.cores': 1, 'occi.compute.memory': 2 },
    });
    expect(toCreateInput({ kind: 'storage', ...base, sizeGiB: 20 }, ctx).attributes).toEqual({ 'occi.storage.size': 20 });
    expect(toCreateInput({ kind: 'network', ...base, cidr: '10.0.0.0/24' }, ctx)).toMatchObject({ mixins: [`${ACCORDS_REGION_SCHEME}fr-par`, MIXIN.ipnetwork], attributes: { 'occi.network.address': '10.0.0.0/24' } });
  });

  it('names the spec field the remote cannot honour', () => {
    const bad = (spec: Parameters<typeof toCreateInput>[0]) => {
      try {
        toCreateInput(spec, ctx);
      } catch (e) {
        return e;
      }
      throw new Error('accepted');
    };
    expect(bad({ kind: 'storage', ...base, regionId: 'peer.nowhere', sizeGiB: 1 })).toMatchObject({ kind: 'invalid', location: { pointer: '/regionId' } });
    expect(bad({ kind: 'compute', ...base, offerId: 'peer.fr-par:huge' })).toMatchObject({ kind: 'invalid', location: { pointer: '/offerId' } });
    expect(bad({ kind: 'compute', ...base, offerId: 'peer.fr-par:small', image: 'windows' })).toMatchObject({ kind: 'invalid', location: { pointer: '/image' } });
    expect(bad({ kind: 'compute', ...base, offerId: 'peer.fr-par:small', sshKey: 'ssh-ed25519 AAAA' })).toMatchObject({ kind: 'invalid', location: { pointer: '/sshKey' } });
    const noStorage = createServerModel({ ...categories, kinds: categories.kinds.filter((k) => k.term !== 'storage') });
    expect(() => toCreateInput({ kind: 'storage', ...base, sizeGiB: 1 }, { ...ctx, model: noStorage })).toThrow(expect.objectContaining({ kind: 'unsupported' }));
  });
});

describe('toProvisioned', () => {
  const entity: ResourceData = {
    id: 'abc',
    kind: KIND.compute,
    mixins: [`${ACCORDS_REGION_SCHEME}fr-par`, `${T}small`],
    title: 'web',
    summary: 'accords-connector provider=peer key=key-00000001',
    attributes: { 'occi.compute.state': 'active', 'occi.compute.cores': 1, 'x.list': ['a'] as unknown as string },
    links: [{ id: 'l', kind: KIND.networkinterface, mixins: [], attributes: { 'occi.networkinterface.address': '10.0.0.5' }, source: { location: '/compute/abc' }, target: { location: '/network/n' } }],
    location: 'http://peer.internal/compute/abc',
  };

  it('maps location, title, mixins, state, marker and addresses', () => {
    expect(toProvisioned(entity, { providerId: 'peer', kind: 'compute', catalogue, createdAt: '2026-01-01T00:00:00.000Z' })).toEqual({
      id: '/compute/abc',
      providerId: 'peer',
      regionId: 'peer.fr-par',
      kind: 'compute',
      name: 'web',
      state: 'active',
      offerId: 'peer.fr-par:small',
      attributes: { 'occi.compute.state': 'active', 'occi.compute.cores': 1, 'x.list': '["a"]' },
      addresses: ['10.0.0.5'],
      createdAt: '2026-01-01T00:00:00.000Z',
      idempotencyKey: 'key-00000001',
    });
  });

  it('names an untitled resource after its location and reports a vendor state as pending', () => {
    const r = toProvisioned({ ...entity, title: undefined, summary: 'hand-made', attributes: { 'occi.compute.state': 'booting' } }, { providerId: 'peer', kind: 'compute', catalogue, createdAt: '2026-01-01T00:00:00.000Z' });
    expect(r).toMatchObject({ name: 'abc', state: 'pending' });
    expect(r.idempotencyKey).toBeUndefined();
  });

  it('keeps paths and reduces absolute locations to their path', () => {
    expect(pathOf('/compute/1')).toBe('/compute/1');
    expect(pathOf('https://h:9/compute/1?x=1')).toBe('/compute/1?x=1');
  });
});
