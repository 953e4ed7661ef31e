import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkManifest } from './check-manifest';
import { findDependsOnCycle } from './graph';
import { minimalManifest } from '../../test/fixtures';
import type { Manifest } from '../types';

const codes = (m: Manifest) => checkManifest(m).map((i) => [i.code, i.location.pointer]);

describe('checkManifest', () => {
  it('finds nothing wrong with a sound manifest', () => {
    expect(checkManifest(minimalManifest())).toEqual([]);
  });

  it('reports duplicate node, service and volume names', () => {
    const m = minimalManifest();
    m.nodes[1]!.name = 'app';
    m.services = [{ name: 'db', manifest: './db.yaml' }, { name: 'db', manifest: './db2.yaml' }];
    m.nodes[0]!.storage = [
      { name: 'data', sizeGiB: 1 },
      { name: 'data', sizeGiB: 2 },
    ];
    expect(codes(m)).toEqual([
      ['duplicate-name', '/nodes/0/storage/1/name'],
      ['duplicate-name', '/nodes/1/name'],
      ['duplicate-name', '/services/1/name'],
    ]);
  });

  it('reports unknown nodes in relations, groups and guarantees, naming the known ones', () => {
    const m = minimalManifest();
    m.relations = [{ from: 'app', to: 'cache', type: 'connects-to', trafficGBPerMonth: 1 }];
    m.groups = [{ name: 'g', policy: 'anti-affinity', scope: 'region', nodes: ['app', 'web'] }];
    m.terms.guarantees = [
      { name: 'up', metric: 'availability', comparator: 'ge', target: 99, window: 'P30D', obligated: 'provider', nodes: ['api'] },
    ];
    const issues = checkManifest(m);
    expect(issues.map((i) => i.location.pointer)).toEqual(['/relations/0/to', '/groups/0/nodes/1', '/terms/guarantees/0/nodes/0']);
    expect(issues[0]!.message).toContain('Known nodes and services: app, db.');
  });

  it('lets relations reach nested services but keeps groups to compute nodes', () => {
    const m = minimalManifest();
    m.services = [{ name: 'auth', manifest: 'https://example.org/auth.yaml' }];
    m.relations = [{ from: 'app', to: 'auth', type: 'depends-on' }];
    expect(checkManifest(m)).toEqual([]);
    m.groups = [{ name: 'g', policy: 'affinity', scope: 'region', nodes: ['auth'] }];
    expect(codes(m)).toEqual([['unknown-node', '/groups/0/nodes/0']]);
  });

  it('reports a depends-on cycle with its path', () => {
    const m = minimalManifest();
    m.nodes.push({ name: 'cache', cores: 1, memoryGiB: 1 });
    m.relations = [
      { from: 'app', to: 'db', type: 'depends-on' },
      { from: 'db', to: 'cache', type: 'depends-on' },
      { from: 'cache', to: 'app', type: 'depends-on' },
      { from: 'app', to: 'cache', type: 'connects-to' },
    ];
    const [issue] = checkManifest(m);
    expect(issue).toMatchObject({ code: 'depends-on-cycle', location: { pointer: '/relations/2' } });
    expect(issue!.message).toContain('app → db → cache → app');
  });

  it('reports self relations and traffic on depends-on', () => {
    const m = minimalManifest();
    m.relations = [
      { from: 'app', to: 'app', type: 'connects-to' },
      { from: 'db', to: 'app', type: 'depends-on', trafficGBPerMonth: 3 },
    ];
    expect(codes(m)).toEqual([
      ['self-relation', '/relations/0/to'],
      ['traffic-on-depends-on', '/relations/1/trafficGBPerMonth'],
    ]);
  });

  it('reports impossible batch windows and scaling bounds', () => {
    const m = minimalManifest();
    m.nodes[0]!.batch = { durationHours: 2, earliestStart: '2026-05-02T00:00:00Z', deadline: '2026-05-01T00:00:00Z' };
    m.nodes[1]!.batch = { durationHours: 30, earliestStart: '2026-05-01T00:00:00Z', deadline: '2026-05-02T00:00:00Z' };
    m.nodes[1]!.count = { initial: 3, min: 4, max: 2 };
    m.terms.effectiveFrom = '2027-01-01T00:00:00Z';
    m.terms.effectiveUntil = '2026-01-01T00:00:00Z';
    const issues = checkManifest(m);
    expect(issues.map((i) => [i.code, i.location.pointer])).toEqual([
      ['impossible-window', '/nodes/0/batch/deadline'],
      ['window-too-short', '/nodes/1/batch/deadline'],
      ['count-bounds', '/nodes/1/count/min'],
      ['count-bounds', '/nodes/1/count/max'],
      ['impossible-window', '/terms/effectiveUntil'],
    ]);
    expect(issues[1]!.message).toContain('24 h long, shorter than the 30 h');
  });

  it('reports unknown countries and empty jurisdiction sets', () => {
    const m = minimalManifest();
    m.terms.jurisdiction = { allowed: ['EU', 'QQ'], forbidden: ['EU', 'QQ'] };
    expect(codes(m)).toEqual([
      ['unknown-country', '/terms/jurisdiction/allowed/1'],
      ['unknown-country', '/terms/jurisdiction/forbidden/1'],
      ['empty-jurisdiction', '/terms/jurisdiction'],
    ]);
  });

  it('reports a node whose own jurisdiction contradicts the terms', () => {
    const m = minimalManifest();
    m.terms.jurisdiction = { allowed: ['EEA'] };
    m.nodes[1]!.jurisdiction = { allowed: ['CH', 'US'] };
    expect(codes(m)).toEqual([['empty-jurisdiction', '/nodes/1/jurisdiction']]);
    m.nodes[1]!.jurisdiction = { allowed: ['CH', 'NO'] };
    expect(checkManifest(m)).toEqual([]);
  });

  it('requires an allowed jurisdiction for confidential and restricted data', () => {
    const m = minimalManifest();
    m.nodes[1]!.dataClassification = 'confidential';
    expect(codes(m)).toEqual([['unrestricted-confidential-data', '/nodes/1/dataClassification']]);
    m.terms.dataClassification = 'restricted';
    expect(codes(m)).toEqual([
      ['unrestricted-confidential-data', '/terms/dataClassification'],
      ['unrestricted-confidential-data', '/nodes/1/dataClassification'],
    ]);
    m.terms.jurisdiction = { allowed: ['DE'] };
    expect(checkManifest(m)).toEqual([]);
  });

  it('reports contradictory groups and anti-affinity the jurisdictions cannot satisfy', () => {
    const m = minimalManifest();
    m.nodes[0]!.count = { initial: 3 };
    m.terms.jurisdiction = { allowed: ['DE', 'FR'] };
    m.groups = [
      { name: 'near', policy: 'affinity', scope: 'region', nodes: ['app', 'db'] },
      { name: 'apart', policy: 'anti-affinity', scope: 'region', nodes: ['db', 'app'] },
      { name: 'countries', policy: 'anti-affinity', scope: 'jurisdiction', nodes: ['app'] },
    ];
    expect(codes(m)).toEqual([
      ['conflicting-groups', '/groups/1'],
      ['impossible-anti-affinity', '/groups/2'],
    ]);
  });

  it('reports remedies without value, amounts without currency, bad targets, all providers denied, users without place', () => {
    const m = minimalManifest();
    m.terms.guarantees = [
      { name: 'a', metric: 'availability', comparator: 'ge', target: 101, window: 'P1D', obligated: 'provider', remedy: { type: 'credit' } },
      { name: 'b', metric: 'latency', comparator: 'le', target: 50, window: 'PT1H', obligated: 'provider', remedy: { type: 'penalty', amount: 10 } },
    ];
    m.terms.providers = { allow: ['x'], deny: ['x'] };
    m.terms.latency = { maxMs: 50, users: [{ name: 'nowhere' }] };
    expect(codes(m)).toEqual([
      ['remedy-without-value', '/terms/guarantees/0/remedy'],
      ['target-out-of-range', '/terms/guarantees/0/target'],
      ['missing-currency', '/terms/guarantees/1/remedy/amount'],
      ['empty-provider-set', '/terms/providers'],
      ['missing-location', '/terms/latency/users/0'],
    ]);
  });
});

