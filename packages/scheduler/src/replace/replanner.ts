import type { Catalogue } from '../compile/catalogue';
import { failMask, powerOf, totalScore } from '../compile/evaluate';
import { buildQuery, type Query } from '../compile/query';
import { SignalStore } from '../compile/signal-store';
import { buildTermsContext, type TermsContext } from '../compile/terms-context';
import { BIT, FILTER_NAMES } from '../filters/names';
import { coreInputOf } from '../place';
import { withNodePolicy } from '../prepare';
import type { OfferChange, PlacementIndex } from '../placement-index';
import { hourOf, toMs } from '../time/hours';
import type { NodeInput, PlacementGroupInput } from '../types';
import type { Move, MoveOptions, MoveProposal, ReplaceInput } from './types';

const TOP_K = 8;

/** What an update touched. */
export interface RescoreReport {
  offersChanged: number;
  instancesRescored: number;
  classesRequeried: number;
}

/**
 * Keeps a running placement scored against the current offers and signals. An offer change
 * re-scores only the instances on that offer and re-queries only the node classes the offer
 * fits; `proposeMoves` then weighs every worthwhile migration against its cost.
 *
 * @example
 * ```ts
 * const r = new Replanner({ manifest, index, signals, now, running });
 * r.updateOffers([{ offerId: 'x', pricePerHour: 0.5 }]);
 * const { moves } = r.proposeMoves();
 * ```
 */
export class Replanner {
  private readonly cat: Catalogue;
  private readonly index: PlacementIndex;
  private readonly tc: TermsContext;
  private readonly nodes: NodeInput[];
  private readonly queries: Query[];
  private readonly groups: PlacementGroupInput[];
  private readonly classTop: { offer: number; score: number }[][];
  private readonly instIds: string[];
  private readonly instClass: Int32Array;
  private readonly instOffer: Int32Array;
  private readonly instScore: Float64Array;
  private readonly instData: Float64Array;
  private readonly offerStart: Int32Array;
  private readonly offerInsts: Int32Array;
  private readonly now: number;
  private readonly options: MoveOptions;
  private readonly unknown: string[] = [];

  /**
   * @param input - manifest (or nodes, groups, terms), catalogue or index, signals, `now`, running instances
   * @throws SchedulerError when the input is invalid
   */
  constructor(input: ReplaceInput) {
    const core = coreInputOf({ ...input, ...(input.manifest ? { manifest: input.manifest } : {}) });
    this.index = core.index!;
    this.cat = this.index.catalogue;
    this.now = core.now as number;
    this.options = input.options ?? {};
    const horizon = this.options.horizonHours ?? 24;
    this.tc = buildTermsContext({ cat: this.cat, terms: core.terms ?? {}, signals: new SignalStore(core.signals ?? []), fromHour: hourOf(this.now), hours: horizon });
    this.blendClimatology(horizon);
    this.nodes = core.nodes ?? [];
    this.groups = core.groups ?? [];
    const classOf = new Map(this.nodes.map((n, i) => [n.id, i]));
    this.queries = this.nodes.map((node) => {
      const q = buildQuery({ cat: this.cat, tc: this.tc, node, capacity: this.cat.capacity, ...(input.plugins ? { plugins: input.plugins } : {}) });
      q.regionFail = withNodePolicy(this.cat, { tc: this.tc, node, base: q.regionFail });
      return q;
    });
    this.classTop = this.queries.map((q) => this.index.offers.topK(q, TOP_K));
    const keep = input.running.filter((r) => {
      const ok = classOf.has(r.node) && this.cat.offerIdx.has(r.offerId);
      if (!ok) this.unknown.push(r.instanceId);
      return ok;
    });
    const n = keep.length;
    this.instIds = keep.map((r) => r.instanceId);
    this.instClass = Int32Array.from(keep, (r) => classOf.get(r.node)!);
    this.instOffer = Int32Array.from(keep, (r) => this.cat.offerIdx.get(r.offerId)!);
    this.instData = Float64Array.from(keep, (r) => r.dataGB ?? this.options.defaultDataGB ?? 10);
    this.instScore = new Float64Array(n);
    for (let i = 0; i < n; i++) this.instScore[i] = totalScore(this.cat, this.queries[this.instClass[i]!]!, this.instOffer[i]!);
    const count = new Int32Array(this.cat.n + 1);
    for (let i = 0; i < n; i++) count[this.instOffer[i]! + 1]!++;
    for (let o = 0; o < this.cat.n; o++) count[o + 1]! += count[o]!;
    this.offerStart = count.slice();
    this.offerInsts = new Int32Array(n);
    const fill = count.slice(0, this.cat.n);
    for (let i = 0; i < n; i++) this.offerInsts[fill[this.instOffer[i]!]!++] = i;
  }

