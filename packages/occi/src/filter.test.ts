import { describe, expect, it } from 'vitest';
import { matchesFilter, parseFilter } from './filter';
import { parseFilterMessage } from './text/filter-message';
import type { LinkData, ResourceData } from './model/entity';
import { KIND, MIXIN } from './standard/schemes';

const vm: ResourceData = { id: 'vm1', kind: KIND.compute, mixins: [MIXIN.osTpl], title: 'web server', attributes: { 'occi.compute.cores': 2, 'occi.compute.hostname': 'web-1' }, links: [] };
const nic: LinkData = { id: 'n1', kind: KIND.networkinterface, mixins: [], attributes: {}, source: { location: '/compute/vm1' }, target: { location: '/network/n' } };

describe('parseFilter', () => {
  it('reads category and attribute parameters, repeated or not', () => {
    expect(parseFilter(new URLSearchParams('category=compute&attribute=occi.compute.cores=2&attribute=web'))).toEqual({
      categories: ['compute'],
      attributes: [{ name: 'occi.compute.cores', value: '2' }, { value: 'web' }],
    });
    expect(parseFilter({ category: [KIND.compute, KIND.storage], attribute: 'occi.core.title="web server"' })).toEqual({
      categories: [KIND.compute, KIND.storage],
      attributes: [{ name: 'occi.core.title', value: 'web server' }],
    });
    expect(parseFilter({})).toEqual({ categories: [], attributes: [] });
  });

  it('rejects non-string and empty parameters', () => {
    expect(() => parseFilter({ category: [1] })).toThrow(expect.objectContaining({ code: 'parse_error', location: { attribute: 'category' } }));
    expect(() => parseFilter(new URLSearchParams('category='))).toThrow(/empty/);
  });
});

describe('matchesFilter', () => {
  it('matches entities on kind, mixins and attributes, core ones included', () => {
    expect(matchesFilter({ categories: [], attributes: [] }, vm)).toBe(true);
    expect(matchesFilter(parseFilter({ category: 'compute' }), vm)).toBe(true);
    expect(matchesFilter(parseFilter({ category: MIXIN.osTpl }), vm)).toBe(true);
    expect(matchesFilter(parseFilter({ category: 'storage' }), vm)).toBe(false);
    expect(matchesFilter(parseFilter({ attribute: 'occi.compute.cores=2' }), vm)).toBe(true);
    expect(matchesFilter(parseFilter({ attribute: 'occi.compute.cores=3' }), vm)).toBe(false);
    expect(matchesFilter(parseFilter({ attribute: 'occi.core.title=web server' }), vm)).toBe(true);
    expect(matchesFilter(parseFilter({ attribute: 'web-1' }), vm)).toBe(true);
    expect(matchesFilter(parseFilter({ attribute: 'occi.core.source=/compute/vm1' }), nic)).toBe(true);
    expect(matchesFilter(parseFilter({ category: 'compute', attribute: 'nothing' }), vm)).toBe(false);
  });

  it('matches categories (query interface) on identifier or term', () => {
    expect(matchesFilter(parseFilter({ category: 'compute' }), { scheme: 'http://schemas.ogf.org/occi/infrastructure#', term: 'compute' })).toBe(true);
    expect(matchesFilter(parseFilter({ category: KIND.storage }), { scheme: 'http://schemas.ogf.org/occi/infrastructure#', term: 'compute' })).toBe(false);
  });
});

describe('parseFilterMessage', () => {
  it('reads Category and X-OCCI-Attribute filters of a text request', () => {
    const f = parseFilterMessage('text/occi', {
      headers: { Category: `compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"`, 'X-OCCI-Attribute': 'occi.compute.cores=2, occi.core.title="web server"' },
      body: 'OK',
    });
    expect(f).toEqual({ categories: [KIND.compute], attributes: [{ name: 'occi.compute.cores', value: '2' }, { name: 'occi.core.title', value: 'web server' }] });
    expect(matchesFilter(f, vm)).toBe(true);
    expect(parseFilterMessage('text/plain', { headers: {}, body: 'X-OCCI-Attribute: occi.compute.cores=4' }).attributes).toEqual([{ name: 'occi.compute.cores', value: '4' }]);
    expect(parseFilterMessage('application/occi+json', { headers: {}, body: '{}' })).toEqual({ categories: [], attributes: [] });
    expect(() => parseFilterMessage('text/plain', { headers: {}, body: 'X-OCCI-Attribute: nothing' })).toThrow(expect.objectContaining({ code: 'parse_error', location: expect.objectContaining({ line: 1 }) }));
  });
});