describe('findDependsOnCycle', () => {
  it('finds a cycle exactly when a topological order does not exist', () => {
    const edges = fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 })), { maxLength: 20 });
    fc.assert(
      fc.property(edges, (pairs) => {
        const m = minimalManifest();
        m.nodes = Array.from({ length: 8 }, (_, i) => ({ name: `n${i}`, cores: 1, memoryGiB: 1 }));
        m.relations = pairs.map(([a, b]) => ({ from: `n${a}`, to: `n${b}`, type: 'depends-on' as const }));
        // Kahn's algorithm as the reference.
        const indegree = new Map(m.nodes.map((n) => [n.name, 0]));
        for (const [, b] of pairs) indegree.set(`n${b}`, indegree.get(`n${b}`)! + 1);
        const queue = [...indegree].filter(([, d]) => d === 0).map(([n]) => n);
        let seen = 0;
        while (queue.length) {
          const n = queue.pop()!;
          seen++;
          for (const [a, b] of pairs)
            if (`n${a}` === n) {
              indegree.set(`n${b}`, indegree.get(`n${b}`)! - 1);
              if (indegree.get(`n${b}`) === 0) queue.push(`n${b}`);
            }
        }
        const found = findDependsOnCycle(m);
        expect(found !== undefined).toBe(seen < 8);
        if (found) {
          expect(found.cycle[0]).toBe(found.cycle.at(-1));
          for (let i = 0; i + 1 < found.cycle.length; i++)
            expect(pairs.some(([a, b]) => `n${a}` === found.cycle[i] && `n${b}` === found.cycle[i + 1])).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
