import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTION, KIND, MIXIN, OcciError, createStandardModel, parse, render, validateJsonSchema } from '../src/index';
import type { LinkData, OcciMessage, ResourceData } from '../src/index';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const model = createStandardModel();
const ID = 'urn:uuid:b9ff813e-fee5-4a9d-b839-673f39746096';

describe('GFD.229 text rendering examples', () => {
  const expected: ResourceData = {
    id: ID,
    kind: KIND.compute,
    mixins: [],
    title: 'My Dummy VM',
    attributes: {
      'occi.compute.architecture': 'x86',
      'occi.compute.state': 'inactive',
      'occi.compute.memory': 2,
      'occi.compute.cores': 2,
      'occi.compute.hostname': 'dummy',
    },
    actions: [ACTION.compute.start],
    links: [],
  };

  it('the OCCI Text Plain Rendering example parses to the compute resource, which is valid for the provider', () => {
    const r = parse('resource', 'text/plain', { headers: {}, body: fixture('gfd229-text-plain-compute.txt') }, { model });
    expect(r).toEqual(expected);
    expect(model.validateEntity(r, { mode: 'create', actor: 'provider' }).ok).toBe(true);
  });

  it('the OCCI Header Rendering example (comma-joined X-OCCI-Attribute, body OK) gives the same resource', () => {
    const message = JSON.parse(fixture('gfd229-text-occi-compute.json')) as OcciMessage;
    expect(parse('resource', 'text/occi', message, { model })).toEqual(expected);
  });

  it('the example as published (no ; before class, backslash continuations) is rejected with a precise error', () => {
    const published = 'Category: compute; \\\n    scheme="http://schemas.ogf.org/occi/infrastructure#" \\\n    class="kind";\n';
    try {
      parse('resource', 'text/plain', { headers: {}, body: published });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(OcciError);
      expect((e as OcciError).location).toMatchObject({ line: 1, header: 'Category' });
    }
  });
});

describe('GFD.185 query interface examples (OCCI 1.1 inputs)', () => {
  it('GET /-/ parses into kinds, actions and a mixin', () => {
    const c = parse('categories', 'text/plain', { headers: {}, body: fixture('gfd185-query-interface.txt') }, { model });
    expect(c.kinds.map((k) => [k.term, k.parent, k.location])).toEqual([
      ['compute', KIND.resource, 'http://example.com/compute/'],
      ['storage', KIND.resource, 'http://example.com/storage/'],
    ]);
    expect(c.kinds[0]!.attributes?.['occi.compute.state']).toEqual({ type: 'enum', enum: ['active', 'inactive', 'suspended', 'error'], required: false, mutable: false });
    expect(c.kinds[1]!.attributes?.['occi.storage.size']).toEqual({ type: 'number', required: true, mutable: true });
    expect(c.kinds[0]!.actions).toContain(ACTION.compute.suspend);
    expect(c.actions.map((a) => a.term)).toEqual(['start', 'stop']);
    expect(c.mixins).toEqual([{ scheme: 'http://example.com/occi/my_stuff#', term: 'my_stuff', location: 'http://example.com/my_stuff/' }]);
    const tenant = model.clone();
    expect(tenant.addUserMixin(c.mixins[0]!).tag).toBe(true);
  });

  it('POST /-/ mixin definition parses; its rel names an unknown mixin, which the model refuses', () => {
    const m = parse('mixin', 'text/plain', { headers: {}, body: fixture('gfd185-mixin-definition.txt') }, { model });
    expect(m).toEqual({ scheme: 'http://example.com/occi/my_stuff#', term: 'my_stuff', depends: ['http://example.com/occi/something_else#mixin'], location: '/my_stuff/' });
    expect(() => model.clone().addUserMixin(m)).toThrow(expect.objectContaining({ code: 'unknown_category', location: { attribute: 'depends' } }));
  });
});

