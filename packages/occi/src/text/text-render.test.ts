import { describe, expect, it } from 'vitest';
import type { LinkData, ResourceData } from '../model/entity';
import { render } from '../render/codec';
import { ACTION, KIND, MIXIN } from '../standard/schemes';
import { createStandardModel } from '../standard/standard-model';

const model = createStandardModel();
const INFRA = 'http://schemas.ogf.org/occi/infrastructure#';

const vm: ResourceData = {
  id: 'c1',
  kind: KIND.compute,
  mixins: [MIXIN.osTpl],
  title: 'say "hi"',
  summary: 'a\\b',
  attributes: { 'occi.compute.cores': 2, 'occi.compute.memory': 1.5, 'occi.compute.state': 'inactive', 'x.list': [1, 'a'] },
  location: '/compute/c1',
  links: [
    {
      id: 'l1',
      kind: KIND.storagelink,
      mixins: [],
      attributes: { 'occi.storagelink.deviceid': 'ide:0:0' },
      source: { location: '/compute/c1', kind: KIND.compute },
      target: { location: '/storage/s1', kind: KIND.storage },
      location: '/storagelink/l1',
    },
  ],
};

describe('text rendering is strict', () => {
  it('renders a resource in the grammar order: categories, links, action links, attributes', () => {
    expect(render('resource', 'text/plain', vm, { model }).body).toBe(
      [
        `Category: compute; scheme="${INFRA}"; class="kind"`,
        `Category: os_tpl; scheme="${INFRA}"; class="mixin"`,
        `Link: </storage/s1>; rel="${KIND.storage}"; self="/storagelink/l1"; category="${KIND.storagelink}"; occi.core.id="l1"; occi.core.source="/compute/c1"; occi.storagelink.deviceid="ide:0:0"`,
        `Link: </compute/c1?action=start>; rel="${ACTION.compute.start}"`,
        `Link: </compute/c1?action=save>; rel="${ACTION.compute.save}"`,
        'X-OCCI-Attribute: occi.core.id="c1"',
        'X-OCCI-Attribute: occi.core.title="say \\"hi\\""',
        'X-OCCI-Attribute: occi.core.summary="a\\\\b"',
        'X-OCCI-Attribute: occi.compute.cores=2',
        'X-OCCI-Attribute: occi.compute.memory=1.5',
        'X-OCCI-Attribute: occi.compute.state="inactive"',
        'X-OCCI-Attribute: x.list=[1,"a"]',
        '',
      ].join('\n'),
    );
  });

  it('puts the same values in headers for text/occi, with OK as the body', () => {
    const r = render('resource', 'text/occi', vm);
    expect(r.contentType).toBe('text/occi');
    expect(r.body).toBe('OK');
    expect(r.headers.Category).toHaveLength(2);
    expect(r.headers['X-OCCI-Attribute']).toContain('occi.compute.cores=2');
    expect(Object.keys(r.headers)).toEqual(['Category', 'Link', 'X-OCCI-Attribute']);
  });

  it('renders a link with its source and target as occi.core attributes', () => {
    const link: LinkData = { ...vm.links[0]!, title: 't' };
    expect(render('link', 'text/plain', link).body.split('\n')).toEqual([
      `Category: storagelink; scheme="${INFRA}"; class="kind"`,
      'X-OCCI-Attribute: occi.core.id="l1"',
      'X-OCCI-Attribute: occi.core.title="t"',
      'X-OCCI-Attribute: occi.core.source="/compute/c1"',
      `X-OCCI-Attribute: occi.core.source.kind="${KIND.compute}"`,
      'X-OCCI-Attribute: occi.core.target="/storage/s1"',
      `X-OCCI-Attribute: occi.core.target.kind="${KIND.storage}"`,
      'X-OCCI-Attribute: occi.storagelink.deviceid="ide:0:0"',
      '',
    ]);
  });

  it('renders the query interface with every parameter, no trailing ;, and a mixin rel as its first depends only', () => {
    const m = model.clone();
    m.addUserMixin({ scheme: 'http://x.org/tpl#', term: 'small', title: 'Small', depends: [MIXIN.resourceTpl, MIXIN.osTpl], applies: [KIND.compute], location: '/tpl/small/' });
    const body = render('categories', 'text/plain', m.toCollection((c) => c.id === KIND.storage || c.id === 'http://x.org/tpl#small' || c.id === ACTION.compute.stop)).body;
    expect(body.split('\n')).toEqual([
      `Category: storage; scheme="${INFRA}"; class="kind"; title="Storage Resource"; rel="http://schemas.ogf.org/occi/core#resource"; location="/storage/"; attributes="occi.storage.size{required} occi.storage.state{required immutable} occi.storage.state.message{immutable}"; actions="http://schemas.ogf.org/occi/infrastructure/storage/action#online http://schemas.ogf.org/occi/infrastructure/storage/action#offline"`,
      `Category: small; scheme="http://x.org/tpl#"; class="mixin"; title="Small"; rel="${MIXIN.resourceTpl}"; location="/tpl/small/"`,
      `Category: stop; scheme="http://schemas.ogf.org/occi/infrastructure/compute/action#"; class="action"; title="Stop the compute instance"; attributes="method"`,
      '',
    ]);
    expect(body).not.toMatch(/;\s*$/m);
  });

  it('renders location lists, collections and action invocations', () => {
    expect(render('locations', 'text/plain', ['/a/1', '/a/2']).body).toBe('X-OCCI-Location: /a/1\nX-OCCI-Location: /a/2\n');
    expect(render('collection', 'text/occi', { resources: [vm], links: [] }).headers).toEqual({ 'X-OCCI-Location': ['/compute/c1'] });
    expect(render('collection', 'text/uri-list', { resources: [vm], links: vm.links }).body).toBe('/compute/c1\n/storagelink/l1\n');
    expect(render('action', 'text/plain', { action: ACTION.compute.stop, attributes: { method: 'acpioff' } }).body).toBe(
      `Category: stop; scheme="http://schemas.ogf.org/occi/infrastructure/compute/action#"; class="action"\nX-OCCI-Attribute: method="acpioff"\n`,
    );
  });

  it('refuses what a rendering cannot carry', () => {
    expect(() => render('resource', 'text/uri-list', vm)).toThrow(expect.objectContaining({ code: 'bad_request', status: 400 }));
    expect(() => render('resource', 'text/plain', { ...vm, kind: 'no-hash' })).toThrow(expect.objectContaining({ code: 'invalid_attribute' }));
    expect(() => render('locations', 'text/plain', ['/a\nX-OCCI-Location: /evil'])).toThrow(/line break/);
    const badTarget = { ...vm, links: [{ ...vm.links[0]!, target: { location: '/a> ; rel="x"' } }] };
    expect(() => render('resource', 'text/occi', badTarget)).toThrow(expect.objectContaining({ code: 'invalid_attribute', location: { attribute: 'occi.core.target' } }));
  });
});
