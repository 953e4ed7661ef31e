import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { STRUCTURES } from '../render/structures';
import { OCCI_JSON_SCHEMA, validateJsonSchema } from './json-schema';

describe('the corrected OCCI 1.2 JSON schema', () => {
  it('compiles in ajv strict mode, for every structure', () => {
    for (const s of STRUCTURES) expect(() => validateJsonSchema(s, null)).not.toThrow();
    expect(OCCI_JSON_SCHEMA.$id).toBe('https://schemas.accords.dev/occi/occi-1.2.json');
  });

  it('fixes the published flaws: a $ref without "/" does not compile, and a top-level anyOf of optional-member objects accepts anything', () => {
    // The published schema's shape, reduced: refs like "#definitions/x" and a catch-all anyOf.
    const flawed = { definitions: { x: { type: 'object', properties: { kinds: { type: 'array' } } } }, anyOf: [{ $ref: '#definitions/x' }] };
    expect(() => new Ajv().compile(flawed)).toThrow();
    const fixedRefOnly = { definitions: flawed.definitions, anyOf: [{ $ref: '#/definitions/x' }] };
    expect(new Ajv().compile(fixedRefOnly)({ anything: 'goes' })).toBe(true);
    for (const s of ['resource', 'link', 'action', 'mixin', 'categories', 'collection'] as const) {
      expect(validateJsonSchema(s, { anything: 'goes' }).ok, s).toBe(false);
    }
  });

  it('reports errors as JSON pointers', () => {
    const r = validateJsonSchema('mixin', { term: 'a b', scheme: 'http://x#', location: 1, extra: true });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => i.location?.pointer).sort()).toEqual(['/extra', '/location', '/term']);
  });
});