  /**
   * Beyond the forecast the expected intensity is the long-run mean: over a hold of H hours
   * with F forecast hours, a region's effective intensity is (F x forecast + (H - F) x long-run) / H.
   * The score is linear in it, so ranking by this blend ranks by expected cost over the hold.
   */
  private blendClimatology(forecastHours: number): void {
    const hold = this.options.holdHours ?? forecastHours;
    const clim = new Map((this.options.climatology ?? []).map((c) => [c.zone, c.gPerKWh]));
    if (hold <= forecastHours || clim.size === 0) return;
    const f = forecastHours / hold;
    const marginal = this.tc.scoringMetric === 'carbon-marginal';
    this.cat.regionZone.forEach((zone, r) => {
      const long = clim.get(zone);
      if (long === undefined) return;
      const near = marginal ? this.tc.margIntensity[r]! : this.tc.locIntensity[r]!;
      const blended = Number.isNaN(near) ? long : f * near + (1 - f) * long;
      this.tc.regionFactor[r] = this.cat.pue[r]! * blended;
      if (marginal) this.tc.margIntensity[r] = blended;
      else this.tc.locIntensity[r] = blended;
    });
  }

  /** Number of running instances tracked. */
  get size(): number {
    return this.instIds.length;
  }

  private rescoreOffer(o: number): number {
    let k = 0;
    for (let p = this.offerStart[o]!; p < this.offerStart[o + 1]!; p++) {
      const i = this.offerInsts[p]!;
      this.instScore[i] = totalScore(this.cat, this.queries[this.instClass[i]!]!, o);
      k++;
    }
    return k;
  }

  /**
   * Applies offer changes: re-sorts the touched index cells, re-scores the instances on the
   * changed offers, re-queries the classes whose best offers could change.
   *
   * @param changes - new prices, capacities or availabilities
   * @returns what was touched
   * @throws SchedulerError for an unknown offer or a bad value
   * @example
   * ```ts
   * replanner.updateOffers([{ offerId: 'o-1', pricePerHour: 0.07 }]);
   * ```
   */
  updateOffers(changes: readonly OfferChange[]): RescoreReport {
    const touched = this.index.updateOffers(changes);
    let rescored = 0;
    for (const o of touched) rescored += this.rescoreOffer(o);
    let requeried = 0;
    // A class is re-queried (through the index, exact) only when a changed offer fits its shape.
    const cat = this.cat;
    this.queries.forEach((q, c) => {
      for (const o of touched) {
        if (cat.vcpu[o]! >= q.cores && cat.mem[o]! >= q.mem && cat.gpus[o]! >= q.gpus && cat.arch[o] === q.arch) {
          this.classTop[c] = this.index.offers.topK(q, TOP_K);
          requeried++;
          return;
        }
      }
    });
    return { offersChanged: touched.length, instancesRescored: rescored, classesRequeried: requeried };
  }

  /**
   * Applies new mean carbon intensities (gCO2e/kWh over the horizon, on the terms' basis) for
   * grid zones: re-scores the instances in those zones and re-queries every class.
   *
   * @param changes - zone and intensity
   * @returns what was touched
   * @example
   * ```ts
   * replanner.updateIntensity([{ zone: 'DE', gPerKWh: 180 }]);
   * ```
   */
  updateIntensity(changes: readonly { zone: string; gPerKWh: number }[]): RescoreReport {
    const byZone = new Map(changes.map((c) => [c.zone, c.gPerKWh]));
    const regions = new Set<number>();
    this.cat.regionZone.forEach((z, r) => {
      const v = byZone.get(z);
      if (v === undefined) return;
      regions.add(r);
      this.tc.regionFactor[r] = this.cat.pue[r]! * v;
      if (this.tc.scoringMetric === 'carbon-marginal') this.tc.margIntensity[r] = v;
      else this.tc.locIntensity[r] = v;
    });
    let rescored = 0;
    let offers = 0;
    for (let o = 0; o < this.cat.n; o++) {
      if (!regions.has(this.cat.region[o]!)) continue;
      offers++;
      rescored += this.rescoreOffer(o);
    }
    this.queries.forEach((q, c) => {
      this.classTop[c] = this.index.offers.topK(q, TOP_K);
    });
    return { offersChanged: offers, instancesRescored: rescored, classesRequeried: this.queries.length };
  }