describe('JSON rendering 1.2 examples', () => {
  const json = (name: string) => ({ headers: {}, body: fixture(name) });

  it('every fixture passes the corrected schema (ajv) and the fast validator alike', () => {
    const cases = [
      ['gfd226-resource.json', 'resource'],
      ['gfd226-link.json', 'link'],
      ['gfd226-action-invocation.json', 'action'],
      ['gfd226-kind.json', 'categories'],
      ['gfd226-mixin.json', 'categories'],
      ['gfd226-action.json', 'categories'],
    ] as const;
    for (const [file, structure] of cases) {
      expect(validateJsonSchema(structure, JSON.parse(fixture(file))).ok, file).toBe(true);
      expect(parse(structure, 'application/occi+json', json(file), { jsonValidation: 'schema' })).toEqual(parse(structure, 'application/occi+json', json(file)));
    }
  });

  it('A.1 resource: parses, with its inline link, and validates once the template mixin exists', () => {
    const r = parse('resource', 'application/occi+json', json('gfd226-resource.json'));
    expect(r.links[0]).toEqual({
      id: 'urn:uuid:22fe83ae-a20f-54fc-b436-cec85c94c5e8',
      kind: KIND.storagelink,
      mixins: [],
      attributes: { 'occi.storagelink.deviceid': 'ide:0:1' },
      source: { location: '', kind: KIND.compute },
      target: { location: '/storage/22fe83ae-a20f-54fc-b436-cec85c94c5e8', kind: KIND.storage },
    });
    const tenant = model.clone();
    expect(tenant.validateEntity(r, { mode: 'create', actor: 'provider' }).ok).toBe(false);
    tenant.addUserMixin({ scheme: 'http://example.com/occi/templates#', term: 'myosmixin', depends: [MIXIN.osTpl], applies: [KIND.compute], location: '/templates/myosmixin/', attributes: { 'com.example.occi.templates.myosmixin.myattribute': { type: 'string' } } });
    const v = tenant.validateEntity(r, { mode: 'create', actor: 'provider' });
    expect(v.ok).toBe(true);
    expect(v.ok && v.value.attributes['occi.compute.state']).toBe('inactive');
  });

  it('A.3 link: bare source and target strings are read as locations', () => {
    const l = parse('link', 'application/occi+json', json('gfd226-link.json')) as LinkData;
    expect(l.source).toEqual({ location: '/compute/996ad860-2a9a-504f-8861-aeafd0b2ae29' });
    expect(l.target).toEqual({ location: '/network/b7d55bf4-7057-5113-85c8-141871bf7635' });
    expect(model.validateEntity(l, { mode: 'create', actor: 'provider' }).ok).toBe(true);
  });

  it('A.2 action invocation: stop with method graceful is valid on a compute', () => {
    const a = parse('action', 'application/occi+json', json('gfd226-action-invocation.json'));
    expect(a).toEqual({ action: ACTION.compute.stop, attributes: { method: 'graceful' } });
    expect(model.validateAction(a, { id: 'c', kind: KIND.compute, mixins: [], attributes: {}, links: [] }).ok).toBe(true);
  });

  it('A.4-A.6 kind, mixin and action parse into category data', () => {
    const kind = parse('categories', 'application/occi+json', json('gfd226-kind.json')).kinds[0]!;
    expect(kind.attributes?.['occi.compute.state']).toEqual({ type: 'string', mutable: false, required: true, default: 'inactive', description: 'State the compute resource is in' });
    const mixin = parse('categories', 'application/occi+json', json('gfd226-mixin.json')).mixins[0]!;
    const tenant = model.clone();
    const added = tenant.addUserMixin(mixin);
    expect(tenant.isTemplate(added.id)).toBe(true);
    expect(added.attributes.get('occi.compute.cores')?.default).toBe(2);
    const action = parse('categories', 'application/occi+json', json('gfd226-action.json')).actions[0]!;
    expect(action.attributes?.method).toEqual({ type: 'string', mutable: true, required: false, default: 'poweroff' });
  });

  it('the resource renders back to JSON that parses to the same data', () => {
    const r = parse('resource', 'application/occi+json', json('gfd226-resource.json'));
    const again = render('resource', 'application/occi+json', r);
    expect(parse('resource', 'application/occi+json', { headers: {}, body: again.body })).toEqual(r);
  });
});
