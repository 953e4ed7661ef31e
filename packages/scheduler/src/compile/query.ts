import type { NodeInput } from '../types';
import type { FilterPlugin, OfferView, PluginContext, ScorePlugin } from '../plan-types';
import { CARBON_REF_G_PER_VCPU_HOUR, VCPU_PER_GPU } from '../power';
import { canonicalArch } from './architecture';
import type { Catalogue } from './catalogue';
import type { TermsContext } from './terms-context';

/** Number of GPUs a node asks for. */
export function nodeGpus(node: NodeInput): number {
  return typeof node.gpus === 'number' ? node.gpus : (node.gpus?.count ?? 0);
}

/** GPU model a node asks for, if any. */
export function gpuModelOf(node: NodeInput): string | undefined {
  return typeof node.gpus === 'object' ? node.gpus.model : undefined;
}

/** A node's size in vCPU-equivalents: the unit of the objective. */
export function nodeSize(node: NodeInput): number {
  return Math.max(1, node.cores + VCPU_PER_GPU * nodeGpus(node));
}

/**
 * Everything needed to filter and score offers for one class of identical nodes. Score
 * coefficients already include the weight, the weight sum and the node's reference.
 */
export interface Query {
  cores: number;
  mem: number;
  gpus: number;
  /** GPU model code: -1 any, -2 when no offer has it. */
  gpuModel: number;
  dedicated: boolean;
  /** Architecture code, -2 when no offer has it. */
  arch: number;
  spotOk: boolean;
  currency: number;
  priceCeiling: number;
  minAvail: number;
  regionFail: Uint16Array;
  regionFactor: Float64Array;
  regionLat: Float64Array;
  heatCost: Float64Array;
  /** Measured power of the node in kW, or NaN to use the offer's estimate. */
  fixedPowerKW: number;
  kPrice: number;
  kCarbon: number;
  kLat: number;
  kHeat: number;
  kAvail: number;
  /** Remaining capacity per offer (shared and decremented by the caller). */
  capacity: Float64Array;
  priceRef: number;
  carbonRef: number;
  size: number;
  plugins: { filters: readonly FilterPlugin[]; scorers: readonly ScorePlugin[]; ctx: PluginContext };
}

/** Builds the query of a node under a terms context. */
export function buildQuery(a: {
  cat: Catalogue;
  tc: TermsContext;
  node: NodeInput;
  capacity: Float64Array;
  regionFactor?: Float64Array;
  plugins?: { filters?: readonly FilterPlugin[]; scorers?: readonly ScorePlugin[] };
}): Query {
  const { cat, tc, node } = a;
  const size = nodeSize(node);
  const priceRef = cat.priceRefPerVcpu * size;
  const carbonRef = CARBON_REF_G_PER_VCPU_HOUR * size;
  const w = tc.weights;
  const scorers = a.plugins?.scorers ?? [];
  let pw = 0;
  for (const s of scorers) pw += s.weight;
  const norm = 1 + pw;
  return {
    cores: node.cores,
    mem: node.memoryGiB,
    gpus: nodeGpus(node),
    arch: cat.archCodes.get(canonicalArch(node.architecture)) ?? -2,
    gpuModel: gpuModelOf(node) ? (cat.gpuModelCodes.get(gpuModelOf(node)!.toUpperCase()) ?? -2) : -1,
    dedicated: node.share === 'dedicated',
    spotOk: tc.terms.allowSpot === true || node.deferrable?.interruptible === true,
    currency: tc.currency,
    priceCeiling: tc.terms.priceCeilingPerHour ?? Infinity,
    minAvail: tc.terms.availability ?? 0,
    regionFail: tc.regionFail,
    regionFactor: a.regionFactor ?? tc.regionFactor,
    regionLat: tc.regionLatScore,
    heatCost: cat.heatCost,
    fixedPowerKW: node.powerWatts !== undefined ? node.powerWatts / 1000 : NaN,
    kPrice: w.price / norm / priceRef,
    kCarbon: w.carbon / norm / carbonRef,
    kLat: w.latency / norm,
    kHeat: w.heatReuse / norm,
    kAvail: w.availability / norm,
    capacity: a.capacity,
    priceRef,
    carbonRef,
    size,
    plugins: { filters: a.plugins?.filters ?? [], scorers, ctx: { node: node.source ?? node, terms: tc.terms.source ?? tc.terms } as PluginContext },
  };
}

/** The offer as plugins see it: the model objects it was compiled from. */
export function offerView(cat: Catalogue, o: number): OfferView {
  const offer = cat.offers[o]!;
  const region = cat.regions[cat.region[o]!]!;
  const provider = cat.providers[cat.provider[o]!]!;
  return { offer: (offer.source ?? offer), region: (region.source ?? region), provider: (provider.source ?? provider) } as OfferView;
}
