import { demoCatalogue, demoSignals, type ManifestNode, type Offer } from '@accords/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { place } from '../place';
import { PlacementIndex } from '../placement-index';
import { proposeMoves, Replanner } from './replanner';
import type { RunningInstance } from './types';

const NOW = '2026-06-01T00:00:00Z';
const signals = demoSignals({ from: NOW, hours: 48 });
const nodes: ManifestNode[] = [
  { name: 'web', cores: 2, memoryGiB: 4, count: { initial: 3 } },
  { name: 'db', cores: 4, memoryGiB: 16 },
];
const terms = { objectives: { price: 0.5, carbon: 0.5 } };

function running(catalogue = demoCatalogue()): RunningInstance[] {
  const plan = place({ nodes, terms, ...catalogue, signals, now: NOW });
  return plan.decisions.map((d) => ({ instanceId: `${d.node}-${d.replica}`, node: d.node, offerId: d.offerId }));
}

/** The worst offer each running instance could be on (same shape family), to create savings. */
function badPlacement(catalogue = demoCatalogue()): RunningInstance[] {
  const pick = (n: ManifestNode) => catalogue.offers.filter((o) => o.vcpu >= n.cores && o.memoryGiB >= n.memoryGiB && o.market === 'on-demand' && o.gpus === 0 && o.architecture === 'x86_64' && o.share !== 'dedicated').sort((a, b) => b.pricePerHour - a.pricePerHour || (a.id < b.id ? -1 : 1))[0]!;
  return nodes.flatMap((n) => Array.from({ length: n.count?.initial ?? 1 }, (_, k) => ({ instanceId: `${n.name}-${k}`, node: n.name, offerId: pick(n).id })));
}

describe('re-placement', () => {
  it('proposes nothing when the placement is already the best', () => {
    const r = proposeMoves({ nodes, terms, ...demoCatalogue(), signals, now: NOW, running: running() });
    expect(r.moves).toEqual([]);
    expect(r.considered).toBe(4);
  });

  it('moves a badly placed fleet, and every move pays for itself by the margin', () => {
    const r = proposeMoves({ nodes, terms, ...demoCatalogue(), signals, now: NOW, running: badPlacement(), options: { horizonHours: 24 * 30 } });
    expect(r.moves.length).toBeGreaterThan(0);
    for (const m of r.moves) {
      expect(m.horizonSaving).toBeGreaterThan(1.2 * m.migrationCost);
      expect(m.from.offerId).not.toBe(m.to.offerId);
    }
  });

  it('does not move when the state to copy costs more than the saving', () => {
    const heavy = badPlacement().map((x) => ({ ...x, dataGB: 1e7 }));
    expect(proposeMoves({ nodes, terms, ...demoCatalogue(), signals, now: NOW, running: heavy }).moves).toEqual([]);
  });

  it('respects the churn limit, counting moves of the last hour', () => {
    const r = proposeMoves({
      nodes, terms, ...demoCatalogue(), signals, now: NOW, running: badPlacement(),
      options: { horizonHours: 24 * 30, churnLimitPerHour: 3, recentMoves: [{ at: '2026-05-31T23:30:00Z' }, { at: '2026-05-31T20:00:00Z' }] },
    });
    expect(r.moves.length).toBe(2);
    expect(r.deferredByChurn).toBeGreaterThan(0);
  });

  it('forces a move off an offer that now breaks the terms', () => {
    const run = running();
    const r = proposeMoves({ nodes, terms: { ...terms, providers: { deny: [demoCatalogue().offers.find((o) => o.id === run[0]!.offerId)!.providerId] } }, ...demoCatalogue(), signals, now: NOW, running: run });
    expect(r.moves.some((m) => m.forced && m.reason.includes('provider'))).toBe(true);
  });

  it('incremental updates give the same proposal as a fresh start', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ k: fc.nat(), f: fc.double({ min: 0.2, max: 3, noNaN: true }) }), { minLength: 1, maxLength: 40 }), (changes) => {
        const catalogue = demoCatalogue();
        const index = PlacementIndex.fromModel(catalogue);
        const run = badPlacement(catalogue);
        const live = new Replanner({ nodes, terms, index, signals, now: NOW, running: run, options: { horizonHours: 200 } });
        const offerChanges = changes.map(({ k, f }) => {
          const o = catalogue.offers[k % catalogue.offers.length]!;
          return { offerId: o.id, pricePerHour: Math.round(o.pricePerHour * f * 1e4) / 1e4 };
        });
        live.updateOffers(offerChanges);
        const changed: Offer[] = structuredClone(catalogue.offers);
        const byId = new Map(changed.map((o) => [o.id, o]));
        for (const c of offerChanges) byId.get(c.offerId)!.pricePerHour = c.pricePerHour;
        const fresh = new Replanner({ nodes, terms, ...catalogue, offers: changed, signals, now: NOW, running: run, options: { horizonHours: 200 } });
        expect(live.proposeMoves()).toEqual(fresh.proposeMoves());
      }),
      { numRuns: 25 },
    );
  });
});

describe('re-placement regression', () => {
  it('keeps a node-level jurisdiction when proposing moves', () => {
    const euNodes: ManifestNode[] = [{ name: 'eu', cores: 2, memoryGiB: 4, count: { initial: 2 }, jurisdiction: { allowed: ['DE'] } }];
    const catalogue = demoCatalogue();
    const regions = new Map(catalogue.regions.map((r) => [r.id, r]));
    const plan = place({ nodes: euNodes, terms, ...catalogue, signals, now: NOW });
    const run = plan.decisions.map((d) => ({ instanceId: `${d.node}-${d.replica}`, node: d.node, offerId: d.offerId }));
    const cheap = catalogue.offers.map((o) => ({ offerId: o.id, pricePerHour: regions.get(o.regionId)!.country === 'DE' ? o.pricePerHour : 0 }));
    const r = new Replanner({ nodes: euNodes, terms, ...catalogue, signals, now: NOW, running: run, options: { horizonHours: 1000 } });
    r.updateOffers(cheap);
    for (const m of r.proposeMoves().moves) expect(regions.get(m.to.regionId)!.country).toBe('DE');
  });
});

describe('re-placement horizon', () => {
  it('a long hold with a long-run mean that favours the current offer holds back a forecast-driven move', () => {
    const run = badPlacement();
    const catalogue = demoCatalogue();
    const carbonOnly = { objectives: { carbon: 1 } };
    const short = proposeMoves({ nodes, terms: carbonOnly, ...catalogue, signals, now: NOW, running: run, options: { horizonHours: 24, churnLimitPerHour: 100 } });
    expect(short.moves.length).toBeGreaterThan(0);
    const zones = new Map(catalogue.regions.map((r) => [r.id, r.zone]));
    const from = new Set(run.map((x) => zones.get(catalogue.offers.find((o) => o.id === x.offerId)!.regionId)!));
    const climatology = [...new Set(catalogue.regions.map((r) => r.zone))].map((zone) => ({ zone, gPerKWh: from.has(zone) ? 1 : 5000 }));
    const long = proposeMoves({ nodes, terms: carbonOnly, ...catalogue, signals, now: NOW, running: run, options: { horizonHours: 24, holdHours: 24 * 365, climatology, churnLimitPerHour: 100 } });
    expect(long.moves.filter((m) => !from.has(zones.get(m.to.regionId)!))).toEqual([]);
  });
});
