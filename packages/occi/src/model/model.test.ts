import { describe, expect, it } from 'vitest';
import { OcciError } from '../errors';
import { KIND, MIXIN, ACTION, OCCI_INFRA } from '../standard/schemes';
import { createStandardModel } from '../standard/standard-model';
import { Kind, Mixin } from './category';
import { Model } from './model';

describe('Model registry', () => {
  it('registers and looks up by identifier and location', () => {
    const model = createStandardModel();
    expect(model.getKind(KIND.compute)?.location).toBe('/compute/');
    expect(model.getMixin(KIND.compute)).toBeUndefined();
    expect(model.getAction(ACTION.compute.start)?.term).toBe('start');
    expect(model.findByLocation('/storage/')?.id).toBe(KIND.storage);
    expect(model.findByLocation('http://example.com/storage/')?.id).toBe(KIND.storage);
    expect(model.kinds().length).toBeGreaterThan(10);
  });

  it('rejects a second registration of an identifier or location with conflict (409)', () => {
    const model = createStandardModel();
    expect(() => model.register(new Kind({ scheme: OCCI_INFRA, term: 'compute' }))).toThrow(expect.objectContaining({ code: 'conflict', status: 409 }));
    expect(() => model.register(new Kind({ scheme: 'http://x.org/a#', term: 'vm', location: '/compute/' }))).toThrow(/already bound/);
  });

  it('resolves attributes through parent and depends, the most specific definition winning', () => {
    const model = createStandardModel();
    model.register(new Mixin({ scheme: 'http://x.org/tpl#', term: 'small', depends: [MIXIN.resourceTpl], applies: [KIND.compute], location: '/tpl/small/', attributes: { 'occi.compute.cores': { type: 'integer', default: 1 } } }));
    const attrs = model.attributesOf({ kind: KIND.compute, mixins: ['http://x.org/tpl#small'] });
    expect([...attrs.keys()]).toEqual(expect.arrayContaining(['occi.core.id', 'occi.core.title', 'occi.core.summary', 'occi.compute.state']));
    expect(attrs.get('occi.compute.cores')?.default).toBe(1);
    expect(model.isTemplate('http://x.org/tpl#small')).toBe(true);
    expect(model.isTemplate(MIXIN.resourceTpl)).toBe(false);
    expect(model.actionsOf({ kind: KIND.compute, mixins: [] })).toContain(ACTION.compute.save);
    expect(model.kindChain(KIND.networkinterface).map((k) => k.term)).toEqual(['networkinterface', 'link', 'entity']);
    expect(model.isKindOf(KIND.storagelink, KIND.link)).toBe(true);
    expect(model.isKindOf(KIND.storagelink, KIND.resource)).toBe(false);
  });

  it('adds and removes user mixins; provider mixins are forbidden (403)', () => {
    const model = createStandardModel();
    const tag = model.addUserMixin({ scheme: 'http://example.com/occi/my_stuff#', term: 'my_stuff', location: '/my_stuff/' });
    expect(tag.tag).toBe(true);
    expect(model.isUserDefined(tag.id)).toBe(true);
    expect(() => model.addUserMixin({ scheme: 'http://example.com/occi/my_stuff#', term: 'my_stuff', location: '/other/' })).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => model.addUserMixin({ scheme: 'http://e.com/a#', term: 'b', location: 'nope' })).toThrow(expect.objectContaining({ code: 'parse_error', location: { attribute: 'location' } }));
    expect(() => model.addUserMixin({ scheme: 'http://e.com/a#', term: 'c', location: '/c/', depends: ['http://e.com/a#missing'] })).toThrow(expect.objectContaining({ code: 'unknown_category' }));
    expect(() => model.removeUserMixin(MIXIN.osTpl)).toThrow(expect.objectContaining({ code: 'forbidden', status: 403 }));
    expect(() => model.removeUserMixin('http://e.com/a#none')).toThrow(expect.objectContaining({ code: 'not_found' }));
    model.removeUserMixin(tag.id);
    expect(model.get(tag.id)).toBeUndefined();
  });

  it('clone() layers a tenant model over the shared one', () => {
    const shared = createStandardModel();
    const tenant = shared.clone();
    const mine = tenant.addUserMixin({ scheme: 'http://t.org/tags#', term: 'blue', location: '/tags/blue/' });
    expect(tenant.get(mine.id)).toBe(mine);
    expect(shared.get(mine.id)).toBeUndefined();
    expect(tenant.getKind(KIND.compute)).toBe(shared.getKind(KIND.compute));
    expect(tenant.stateMachineOf(KIND.compute)?.attribute).toBe('occi.compute.state');
    const sharedTag = shared.addUserMixin({ scheme: 'http://t.org/tags#', term: 'green', location: '/tags/green/' });
    expect(tenant.isUserDefined(sharedTag.id)).toBe(true);
    tenant.removeUserMixin(sharedTag.id);
    expect(tenant.get(sharedTag.id)).toBeUndefined();
    expect(shared.get(sharedTag.id)).toBe(sharedTag);
    expect(tenant.mixins().some((m) => m.id === sharedTag.id)).toBe(false);
  });

  it('invalidates resolved attributes when a parent layer changes', () => {
    const shared = new Model().registerAll({ kinds: [{ scheme: 'http://schemas.ogf.org/occi/core#', term: 'resource' }] });
    const tenant = shared.clone();
    expect(tenant.attributesOf({ kind: 'http://schemas.ogf.org/occi/core#resource', mixins: ['http://m.org/x#y'] }).size).toBe(0);
    shared.register(new Mixin({ scheme: 'http://m.org/x#', term: 'y', attributes: { a: { type: 'string' } } }));
    expect(tenant.attributesOf({ kind: 'http://schemas.ogf.org/occi/core#resource', mixins: ['http://m.org/x#y'] }).has('a')).toBe(true);
  });

  it('rejects malformed categories', () => {
    expect(() => new Kind({ scheme: 'no-hash', term: 'x' })).toThrow(OcciError);
    expect(() => new Kind({ scheme: 'http://a#', term: 'bad term' })).toThrow(/term/);
    expect(() => new Kind({ scheme: 'http://a#', term: 'x', attributes: { 'bad name': { type: 'string' } } })).toThrow(/attribute name/);
  });

  it('exports the model as data and filters it', () => {
    const model = createStandardModel({ extensions: ['infrastructure'] });
    expect(model.getKind(KIND.agreement)).toBeUndefined();
    const c = model.toCollection((cat) => cat.scheme === OCCI_INFRA);
    expect(c.kinds.map((k) => k.term).sort()).toEqual(['compute', 'network', 'networkinterface', 'storage', 'storagelink']);
    expect(c.actions).toEqual([]);
  });
});
