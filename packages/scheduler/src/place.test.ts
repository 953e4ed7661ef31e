import { readFileSync } from 'node:fs';
import { demoCatalogue, demoSignals, parseManifest, validate, type Manifest } from '@accords/model';
import { describe, expect, it } from 'vitest';
import { SchedulerError } from './errors';
import { place, placeWithReport } from './place';
import { PlacementIndex } from './placement-index';

const NOW = '2026-03-02T00:00:00Z';
const catalogue = demoCatalogue();
const signals = demoSignals({ from: NOW, hours: 72 });
const index = PlacementIndex.fromModel(catalogue);

function example(name: string): Manifest {
  const text = readFileSync(new URL(`../../../docs/examples/${name}.yaml`, import.meta.url), 'utf8');
  return parseManifest(text, { format: 'yaml' });
}

describe('place on the demo catalogue', () => {
  const cases = [
    { name: 'web-shop', now: NOW, hours: 48 },
    { name: 'hpc-batch', now: '2026-11-30T00:00:00Z', hours: 24 * 16 },
    { name: 'ha-three-region', now: NOW, hours: 48 },
    { name: 'confidential-analytics', now: NOW, hours: 48 },
  ];
  for (const { name, now, hours } of cases) {
    it(`places docs/examples/${name}.yaml completely, in a plan the model accepts`, () => {
      const manifest = example(name);
      const { plan, report } = placeWithReport({ manifest, index, signals: demoSignals({ from: now, hours }), now });
      expect(report.unplaced.map((u) => u.message)).toEqual([]);
      const v = validate('PlacementPlan', plan);
      expect(v.ok ? [] : v.issues).toEqual([]);
      const wanted = manifest.nodes.reduce((s, n) => s + (n.count?.initial ?? 1), 0);
      expect(plan.decisions.length + report.unplaced.reduce((s, u) => s + u.instances, 0)).toBe(wanted);
      for (const d of plan.decisions) {
        expect(d.reason.length).toBeGreaterThan(20);
        expect(d.scores.total).toBeGreaterThanOrEqual(0);
      }
      expect(report.solver.lowerBound).toBeLessThanOrEqual(report.solver.objective + 1e-9);
    });
  }

  it('keeps confidential data and its provider in the allowed jurisdictions', () => {
    const manifest = example('confidential-analytics');
    const plan = place({ manifest, index, signals, now: NOW });
    const allowed = manifest.terms.jurisdiction?.allowed ?? manifest.nodes.flatMap((n) => n.jurisdiction?.allowed ?? []);
    const regions = new Map(catalogue.regions.map((r) => [r.id, r]));
    for (const d of plan.decisions) expect(allowed).toContain(regions.get(d.regionId)!.country);
  });

  it('spreads anti-affinity groups over distinct scopes', () => {
    const manifest = example('ha-three-region');
    const plan = place({ manifest, index, signals, now: NOW });
    for (const g of manifest.groups ?? []) {
      if (g.policy !== 'anti-affinity') continue;
      const ds = plan.decisions.filter((d) => g.nodes.includes(d.node));
      const key = (d: (typeof ds)[number]) => (g.scope === 'region' ? d.regionId : g.scope === 'provider' ? d.providerId : catalogue.regions.find((r) => r.id === d.regionId)!.country);
      expect(new Set(ds.map(key)).size).toBe(ds.length);
    }
  });

  it('gives a batch node the lowest-carbon start in its window', () => {
    const nodes = [{ name: 'job', cores: 4, memoryGiB: 8, batch: { durationHours: 3, deadline: '2026-03-03T12:00:00Z' } }];
    const { plan } = placeWithReport({ nodes, terms: { objectives: { carbon: 1 } }, index, signals, now: NOW });
    const d = plan.decisions[0]!;
    expect(d.start).toBeDefined();
    const region = catalogue.regions.find((r) => r.id === d.regionId)!;
    const series = signals.find((s) => s.zone === region.zone && s.metric === 'carbon-intensity')!;
    const vals = series.points.map((p) => p.value);
    const mean = (i: number) => (vals[i]! + vals[i + 1]! + vals[i + 2]!) / 3;
    const chosen = (Date.parse(d.start!) - Date.parse(NOW)) / 3_600_000;
    for (let i = 0; i + 3 <= 36; i++) expect(mean(chosen)).toBeLessThanOrEqual(mean(i) + 1e-9);
  });

  it('explains an unplaceable node filter by filter', () => {
    const nodes = [{ name: 'giant', cores: 1000, memoryGiB: 16 }, { name: 'arm', cores: 2, memoryGiB: 4, architecture: 'arm64' as const }];
    const plan = place({ nodes, terms: { jurisdiction: { allowed: ['JP'] } }, index, signals, now: NOW });
    const giant = plan.unplaced.find((u) => u.node === 'giant')!;
    expect(giant.filters[0]!.filter).toBe('resources');
    expect(giant.filters.reduce((s, f) => s + f.removed, 0)).toBe(catalogue.offers.length);
    expect(giant.reason).toMatch(/no offer of \d+ passes every filter/);
  });

  it('gives identical unplaceable nodes the same diagnosis under their own names', () => {
    const nodes = [{ name: 'g1', cores: 1000, memoryGiB: 16 }, { name: 'g2', cores: 1000, memoryGiB: 16, count: { initial: 2 } }];
    const { report } = placeWithReport({ nodes, index, signals, now: NOW });
    expect(report.unplaced.map((u) => [u.nodeId, u.instances])).toEqual([['g1', 1], ['g2', 2]]);
    const [a, b] = report.unplaced;
    expect({ ...b!, nodeId: 'g1', instances: 1 }).toEqual(a);
    expect(b!.removedBy).not.toBe(a!.removedBy);
  });

  it('rejects bad input with a JSON pointer', () => {
    const bad = () => place({ nodes: [{ name: 'a', cores: -1, memoryGiB: 1 }], index, signals, now: NOW });
    expect(bad).toThrow(SchedulerError);
    try {
      bad();
    } catch (e) {
      expect((e as SchedulerError).location.pointer).toBe('/nodes/0/cores');
      expect((e as SchedulerError).status).toBe(422);
    }
  });

  it('lets plugins filter and score', () => {
    const nodes = [{ name: 'web', cores: 2, memoryGiB: 4 }];
    const base = place({ nodes, index, signals, now: NOW }).decisions[0]!;
    const filtered = place({ nodes, index, signals, now: NOW, plugins: { filters: [{ name: 'not-that-provider', filter: (v) => v.provider.id !== base.providerId }] } }).decisions[0]!;
    expect(filtered.providerId).not.toBe(base.providerId);
    const scored = place({ nodes, index, signals, now: NOW, plugins: { scorers: [{ name: 'prefer-arm', weight: 10, score: (v) => (v.offer.architecture === 'arm64' ? 0 : 1) }] } });
    expect(scored.decisions.length).toBe(1);
  });
});
