import { describe, expect, it } from 'vitest';
import { OcciError } from '../errors';
import { parse } from '../render/codec';
import { KIND } from '../standard/schemes';

function error(body: string, structure: Parameters<typeof parse>[0] = 'resource', schema = false): OcciError {
  try {
    parse(structure, 'application/occi+json', { headers: {}, body }, schema ? { jsonValidation: 'schema' } : {});
  } catch (e) {
    if (e instanceof OcciError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('application/occi+json parsing', () => {
  it('reports JSON syntax errors with line and column', () => {
    const e = error('{\n  "kind": "x",\n  "id": oops\n}');
    expect(e.code).toBe('parse_error');
    expect(e.location).toMatchObject({ line: 3 });
    expect(e.location?.column).toBeGreaterThan(0);
  });

  it('reports structure errors as JSON pointers, with both validators', () => {
    for (const schema of [false, true]) {
      const e = error(JSON.stringify({ kind: KIND.compute, id: 'c', attributes: { 'occi.compute.cores': 2 }, links: [{ kind: KIND.storagelink, id: 'l' }] }), 'resource', schema);
      expect(e.code).toBe('schema_violation');
      expect(e.status).toBe(400);
      expect(e.location).toEqual({ pointer: '/links/0/target' });
      expect(error(JSON.stringify({ kind: 'compute', id: 'c' }), 'resource', schema).location).toEqual({ pointer: '/kind' });
      expect(error(JSON.stringify({ kind: KIND.compute, id: 'c', attribute: {} }), 'resource', schema).location).toEqual({ pointer: '/attribute' });
      expect(error(JSON.stringify({ kind: KIND.compute, id: 'c', attributes: { 'bad name': 1 } }), 'resource', schema).location).toEqual({ pointer: '/attributes/bad name' });
      expect(error('{}', 'action', schema).location).toEqual({ pointer: '/action' });
      expect(error('[1]', 'locations', schema).code).toBe('schema_violation');
    }
  });

  it('lifts occi.core.* found in attributes into their fields, and refuses contradictions', () => {
    const r = parse('resource', 'application/occi+json', {
      headers: {},
      body: JSON.stringify({ kind: KIND.compute, id: 'c', attributes: { 'occi.core.title': 't', 'occi.core.summary': 's', 'occi.compute.cores': 1 } }),
    });
    expect(r).toEqual({ id: 'c', kind: KIND.compute, mixins: [], title: 't', summary: 's', attributes: { 'occi.compute.cores': 1 }, links: [] });
    const e = error(JSON.stringify({ kind: KIND.compute, id: 'c', attributes: { 'occi.core.id': 'other' } }));
    expect(e.code).toBe('conflict');
    expect(e.location).toEqual({ pointer: '/attributes/occi.core.id', attribute: 'occi.core.id' });
    const link = parse('link', 'application/occi+json', {
      headers: {},
      body: JSON.stringify({ kind: KIND.storagelink, id: 'l', source: '/c/1', target: { location: '/s/1' }, attributes: { 'occi.core.target': '/s/1' } }),
    });
    expect(link.target).toEqual({ location: '/s/1' });
  });

  it('reads entities, collections, locations and associations', () => {
    const link = { kind: KIND.storagelink, id: 'l', source: { location: '/c/1' }, target: { location: '/s/1' } };
    expect(parse('entity', 'application/json', { headers: {}, body: JSON.stringify(link) })).toMatchObject({ source: { location: '/c/1' } });
    expect(parse('entity', 'application/json', { headers: {}, body: JSON.stringify({ kind: KIND.storage, id: 's' }) })).toMatchObject({ links: [] });
    expect(parse('collection', 'application/occi+json', { headers: {}, body: JSON.stringify({ links: [link] }) })).toMatchObject({ resources: [], links: [{ id: 'l' }] });
    expect(parse('locations', 'application/occi+json', { headers: {}, body: '["/a/1","/a/2"]' })).toEqual(['/a/1', '/a/2']);
    expect(parse('association', 'application/occi+json', { headers: {}, body: '{"locations":["/a/1"]}' })).toEqual(['/a/1']);
  });

  it('refuses a link without source at top level, but not inside a resource', () => {
    expect(error(JSON.stringify({ kind: KIND.storagelink, id: 'l', target: '/s' }), 'link').location).toEqual({ pointer: '/source' });
  });
});
