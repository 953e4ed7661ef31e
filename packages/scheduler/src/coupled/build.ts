import type { Catalogue } from '../compile/catalogue';
import { feasible, totalScore } from '../compile/evaluate';
import { SchedulerError } from '../errors';
import type { OfferIndex } from '../index/offer-index';
import type { PreparedClass } from '../prepare';
import type { PlacementGroupInput, QuotaInput, RelationInput } from '../types';
import type { CoupledProblem, InstanceGroup } from './problem';

/** Above this many (class x offer) evaluations, candidates come from the index's top-k. */
const FULL_SCAN_LIMIT = 4_000_000;
const RESTRICTED_K = 128;
const HOURS_PER_MONTH = 730;

/** The coupled problem plus the map back from instances to classes and members. */
export interface BuiltProblem {
  p: CoupledProblem;
  /** Per instance: prepared-class position and member position. */
  origin: { pc: number; member: number }[];
  /** True when candidates were cut to the index's top-k (the unary bound stays valid). */
  restricted: boolean;
}

function candidates(cat: Catalogue, a: { index: OfferIndex; pc: PreparedClass; full: boolean }): { cands: Int32Array; costs: Float64Array } {
  const { q } = a.pc;
  let list: { offer: number; score: number }[];
  if (a.full) {
    list = [];
    for (let o = 0; o < cat.n; o++) if (feasible(cat, q, o)) list.push({ offer: o, score: totalScore(cat, q, o) });
    list.sort((x, y) => x.score - y.score || x.offer - y.offer);
  } else list = a.index.topK(q, RESTRICTED_K);
  return { cands: Int32Array.from(list, (x) => x.offer), costs: Float64Array.from(list, (x) => x.score * q.size) };
}

/**
 * Builds the coupled problem of the given classes: instances, candidates with unary costs,
 * egress edges from connects-to relations, groups, quotas and the budget.
 *
 * @throws SchedulerError when a quota names an unknown provider
 */
export function buildCoupled(a: {
  cat: Catalogue;
  index: OfferIndex;
  classes: readonly PreparedClass[];
  positions: readonly number[];
  relations: readonly RelationInput[];
  groups: readonly PlacementGroupInput[];
  quotas: readonly QuotaInput[];
  budgetPerHour: number;
  egressWeight: number;
}): BuiltProblem {
  const { cat } = a;
  const full = cat.n * a.positions.length <= FULL_SCAN_LIMIT;
  const origin: BuiltProblem['origin'] = [];
  const instClass: number[] = [];
  const byNode = new Map<string, number[]>();
  const cands: Int32Array[] = [];
  const costs: Float64Array[] = [];
  a.positions.forEach((pcPos, c) => {
    const pc = a.classes[pcPos]!;
    const cc = candidates(cat, { index: a.index, pc, full });
    cands.push(cc.cands);
    costs.push(cc.costs);
    pc.cls.members.forEach((m, member) => {
      const i = origin.length;
      origin.push({ pc: pcPos, member });
      instClass.push(c);
      const list = byNode.get(m.nodeId);
      if (list) list.push(i);
      else byNode.set(m.nodeId, [i]);
    });
  });
  const nInst = origin.length;
  const adj: CoupledProblem['adj'] = Array.from({ length: nInst }, () => []);
  for (const r of a.relations) {
    if (r.kind !== 'connects-to' || !(r.trafficGBPerMonth! > 0)) continue;
    const A = byNode.get(r.source) ?? [];
    const B = byNode.get(r.target) ?? [];
    if (A.length === 0 || B.length === 0 || r.source === r.target) continue;
    const gb = r.trafficGBPerMonth! / HOURS_PER_MONTH / (A.length * B.length);
    for (const i of A) for (const j of B) {
      adj[i]!.push({ j, gbPerHour: gb });
      adj[j]!.push({ j: i, gbPerHour: gb });
    }
  }
  const groups: InstanceGroup[] = [];
  const instGroups: number[][] = Array.from({ length: nInst }, () => []);
  for (const g of a.groups) {
    const members = g.nodes.flatMap((id) => byNode.get(id) ?? []);
    if (members.length === 0) continue;
    for (const i of members) instGroups[i]!.push(groups.length);
    groups.push({ kind: g.kind, scope: g.scope, members });
  }
  const np = cat.providers.length;
  const quota = { i: new Float64Array(np).fill(Infinity), v: new Float64Array(np).fill(Infinity), g: new Float64Array(np).fill(Infinity) };
  a.quotas.forEach((q, k) => {
    const pr = cat.providerIdx.get(q.providerId);
    if (pr === undefined) throw new SchedulerError([{ code: 'unknown-reference', pointer: `/quotas/${k}/providerId`, message: `unknown provider "${q.providerId}"` }]);
    quota.i[pr] = Math.min(quota.i[pr]!, q.maxInstances ?? Infinity);
    quota.v[pr] = Math.min(quota.v[pr]!, q.maxVcpus ?? Infinity);
    quota.g[pr] = Math.min(quota.g[pr]!, q.maxGpus ?? Infinity);
  });
  const countries = new Map<string, number>();
  const regionJur = cat.regionCountry.map((c) => {
    if (!countries.has(c)) countries.set(c, countries.size);
    return countries.get(c)!;
  });
  const p: CoupledProblem = {
    cat, nInst, instClass: Int32Array.from(instClass), cands, costs,
    capacity: a.classes[a.positions[0] ?? 0]?.q.capacity ?? cat.capacity,
    scopeOf: { region: cat.region, provider: cat.provider, jurisdiction: Int32Array.from(cat.region, (r) => regionJur[r]!) },
    nScope: { region: cat.regions.length, provider: np, jurisdiction: countries.size },
    groups, instGroups, adj, egressWeight: a.egressWeight,
    quotaInstances: quota.i, quotaVcpus: quota.v, quotaGpus: quota.g, budget: a.budgetPerHour,
  };
  return { p, origin, restricted: !full };
}
