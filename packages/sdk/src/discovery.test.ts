import { describe, expect, it } from 'vitest';
import type { CategoryCollection } from '@accords/occi';
import { createServerModel } from './discovery';

const CORE = 'http://schemas.ogf.org/occi/core#';
const INFRA = 'http://schemas.ogf.org/occi/infrastructure#';
const categories: CategoryCollection = {
  kinds: [
    { scheme: CORE, term: 'entity' },
    { scheme: CORE, term: 'resource', parent: `${CORE}entity`, location: '/resource/' },
    { scheme: INFRA, term: 'compute', parent: `${CORE}resource`, location: '/compute/', actions: [`${INFRA}compute/action#start`] },
    { scheme: INFRA, term: 'network', parent: `${CORE}resource`, location: '/network/', actions: [`${INFRA}network/action#up`] },
    { scheme: 'http://x.example/a#', term: 'thing', location: '/a/thing/' },
    { scheme: 'http://x.example/b#', term: 'thing', location: '/b/thing/' },
  ],
  mixins: [{ scheme: INFRA, term: 'os_tpl', location: '/os_tpl/' }, { scheme: 'http://x.example/os#', term: 'debian', depends: [`${INFRA}os_tpl`], location: '/debian/' }],
  actions: [{ scheme: `${INFRA}compute/action#`, term: 'start' }, { scheme: `${INFRA}network/action#`, term: 'up' }, { scheme: `${INFRA}storage/action#`, term: 'start' }],
};

describe('createServerModel', () => {
  const model = createServerModel(categories);

  it('finds categories by identifier or unambiguous term', () => {
    expect(model.kind('compute').location).toBe('/compute/');
    expect(model.kind(`${INFRA}compute`).term).toBe('compute');
    expect(model.mixin('debian').location).toBe('/debian/');
    expect(model.locationOf('debian')).toBe('/debian/');
  });

  it('explains an ambiguous or unknown term', () => {
    expect(() => model.kind('thing')).toThrow(/ambiguous: http:\/\/x.example\/a#thing, http:\/\/x.example\/b#thing/);
    expect(() => model.kind('comput')).toThrow(/no kind "comput" \(did you mean compute\?\)/);
    expect(() => model.kind('compote')).toThrow(/no kind "compote" \(did you mean compute\?\)/);
    expect(() => model.kind('zzz')).toThrow(/no kind "zzz"$/);
    expect(() => model.locationOf('entity')).toThrow(/has no location/);
  });

  it("resolves an action among the kind's own", () => {
    expect(model.action('start', 'compute').scheme).toBe(`${INFRA}compute/action#`);
    expect(() => model.action('start')).toThrow(/ambiguous/);
    expect(() => model.action('up', 'compute')).toThrow(/no action of compute "up"/);
  });

  it('finds the kind of an entity location, and the parent chain', () => {
    expect(model.kindAt('/compute/1')?.term).toBe('compute');
    expect(model.kindAt('http://h:1/b/thing/9')?.scheme).toBe('http://x.example/b#');
    expect(model.kindAt('/compute/')).toBeUndefined();
    expect(model.lineage(`${INFRA}compute`)).toEqual([`${INFRA}compute`, `${CORE}resource`, `${CORE}entity`]);
  });
});
