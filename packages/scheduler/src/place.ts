import type { Manifest, ManifestNode, NodeRelation, Offer, PlacementGroup, PlacementPlan, Provider, Region, ServiceTerms, SignalSeries } from '@accords/model';
import type { CoreInput, PlaceOptions } from './input';
import { DEFAULT_BATCH_SLACK_HOURS, groupFromModel, nodeFromModel, relationFromModel, signalsFromModel, termsFromModel } from './model/from-model';
import { toModelPlan } from './model/to-model';
import { placeCore } from './place-core';
import type { CorePlan, Plugins } from './plan-types';
import { PlacementIndex } from './placement-index';
import { toMs } from './time/hours';
import type { QuotaInput } from './types';

/** Everything `place` needs, in the model's types. Give `manifest`, or `nodes` and `terms`. */
export interface PlacementInput {
  manifest?: Manifest;
  nodes?: ManifestNode[];
  relations?: NodeRelation[];
  groups?: PlacementGroup[];
  terms?: ServiceTerms;
  /** The catalogue; may be left out when `index` is given. */
  providers?: Provider[];
  regions?: Region[];
  offers?: Offer[];
  /** A prebuilt, reusable catalogue index. */
  index?: PlacementIndex;
  signals?: SignalSeries[];
  /** The current time: the scheduler reads no clock. */
  now: string | number | Date;
  /** Seed of the heuristic's tie-breaking (default 1). */
  seed?: number;
  plugins?: Plugins;
  /** Per-provider quotas (the scheduler's own input; the model has none). */
  quotas?: QuotaInput[];
  options?: PlaceOptions & {
    /** Hours a batch node without a deadline may wait (default 48). */
    batchSlackHours?: number;
  };
}

/** A plan in the model's form and the scheduler's full report. */
export interface PlacementResult {
  plan: PlacementPlan;
  report: CorePlan;
}

/**
 * Converts a model-typed input into the scheduler's own (see `placeCore`).
 *
 * @param input - the model-typed placement input
 * @returns the scheduler's input, with a built index when none was given
 * @throws SchedulerError when the catalogue or a latency user location is invalid
 * @example
 * ```ts
 * const core = coreInputOf({ manifest, ...demoCatalogue(), now });
 * ```
 */
export function coreInputOf(input: PlacementInput): CoreInput {
  const nowMs = toMs(input.now instanceof Date ? input.now.getTime() : input.now);
  const m = input.manifest;
  const index = input.index ?? PlacementIndex.fromModel({ providers: input.providers ?? [], regions: input.regions ?? [], offers: input.offers ?? [] });
  const regions = input.regions ?? (index.catalogue.regions.map((r) => r.source) as Region[]);
  const terms = input.terms ?? m?.terms;
  const slack = input.options?.batchSlackHours ?? DEFAULT_BATCH_SLACK_HOURS;
  const clock = { nowMs, batchSlackHours: slack };
  return {
    nodes: (m?.nodes ?? input.nodes ?? []).map((n) => nodeFromModel(n, clock)),
    relations: (m?.relations ?? input.relations ?? []).map(relationFromModel),
    groups: (m?.groups ?? input.groups ?? []).map(groupFromModel),
    terms: terms ? termsFromModel(terms, { regions }) : {},
    index,
    signals: signalsFromModel(input.signals ?? []),
    now: nowMs,
    ...(input.seed !== undefined ? { seed: input.seed } : {}),
    ...(input.plugins ? { plugins: input.plugins } : {}),
    ...(input.quotas ? { quotas: input.quotas } : {}),
    ...(input.options ? { options: input.options } : {}),
  };
}

/**
 * Places a manifest and returns the model's plan together with the scheduler's full report
 * (solver method, lower bound and gap, both carbon bases, per-filter counts, notes).
 *
 * @param input - manifest (or nodes and terms), catalogue or index, signals, `now`
 * @returns `{ plan, report }`
 * @throws SchedulerError when the input is invalid (every issue with its JSON pointer) or a plugin fails
 * @example
 * ```ts
 * const { plan, report } = placeWithReport({ manifest, ...demoCatalogue(), signals, now: '2026-01-01T00:00:00Z' });
 * report.solver.gap; // 0 when proven optimal
 * ```
 */
export function placeWithReport(input: PlacementInput): PlacementResult {
  const core = coreInputOf(input);
  const report = placeCore(core);
  const nowMs = core.now as number;
  const plan = toModelPlan(report, {
    manifest: input.manifest?.name ?? 'manifest',
    createdAt: new Date(nowMs).toISOString(),
    basis: core.terms?.carbonAccounting === 'marginal' ? 'marginal' : 'location-based',
  });
  return { plan, report };
}

/**
 * Places every instance of every node of a manifest over the offers of every provider: hard
 * constraints as filters, weighted objectives as scores, an offer index instead of a scan,
 * identical nodes solved once, coupled constraints (groups, quotas, capacity, egress, budget)
 * solved exactly when small and heuristically with a gap when large, deferrable nodes
 * time-shifted on forecast signals. Pure and deterministic.
 *
 * @param input - manifest (or nodes and terms), catalogue or index, signals, `now`
 * @returns the model's `PlacementPlan`: a decision per instance with scores, reason and rejected
 * alternatives; every unplaced node with the offers each filter removed
 * @throws SchedulerError when the input is invalid (every issue with its JSON pointer) or a plugin fails
 * @example
 * ```ts
 * import { demoCatalogue, demoSignals } from '@accords/model';
 * const plan = place({ manifest, ...demoCatalogue(), signals: demoSignals({ from: now, hours: 48 }), now });
 * plan.decisions[0]?.reason;
 * ```
 */
export function place(input: PlacementInput): PlacementPlan {
  return placeWithReport(input).plan;
}