  /**
   * Proposes migrations whose saving over the horizon beats their cost by the margin, best
   * first, within the churn limit; anti-affinity and affinity groups stay satisfied.
   *
   * @param options - overrides of the constructor's move options
   * @returns the moves and what was held back
   * @example
   * ```ts
   * const { moves, deferredByChurn } = replanner.proposeMoves({ churnLimitPerHour: 5 });
   * ```
   */
  proposeMoves(options: MoveOptions = {}): MoveProposal {
    const o = { ...this.options, ...options };
    const H = o.holdHours ?? o.horizonHours ?? 24;
    const margin = o.margin ?? 0.2;
    const cat = this.cat;
    const cap = new Map<number, number>();
    const chosen: { i: number; target: number; score: number; forced: boolean; mask: number; net: number }[] = [];
    const occupancy = this.groupOccupancy();
    const migration = (i: number, target: number) => this.migrationMoney({ i, target, o }) / cat.priceRefPerVcpu;
    for (let i = 0; i < this.instIds.length; i++) {
      const c = this.instClass[i]!;
      const q = this.queries[c]!;
      const cur = this.instOffer[i]!;
      const mask = failMask(cat, q, cur) & ~BIT.capacity;
      const forced = mask !== 0;
      for (const t of this.classTop[c]!) {
        if (t.offer === cur) break;
        if (!forced && t.score >= this.instScore[i]!) break;
        const left = cap.get(t.offer) ?? cat.capacity[t.offer]!;
        if (left < 1 || !this.groupsAllow({ i, target: t.offer, occupancy })) continue;
        const saving = q.size * (this.instScore[i]! - t.score) * H;
        const cost = migration(i, t.offer);
        if (forced || saving > (1 + margin) * cost) {
          chosen.push({ i, target: t.offer, score: t.score, forced, mask, net: saving - cost });
          cap.set(t.offer, left - 1);
          this.occupy({ i, target: t.offer, occupancy });
        }
        break;
      }
    }
    chosen.sort((a, b) => Number(b.forced) - Number(a.forced) || b.net - a.net || (this.instIds[a.i]! < this.instIds[b.i]! ? -1 : 1));
    const hourAgo = this.now - 3_600_000;
    const recent = (o.recentMoves ?? []).filter((m) => {
      const t = toMs(m.at as string | number);
      return t > hourAgo && t <= this.now;
    }).length;
    const allowed = Math.max(0, (o.churnLimitPerHour ?? 10) - recent);
    const moves = chosen.slice(0, allowed).map((m) => this.evaluate({ ...m, targetScore: m.score, H, o }));
    return { moves, considered: this.instIds.length, deferredByChurn: chosen.length - moves.length, unknown: [...this.unknown] };
  }

  private evaluate(a: { i: number; target: number; targetScore: number; forced: boolean; mask: number; H: number; o: MoveOptions }): Move {
    const cat = this.cat;
    const { i, target } = a;
    const q = this.queries[this.instClass[i]!]!;
    const cur = this.instOffer[i]!;
    const money = this.migrationMoney({ i, target, o: a.o });
    const migrationCost = money / cat.priceRefPerVcpu;
    const savingPerHour = q.size * (this.instScore[i]! - a.targetScore);
    const horizonSaving = savingPerHour * a.H;
    const carbon = (o: number) => powerOf(cat, q, o) * cat.pue[cat.region[o]!]! * this.tc.locIntensity[cat.region[o]!]!;
    const view = (o: number) => ({ offerId: cat.offers[o]!.id, regionId: cat.offers[o]!.regionId, providerId: cat.offers[o]!.providerId });
    const failing = FILTER_NAMES.filter((_, b) => a.mask & (1 << b)).join(', ');
    const reason = a.forced
      ? `the current offer now fails ${failing}`
      : `saves ${horizonSaving.toFixed(3)} over ${a.H} h against a migration cost of ${migrationCost.toFixed(3)} (weighted cost units)`;
    return {
      instanceId: this.instIds[i]!, node: this.nodes[this.instClass[i]!]!.id, from: view(cur), to: view(target), forced: a.forced,
      savingPerHour, horizonSaving, migrationCost, netBenefit: horizonSaving - migrationCost,
      priceDeltaPerHour: cat.price[target]! - cat.price[cur]!, carbonDeltaGPerHour: carbon(target) - carbon(cur), migrationMoney: money, reason,
    };
  }

