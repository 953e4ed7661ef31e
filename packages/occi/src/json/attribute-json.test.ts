import { describe, expect, it } from 'vitest';
import type { AttributeSpec } from '../model/attribute-definition';
import { DATETIME_PATTERN, INTEGER_PATTERN, URI_PATTERN, specFromJson, specToJson } from './attribute-json';

describe('attribute definitions in JSON', () => {
  it('uses only JSON types, carrying enum, integer, uri and datetime in the pattern', () => {
    expect(specToJson({ type: 'enum', enum: ['x86', 'x64'] })).toEqual({ type: 'string', mutable: true, required: false, pattern: '^(?:x86|x64)$' });
    expect(specToJson({ type: 'integer', required: true })).toEqual({ type: 'number', mutable: true, required: true, pattern: INTEGER_PATTERN });
    expect(specToJson({ type: 'uri' }).pattern).toBe(URI_PATTERN);
    expect(specToJson({ type: 'datetime' }).pattern).toBe(DATETIME_PATTERN);
    expect(specToJson({ type: 'string', pattern: '^a+$', default: 'aa', description: 'd', mutable: false })).toEqual({ type: 'string', mutable: false, required: false, pattern: '^a+$', default: 'aa', description: 'd' });
  });

  it.each<AttributeSpec>([
    { type: 'enum', enum: ['a.b', 'c|d', 'e-f', '(g)', ''], mutable: true, required: false },
    { type: 'integer', mutable: false, required: true, default: 3 },
    { type: 'uri', mutable: true, required: false },
    { type: 'datetime', mutable: true, required: false, description: 'when' },
    { type: 'string', pattern: '^(?:a|b+)$', mutable: true, required: false },
    { type: 'object', mutable: true, required: false, default: { a: [1] } },
  ])('reads back what it renders: %j', (spec) => {
    expect(specFromJson(specToJson(spec))).toEqual(spec);
  });

  it('applies the JSON rendering defaults (type string, mutable and required false) and accepts Accords type names', () => {
    expect(specFromJson({} as never)).toEqual({ type: 'string', mutable: false, required: false });
    expect(specFromJson({ type: 'enum', enum: ['a'] })).toEqual({ type: 'enum', enum: ['a'], mutable: false, required: false });
    expect(specFromJson({ type: 'string', enum: ['a'] }).type).toBe('enum');
  });
});
