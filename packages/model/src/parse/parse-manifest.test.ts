import { describe, expect, it } from 'vitest';
import { AccordsError } from '@accords/occi';
import { parseManifest } from './parse-manifest';
import { ModelError } from '../errors';

function failure(text: string, options?: Parameters<typeof parseManifest>[1]): ModelError {
  try {
    parseManifest(text, options);
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw error;
  }
  throw new Error('expected a ModelError');
}

const YAML = `apiVersion: accords.dev/v1
name: shop
nodes:
  - name: web
    cores: 2
    memoryGiB: 4
  - name: db
    cores: four
    memoryGiB: 16
    jurisdiction:
      allowed: [EU]
terms: {}
`;

describe('parseManifest', () => {
  it('reads YAML and JSON to the same manifest', () => {
    const fromYaml = parseManifest(YAML.replace('four', '4'));
    const fromJson = parseManifest(JSON.stringify(fromYaml, null, 2));
    expect(fromJson).toEqual(fromYaml);
    expect(fromYaml.nodes[1]).toEqual({ name: 'db', cores: 4, memoryGiB: 16, jurisdiction: { allowed: ['EU'] } });
  });

  it('gives the pointer, line and column of a schema violation in YAML', () => {
    const e = failure(YAML, { source: 'shop.yaml' });
    expect(e).toBeInstanceOf(AccordsError);
    expect(e.code).toBe('schema_violation');
    expect(e.status).toBe(400);
    expect(e.location).toEqual({ pointer: '/nodes/1/cores', line: 8, column: 5 });
    expect(e.message).toBe('shop.yaml:8:5: Expected a number, found a string. (at /nodes/1/cores)');
  });

  it('points at the key of an unknown property and at the parent of a missing one', () => {
    const text = YAML.replace('four', '4').replace('    memoryGiB: 4\n', '    ram: 4\n');
    const e = failure(text);
    expect(e.issues.map((i) => i.location)).toEqual([
      { pointer: '/nodes/0/memoryGiB', line: 4, column: 5 },
      { pointer: '/nodes/0/ram', line: 6, column: 5 },
    ]);
    expect(e.issues[1]!.message).toBe('Unknown property "ram"; did you mean "memoryGiB"?');
  });

  it('gives line and column in JSON text too', () => {
    const json = '{\n  "apiVersion": "accords.dev/v1",\n  "name": "x",\n  "nodes": [\n    { "name": "a", "cores": 0, "memoryGiB": 1 }\n  ],\n  "terms": {}\n}';
    const e = failure(json);
    expect(e.location).toEqual({ pointer: '/nodes/0/cores', line: 5, column: 20 });
  });

  it('reports semantic violations with 422 and their position', () => {
    const text = YAML.replace('four', '4') + 'relations:\n  - { from: web, to: cache, type: connects-to }\n';
    const e = failure(text);
    expect(e.code).toBe('semantic_violation');
    expect(e.status).toBe(422);
    expect(e.location).toEqual({ pointer: '/relations/0/to', line: 14, column: 18 });
  });

  it('reports YAML syntax errors and duplicate keys with their line', () => {
    const e = failure('apiVersion: accords.dev/v1\nname: [unclosed\nnodes: []\n');
    expect(e.code).toBe('parse_error');
    expect(e.location?.line).toBeGreaterThanOrEqual(2);
    const dup = failure('name: a\nname: b\n');
    expect(dup.issues[0]).toMatchObject({ code: 'duplicate-key', location: { line: 2, column: 1 } });
  });

  it('reports JSON syntax errors with line and column', () => {
    const e = failure('{\n  "name": "x",\n  "nodes" []\n}', { format: 'json', source: 'm.json' });
    expect(e.code).toBe('parse_error');
    expect(e.location).toMatchObject({ line: 3, column: 11 });
    expect(e.message.startsWith('m.json:3:11: JSON syntax error')).toBe(true);
  });

  it('keeps YAML timestamps as text and refuses alias bombs', () => {
    const m = parseManifest(YAML.replace('four', '4').replace('terms: {}', 'terms:\n  effectiveFrom: 2026-01-01T00:00:00Z'));
    expect(m.terms.effectiveFrom).toBe('2026-01-01T00:00:00Z');
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) bomb.push(`${'b'.repeat(i + 1)}: &${'b'.repeat(i + 1)} [${Array(10).fill(`*${i === 0 ? 'a' : 'b'.repeat(i)}`).join(', ')}]`);
    expect(() => parseManifest(bomb.join('\n'))).toThrow();
  });

  it('serialises to JSON with every issue for the server', () => {
    const json = failure(YAML).toJSON();
    expect(json).toMatchObject({ name: 'ModelError', code: 'schema_violation', status: 400 });
    expect(json.issues).toHaveLength(1);
  });
});
