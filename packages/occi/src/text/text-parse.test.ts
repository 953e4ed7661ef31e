import { describe, expect, it } from 'vitest';
import { OcciError } from '../errors';
import { parse } from '../render/codec';
import { ACTION, KIND, MIXIN } from '../standard/schemes';
import { createStandardModel } from '../standard/standard-model';

const model = createStandardModel();
const INFRA = 'http://schemas.ogf.org/occi/infrastructure#';

function catch_(fn: () => unknown): OcciError {
  try {
    fn();
  } catch (e) {
    if (e instanceof OcciError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('text parsing is liberal', () => {
  it('reads text/occi headers in any case, repeated or comma-joined, and both forms give the same entity', () => {
    const joined = parse('resource', 'text/occi', {
      headers: {
        category: `compute; scheme="${INFRA}"; class="kind", os_tpl; scheme="${INFRA}"; class="mixin"`,
        'X-OCCI-ATTRIBUTE': 'occi.core.id="c1", occi.core.title="a, \\"quoted\\" title", occi.compute.cores=2',
      },
      body: 'OK',
    });
    const repeated = parse('resource', 'text/occi', {
      headers: {
        Category: [`compute; scheme="${INFRA}"; class="kind"`, `os_tpl; scheme="${INFRA}"; class="mixin"`],
        'x-occi-attribute': ['occi.core.id="c1"', 'occi.core.title="a, \\"quoted\\" title"', 'occi.compute.cores=2'],
      },
      body: '',
    });
    expect(joined).toEqual(repeated);
    expect(joined).toEqual({ id: 'c1', kind: KIND.compute, mixins: [MIXIN.osTpl], title: 'a, "quoted" title', attributes: { 'occi.compute.cores': 2 }, links: [] });
  });

  it('accepts quoted or bare class, any parameter order, a trailing ; and unknown parameters', () => {
    const a = parse('categories', 'text/plain', { headers: {}, body: `Category: compute; scheme="${INFRA}"; class="kind";\n` });
    const b = parse('categories', 'text/plain', { headers: {}, body: `Category: compute; foo=bar; class=KIND; scheme="${INFRA}"` });
    expect(a).toEqual(b);
    expect(a.kinds).toEqual([{ scheme: INFRA, term: 'compute' }]);
  });

  it('accepts OCCI 1.1 related= and classifies a mixin rel by what it refers to', () => {
    const c = parse('mixin', 'text/plain', { headers: {}, body: `Category: small; scheme="http://x.org/tpl#"; class="mixin"; related="${MIXIN.resourceTpl} ${KIND.compute}"; location="/tpl/small/"` }, { model });
    expect(c).toEqual({ scheme: 'http://x.org/tpl#', term: 'small', depends: [MIXIN.resourceTpl], applies: [KIND.compute], location: '/tpl/small/' });
  });

  it('reads the category class from the model when it is missing', () => {
    const r = parse('resource', 'text/plain', { headers: {}, body: `Category: os_tpl; scheme="${INFRA}"\nCategory: compute; scheme="${INFRA}"\nX-OCCI-Attribute: occi.core.id="x"` }, { model });
    expect(r.kind).toBe(KIND.compute);
    expect(r.mixins).toEqual([MIXIN.osTpl]);
  });

  it('types attribute values with the model, and by their form without it', () => {
    const body = `Category: compute; scheme="${INFRA}"; class="kind"\nX-OCCI-Attribute: occi.core.id="1"\nX-OCCI-Attribute: occi.compute.cores="4"\nX-OCCI-Attribute: occi.compute.hostname=web01\nX-OCCI-Attribute: occi.compute.memory=2.\nX-OCCI-Attribute: x.list=[1,"a"]\nX-OCCI-Attribute: x.flag=true\nX-OCCI-Attribute: x.none=null`;
    expect(parse('resource', 'text/plain', { headers: {}, body }, { model }).attributes).toEqual({
      'occi.compute.cores': 4,
      'occi.compute.hostname': 'web01',
      'occi.compute.memory': 2,
      'x.list': [1, 'a'],
      'x.flag': true,
      'x.none': null,
    });
    expect(parse('resource', 'text/plain', { headers: {}, body }).attributes['occi.compute.cores']).toBe('4');
  });

  it('reads links, action links, and a link entity with source and target', () => {
    const body = [
      `Category: compute; scheme="${INFRA}"; class="kind"`,
      `Link: </network/n1>; rel="${KIND.network}"; self="/networkinterface/l1"; category="${KIND.networkinterface} ${MIXIN.ipnetworkinterface}"; occi.networkinterface.interface="eth0"; occi.networkinterface.address="10.0.0.1"`,
      `Link: </compute/c1?action=stop>; rel="${ACTION.compute.stop}"`,
      'X-OCCI-Attribute: occi.core.id="c1"',
    ].join('\n');
    const r = parse('entity', 'text/plain', { headers: {}, body }, { model });
    expect(r).toMatchObject({ id: 'c1', actions: [ACTION.compute.stop] });
    expect('links' in r && r.links[0]).toEqual({
      id: 'l1',
      kind: KIND.networkinterface,
      mixins: [MIXIN.ipnetworkinterface],
      attributes: { 'occi.networkinterface.interface': 'eth0', 'occi.networkinterface.address': '10.0.0.1' },
      source: { location: '', kind: KIND.compute },
      target: { location: '/network/n1', kind: KIND.network },
      location: '/networkinterface/l1',
    });
    const link = parse('entity', 'text/plain', {
      headers: {},
      body: `Category: storagelink; scheme="${INFRA}"; class="kind"\nX-OCCI-Attribute: occi.core.id="l2", occi.core.source="/compute/c1", occi.core.target="/storage/s1", occi.core.target.kind="${KIND.storage}", occi.storagelink.deviceid="ide:0:0"`,
    });
    expect(link).toEqual({ id: 'l2', kind: KIND.storagelink, mixins: [], attributes: { 'occi.storagelink.deviceid': 'ide:0:0' }, source: { location: '/compute/c1' }, target: { location: '/storage/s1', kind: KIND.storage } });
  });

  it('reads X-OCCI-Location lists from headers or body, and an action invocation', () => {
    expect(parse('locations', 'text/occi', { headers: { 'X-OCCI-Location': '/compute/1, /compute/2' }, body: 'OK' })).toEqual(['/compute/1', '/compute/2']);
    expect(parse('association', 'text/plain', { headers: {}, body: 'X-OCCI-Location: /compute/1\nx-occi-location: http://h/compute/2\n' })).toEqual(['/compute/1', 'http://h/compute/2']);
    expect(parse('action', 'text/plain', { headers: {}, body: `Category: stop; scheme="http://schemas.ogf.org/occi/infrastructure/compute/action#"; class="action"\nX-OCCI-Attribute: method="graceful"` })).toEqual({
      action: ACTION.compute.stop,
      attributes: { method: 'graceful' },
    });
  });

  it('falls back to the other place when the expected one is empty (text/plain in headers, text/occi in body)', () => {
    expect(parse('locations', 'text/plain', { headers: { 'X-OCCI-Location': '/a/' }, body: '' })).toEqual(['/a/']);
    expect(parse('locations', 'text/occi', { headers: {}, body: 'X-OCCI-Location: /b/' })).toEqual(['/b/']);
  });
});

describe('text parsing errors say where', () => {
  it('gives line and column in a text/plain body', () => {
    const e = catch_(() => parse('resource', 'text/plain', { headers: {}, body: `Category: compute; scheme="${INFRA}"; class="kind"\nX-OCCI-Attribute: occi.core.id="x\n` }));
    expect(e.code).toBe('parse_error');
    expect(e.location).toMatchObject({ line: 2, header: 'X-OCCI-Attribute' });
    const e2 = catch_(() => parse('resource', 'text/plain', { headers: {}, body: `Category: compute; scheme="${INFRA}"; class="kind"\nX-OCCI-Attribute: =3` }));
    expect(e2.location).toMatchObject({ line: 2, column: 19 });
  });

  it('rejects bad categories and structures', () => {
    expect(catch_(() => parse('categories', 'text/plain', { headers: {}, body: 'Category: compute; class="kind"' })).message).toMatch(/scheme is required/);
    expect(catch_(() => parse('categories', 'text/plain', { headers: {}, body: 'Category: compute; scheme="http://x#"; class="thing"' })).location).toMatchObject({ line: 1, column: 40 });
    expect(catch_(() => parse('categories', 'text/plain', { headers: {}, body: 'Category: compute; scheme="http://x#"' })).message).toMatch(/class is required/);
    expect(catch_(() => parse('resource', 'text/plain', { headers: {}, body: 'X-OCCI-Attribute: a=1' })).code).toBe('missing_attribute');
    expect(catch_(() => parse('resource', 'text/plain', { headers: {}, body: `Category: a; scheme="http://x#"; class="kind"\nCategory: b; scheme="http://x#"; class="kind"` })).message).toMatch(/exactly one kind/);
    expect(catch_(() => parse('link', 'text/plain', { headers: {}, body: `Category: a; scheme="http://x#"; class="kind"` })).location).toMatchObject({ attribute: 'occi.core.source' });
    expect(catch_(() => parse('resource', 'text/plain', { headers: {}, body: `Category: a; scheme="http://x#"; class="kind"\nLink: /no-brackets; rel="x"` })).message).toMatch(/expected <uri>/);
    expect(catch_(() => parse('collection', 'text/plain', { headers: {}, body: '' })).status).toBe(415);
    expect(catch_(() => parse('resource', 'text/plain', { headers: {}, body: `Category: a; scheme="http://x#"; class="kind"\nX-OCCI-Attribute: x.j=[1,` })).message).toMatch(/invalid JSON/);
  });
});