  private migrationMoney(a: { i: number; target: number; o: MoveOptions }): number {
    const cat = this.cat;
    const from = cat.region[this.instOffer[a.i]!]!;
    return this.instData[a.i]! * cat.regionEgress[from]! + (a.o.overlapHours ?? 0.25) * cat.price[a.target]! + ((a.o.downtimeSeconds ?? 30) / 3600) * (a.o.downtimeCostPerHour ?? 0);
  }

  private groupOccupancy(): Map<string, Map<number, number>> {
    const occ = new Map<string, Map<number, number>>();
    for (const g of this.groups) occ.set(g.id, new Map());
    for (let i = 0; i < this.instIds.length; i++) {
      const id = this.nodes[this.instClass[i]!]!.id;
      for (const g of this.groups) {
        if (!g.nodes.includes(id)) continue;
        const v = this.scopeValue(g, this.instOffer[i]!);
        const m = occ.get(g.id)!;
        m.set(v, (m.get(v) ?? 0) + 1);
      }
    }
    return occ;
  }

  private scopeValue(g: PlacementGroupInput, o: number): number {
    if (g.scope === 'region') return this.cat.region[o]!;
    if (g.scope === 'provider') return this.cat.provider[o]!;
    const country = this.cat.regionCountry[this.cat.region[o]!]!;
    return (country.charCodeAt(0) << 8) | country.charCodeAt(1);
  }

  private occupy(a: { i: number; target: number; occupancy: Map<string, Map<number, number>> }): void {
    const id = this.nodes[this.instClass[a.i]!]!.id;
    for (const g of this.groups) {
      if (!g.nodes.includes(id)) continue;
      const m = a.occupancy.get(g.id)!;
      const from = this.scopeValue(g, this.instOffer[a.i]!);
      const to = this.scopeValue(g, a.target);
      m.set(from, (m.get(from) ?? 1) - 1);
      if (m.get(from)! <= 0) m.delete(from);
      m.set(to, (m.get(to) ?? 0) + 1);
    }
  }

  private groupsAllow(a: { i: number; target: number; occupancy: Map<string, Map<number, number>> }): boolean {
    const id = this.nodes[this.instClass[a.i]!]!.id;
    for (const g of this.groups) {
      if (!g.nodes.includes(id)) continue;
      const from = this.scopeValue(g, this.instOffer[a.i]!);
      const to = this.scopeValue(g, a.target);
      if (from === to) continue;
      const m = a.occupancy.get(g.id)!;
      if (g.kind === 'anti-affinity' && (m.get(to) ?? 0) > 0) return false;
      if (g.kind === 'affinity' && (m.size > 1 || (m.get(from) ?? 0) > 1)) return false;
    }
    return true;
  }
}

/**
 * Proposes re-placements ("follow the sun") for a running placement under new signals or
 * prices: a move only when its saving over the remaining horizon beats its cost (state moved x
 * egress price, overlap, downtime) by the margin, at most `churnLimitPerHour` moves an hour.
 *
 * @param input - manifest, catalogue or index, signals, `now`, running instances, options
 * @returns the moves, best first, and what the churn limit held back
 * @throws SchedulerError when the input is invalid
 * @example
 * ```ts
 * const { moves } = proposeMoves({ manifest, ...demoCatalogue(), signals, now, running });
 * ```
 */
export function proposeMoves(input: ReplaceInput): MoveProposal {
  return new Replanner(input).proposeMoves();
}
