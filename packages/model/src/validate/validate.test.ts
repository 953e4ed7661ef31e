import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validate, validateManifest } from './validate';
import { minimalManifest } from '../../test/fixtures';

const issuesOf = (input: unknown) => {
  const r = validateManifest(input);
  if (r.ok) throw new Error('expected issues');
  return r.issues;
};

describe('validateManifest', () => {
  it('accepts a minimal manifest and returns it unchanged', () => {
    const m = minimalManifest();
    const r = validateManifest(m);
    expect(r).toEqual({ ok: true, value: m });
  });

  it('rejects a non-object with a root pointer', () => {
    expect(issuesOf('hello')).toEqual([{ code: 'type', message: 'Expected an object, found a string.', location: { pointer: '' } }]);
  });

  it('points at a missing required property and says what it is', () => {
    const m = minimalManifest() as unknown as { nodes: Record<string, unknown>[] };
    delete m.nodes[1]!.memoryGiB;
    expect(issuesOf(m)).toEqual([
      {
        code: 'required',
        message: 'The property "memoryGiB" is required (Memory per instance in GiB).',
        location: { pointer: '/nodes/1/memoryGiB' },
      },
    ]);
  });

  it('suggests the right name for an unknown property', () => {
    const m = minimalManifest() as unknown as { nodes: Record<string, unknown>[] };
    m.nodes[0]!.cpus = 2;
    m.nodes[1]!.memoryGib = 2;
    const issues = issuesOf(m);
    expect(issues.map((i) => [i.location.pointer, i.message])).toEqual([
      ['/nodes/0/cpus', 'Unknown property "cpus"; did you mean "cores"?'],
      ['/nodes/1/memoryGib', 'Unknown property "memoryGib"; did you mean "memoryGiB"?'],
    ]);
  });

  it('lists the allowed values of an enumeration and explains a pattern', () => {
    const m = minimalManifest();
    (m.nodes[0] as { architecture: string }).architecture = 'x86';
    m.terms = { jurisdiction: { allowed: ['Germany'] } };
    const issues = issuesOf(m);
    expect(issues).toContainEqual({
      code: 'enum',
      message: '"x86" is not allowed; use one of: x86_64, arm64.',
      location: { pointer: '/nodes/0/architecture' },
    });
    expect(issues.find((i) => i.code === 'pattern')).toMatchObject({
      location: { pointer: '/terms/jurisdiction/allowed/0' },
      message: expect.stringContaining('ISO 3166-1 alpha-2'),
    });
  });

  it('explains a bad label key', () => {
    const m = minimalManifest();
    m.labels = { 'bad key': 'x' };
    expect(issuesOf(m)).toEqual([
      {
        code: 'additionalProperties',
        message: '"bad key" is not a valid key here. Expected: Free-form labels (key → value).',
        location: { pointer: '/labels/bad key' },
      },
    ]);
  });

  it('reports every problem at once, each with its pointer', () => {
    const m = minimalManifest() as unknown as Record<string, unknown>;
    m.apiVersion = 'v2';
    (m.nodes as Record<string, unknown>[])[0]!.cores = -1;
    (m.terms as Record<string, unknown>).effectiveFrom = 'tomorrow';
    const pointers = issuesOf(m).map((i) => i.location.pointer);
    expect(pointers).toEqual(['/apiVersion', '/nodes/0/cores', '/terms/effectiveFrom']);
  });

  it('runs the semantic checks once the schema passes', () => {
    const m = minimalManifest();
    m.relations = [{ from: 'app', to: 'nope', type: 'depends-on' }];
    expect(issuesOf(m)[0]).toMatchObject({ code: 'unknown-node', location: { pointer: '/relations/0/to' } });
  });

  it('never throws and always gives pointers into the input, whatever the input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = validateManifest(value);
        if (r.ok) return;
        for (const issue of r.issues) {
          expect(issue.location.pointer === '' || issue.location.pointer.startsWith('/')).toBe(true);
          expect(issue.message.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('accepts generated sound manifests and rejects them when a required field goes', () => {
    const node = fc.record({
      cores: fc.integer({ min: 1, max: 256 }),
      memoryGiB: fc.double({ min: 0.5, max: 1024, noNaN: true }),
      architecture: fc.constantFrom('x86_64', 'arm64'),
    });
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 8 }), fc.nat(), (nodes, pick) => {
        const m = { ...minimalManifest(), nodes: nodes.map((n, i) => ({ name: `n${i}`, ...n })) };
        expect(validateManifest(m).ok).toBe(true);
        const victim = pick % nodes.length;
        const broken = structuredClone(m) as { nodes: Record<string, unknown>[] };
        delete broken.nodes[victim]!.cores;
        expect(issuesOf(broken)).toContainEqual(
          expect.objectContaining({ code: 'required', location: { pointer: `/nodes/${victim}/cores` } }),
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe('validate', () => {
  it('validates any model type by name', () => {
    const r = validate('SignalPoint', {
      zone: 'FR',
      metric: 'carbon-intensity',
      start: '2026-01-01T00:00:00Z',
      duration: 3600,
      value: 42,
      unit: 'gCO2e/kWh',
      kind: 'forecast',
      source: 'test',
      generatedAt: '2026-01-01T00:00:00Z',
    });
    expect(r.ok).toBe(true);
  });

  it('tells resource specs apart by kind and names the missing field of that kind', () => {
    const base = { idempotencyKey: 'key-000001', regionId: 'r1', name: 'vol' };
    expect(validate('ResourceSpec', { kind: 'storage', ...base, sizeGiB: 10 }).ok).toBe(true);
    const r = validate('ResourceSpec', { kind: 'storage', ...base });
    expect(r).toEqual({
      ok: false,
      issues: [{ code: 'required', message: 'The property "sizeGiB" is required (Size in GiB).', location: { pointer: '/sizeGiB' } }],
    });
    const unknownKind = validate('ResourceSpec', { kind: 'queue', ...base });
    expect(unknownKind.ok || unknownKind.issues[0]).toMatchObject({ code: 'discriminator', location: { pointer: '/kind' } });
  });

  it('refuses an unknown type name', () => {
    expect(() => validate('Nope' as 'Offer', {})).toThrow(TypeError);
  });
});
