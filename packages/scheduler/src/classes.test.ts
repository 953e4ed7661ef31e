import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equivalenceClasses, nodeSignature } from './classes';
import type { NodeInput } from './types';

const nodeArb: fc.Arbitrary<Omit<NodeInput, 'id'>> = fc.record(
  {
    cores: fc.constantFrom(0, 1, 2, 2.5),
    memoryGiB: fc.constantFrom(1, 2, 4),
    architecture: fc.constantFrom('x86_64', 'amd64', 'ARM64', 'arm64'),
    gpus: fc.oneof(fc.constantFrom(0, 1), fc.record({ count: fc.constantFrom(0, 1), model: fc.constantFrom('', 'A100') }, { requiredKeys: ['count'] })),
    powerWatts: fc.constantFrom(0, 150),
    share: fc.constantFrom('', 'shared', 'dedicated') as fc.Arbitrary<NodeInput['share']>,
    dataClassification: fc.constantFrom('', 'public', 'confidential') as fc.Arbitrary<NodeInput['dataClassification']>,
    jurisdictions: fc.record({ allow: fc.constant(['EU']) }, { requiredKeys: [] }),
    count: fc.constantFrom(1, 2),
  },
  { requiredKeys: ['cores', 'memoryGiB'] },
);

describe('equivalenceClasses', () => {
  it('groups exactly the nodes whose signatures are equal, in first-met order', () => {
    fc.assert(
      fc.property(fc.array(nodeArb, { maxLength: 30 }), fc.array(fc.nat(29), { maxLength: 3 }), (raw, pick) => {
        const nodes: NodeInput[] = raw.map((n, i) => ({ ...n, id: `n${i}` }));
        const distinct = new Set(pick.map((i) => `n${i}`));
        const expected = new Map<string, string[]>();
        for (const n of nodes) {
          const sig = distinct.has(n.id) ? `#${n.id}` : nodeSignature(n);
          const list = expected.get(sig) ?? [];
          const count = typeof n.count === 'number' ? n.count : 1;
          for (let i = 0; i < count; i++) list.push(`${n.id}#${i}`);
          expected.set(sig, list);
        }
        const got = equivalenceClasses(nodes, distinct).map((c) => c.members.map((m) => `${m.nodeId}#${m.instance}`));
        expect(got).toEqual([...expected.values()]);
      }),
      { numRuns: 300 },
    );
  });
});
