import type { ManifestNode, Manifest, Offer, PlacementGroup, Provider, Region, ServiceTerms, SignalSeries } from '@accords/model';
import type { PlacementIndex } from '../placement-index';
import type { Plugins } from '../plan-types';

/** An instance that runs now, and where. */
export interface RunningInstance {
  instanceId: string;
  /** Name of its manifest node. */
  node: string;
  offerId: string;
  /** State a migration must copy, GB (default `options.defaultDataGB`). */
  dataGB?: number;
}

/** Knobs of re-placement, all optional. */
export interface MoveOptions {
  /** Hours of forecast used from `now` (default 24). */
  horizonHours?: number;
  /**
   * Hours the placement is expected to keep running after a move (default `horizonHours`):
   * savings are counted over them, the forecast for its first `horizonHours` and `climatology`
   * for the rest.
   */
  holdHours?: number;
  /** Long-run mean intensity per zone (on the terms' basis), assumed beyond the forecast. */
  climatology?: { zone: string; gPerKWh: number }[];
  /** A move must save (1 + margin) x its cost (default 0.2). */
  margin?: number;
  /** Most moves started in any hour (default 10). */
  churnLimitPerHour?: number;
  /** Moves already started, to apply the churn limit over the last hour. */
  recentMoves?: { at: string | number }[];
  /** Hours old and new instance both run during a make-before-break move (default 0.25). */
  overlapHours?: number;
  /** Service interruption of a move in seconds (default 30), valued at `downtimeCostPerHour` (default 0). */
  downtimeSeconds?: number;
  downtimeCostPerHour?: number;
  /** State per instance when `dataGB` is not given (default 10). */
  defaultDataGB?: number;
}

/** Input of `proposeMoves` and `Replanner`. */
export interface ReplaceInput {
  manifest?: Manifest;
  nodes?: ManifestNode[];
  groups?: PlacementGroup[];
  terms?: ServiceTerms;
  providers?: Provider[];
  regions?: Region[];
  offers?: Offer[];
  index?: PlacementIndex;
  signals?: SignalSeries[];
  now: string | number | Date;
  running: RunningInstance[];
  plugins?: Plugins;
  options?: MoveOptions;
}

/** One proposed migration and its economics (money in the offers' currency, the rest in weighted cost units). */
export interface Move {
  instanceId: string;
  node: string;
  from: { offerId: string; regionId: string; providerId: string };
  to: { offerId: string; regionId: string; providerId: string };
  /** True when the current offer now breaks a hard constraint. */
  forced: boolean;
  /** Weighted-score saving per hour and over the horizon, and the migration cost, in weighted cost units. */
  savingPerHour: number;
  horizonSaving: number;
  migrationCost: number;
  netBenefit: number;
  /** Money and emissions per hour after the move minus before (negative is a saving). */
  priceDeltaPerHour: number;
  carbonDeltaGPerHour: number;
  /** Money the move itself costs (egress of the state, overlap, downtime). */
  migrationMoney: number;
  reason: string;
}

/** What `proposeMoves` returns. */
export interface MoveProposal {
  moves: Move[];
  /** Instances examined. */
  considered: number;
  /** Moves worth making but held back by the churn limit. */
  deferredByChurn: number;
  /** Instances whose node or offer is unknown (left alone). */
  unknown: string[];
}
