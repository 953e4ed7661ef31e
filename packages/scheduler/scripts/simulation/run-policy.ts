import type { ManifestNode } from '@accords/model';
import { place } from '../../src/place';
import type { PlacementIndex } from '../../src/placement-index';
import { proposeMoves } from '../../src/replace/replanner';
import { batchJobs, STEADY, TERMS, type Scenario } from './fleet';
import { forecastSeries, type YearSignals } from './signals';

/** The three fleets compared. */
export type Policy = 'cheapest' | 'carbon-weighted' | 'shift-and-replace' | 'shift-and-replace, myopic 24 h';

/** What a policy cost over the simulated period. */
export interface Ledger {
  costEUR: number;
  carbonLocationKg: number;
  carbonMarginalKg: number;
  migrations: number;
  migrationCostEUR: number;
  batchJobs: number;
  batchUnplaced: number;
}

const HOUR = 3_600_000;

/** Mean of the first `n` values: the long-run intensity an operator knows from past years. */
function mean(v: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += v[i]!;
  return s / n;
}

/** Charges an instance on offer `o` for hours `[from, to)` with the actual (not forecast) signals. */
function charge(l: Ledger, a: { index: PlacementIndex; y: YearSignals; o: number; from: number; to: number }): void {
  const cat = a.index.catalogue;
  const r = cat.region[a.o]!;
  const zone = cat.regionZone[r]!;
  const kw = cat.powerKW[a.o]! * cat.pue[r]!;
  const loc = a.y.location.get(zone)!;
  const marg = a.y.marginal.get(zone)!;
  for (let h = a.from; h < a.to; h++) {
    l.costEUR += cat.price[a.o]!;
    l.carbonLocationKg += (kw * loc[h]!) / 1000;
    l.carbonMarginalKg += (kw * marg[h]!) / 1000;
  }
}

/**
 * Runs one policy over the period: steady services placed at the start (and, for
 * shift-and-replace, re-placed every `replaceEveryHours` on the forecast), batch jobs placed
 * when released (time-shifted inside their window for shift-and-replace).
 */
export function runPolicy(a: { policy: Policy; index: PlacementIndex; y: YearSignals; replaceEveryHours: number; horizonHours: number; scenario: Scenario }): Ledger {
  const { index, y, policy } = a;
  const cat = index.catalogue;
  const base = policy === 'cheapest' ? TERMS.cheapest : TERMS.carbon;
  const terms = a.scenario.jurisdictions ? { ...base, jurisdiction: { allowed: a.scenario.jurisdictions } } : base;
  const l: Ledger = { costEUR: 0, carbonLocationKg: 0, carbonMarginalKg: 0, migrations: 0, migrationCostEUR: 0, batchJobs: 0, batchUnplaced: 0 };
  const at = (h: number) => y.fromMs + h * HOUR;
  const plan = place({ nodes: STEADY, terms, index, signals: forecastSeries(y, { hour: 0, hours: 24 }), now: at(0) });
  let running = plan.decisions.map((d) => ({ instanceId: `${d.node}-${d.replica}`, node: d.node, offerId: d.offerId, since: 0 }));
  const recent: { at: number }[] = [];
  if (policy.startsWith('shift-and-replace')) {
    const myopic = policy !== 'shift-and-replace';
    const horizon = myopic ? 24 : a.horizonHours;
    const climatology = myopic ? [] : y.zones.map((zone) => ({ zone, gPerKWh: mean(y.location.get(zone)!, y.hours) }));
    for (let h = a.replaceEveryHours; h < y.hours; h += a.replaceEveryHours) {
      const p = proposeMoves({
        nodes: STEADY, terms, index, signals: forecastSeries(y, { hour: h, hours: horizon }), now: at(h), running,
        options: { horizonHours: horizon, holdHours: myopic ? 24 : 24 * 30, climatology, churnLimitPerHour: 4, defaultDataGB: 20, recentMoves: recent.filter((m) => m.at > at(h) - HOUR) },
      });
      for (const m of p.moves) {
        const inst = running.find((r) => r.instanceId === m.instanceId)!;
        charge(l, { index, y, o: cat.offerIdx.get(inst.offerId)!, from: inst.since, to: h });
        inst.offerId = m.to.offerId;
        inst.since = h;
        l.migrations++;
        l.migrationCostEUR += m.migrationMoney;
        l.costEUR += m.migrationMoney;
        recent.push({ at: at(h) });
      }
    }
  }
  for (const r of running) charge(l, { index, y, o: cat.offerIdx.get(r.offerId)!, from: r.since, to: y.hours });
  running = [];
  for (const job of batchJobs({ days: Math.floor(y.hours / 24) - 3, fromMs: y.fromMs })) {
    l.batchJobs++;
    const dur = job.node.batch!.durationHours;
    const shifted = policy.startsWith('shift-and-replace');
    const node: ManifestNode = shifted
      ? { ...job.node, batch: { ...job.node.batch!, earliestStart: new Date(at(job.releaseHour)).toISOString(), deadline: new Date(at(job.releaseHour + job.windowHours)).toISOString() } }
      : { ...job.node, batch: undefined };
    const p = place({ nodes: [node], terms, index, signals: forecastSeries(y, { hour: job.releaseHour, hours: shifted ? job.windowHours : 24 }), now: at(job.releaseHour) });
    const d = p.decisions[0];
    if (!d) {
      l.batchUnplaced++;
      continue;
    }
    const start = d.start ? (Date.parse(d.start) - y.fromMs) / HOUR : job.releaseHour;
    charge(l, { index, y, o: cat.offerIdx.get(d.offerId)!, from: start, to: start + dur });
  }
  return l;
}
