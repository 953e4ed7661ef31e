import type { ManifestNode, Offer, Provider, Region, ServiceTerms } from '@accords/model';
import type { Objective } from './types';

/** Normalised cost of every objective (0 is ideal, 1 is the catalogue reference) plus plugin scores. */
export type ObjectiveScores = Record<Objective, number> & Record<string, number>;

/** A rejected alternative to a decision and why it lost. */
export interface Alternative {
  offerId: string;
  providerId: string;
  regionId: string;
  totalScore: number;
  why: string;
}

/** Where and when one node instance runs, and why. */
export interface CoreDecision {
  nodeId: string;
  /** Index of the instance within its node, from 0. */
  instance: number;
  /** `<nodeId>#<instance>`. */
  instanceId: string;
  offerId: string;
  providerId: string;
  regionId: string;
  instanceType?: string;
  /** For deferrable nodes: ISO start and end, and the hours it runs if interruptible. */
  start?: string;
  end?: string;
  slots?: string[];
  pricePerHour: number;
  currency: string | null;
  /** Expected emissions while running, gCO2e per hour (location-based and marginal apart). */
  carbon: { locationBasedGPerHour: number; marginalGPerHour: number | null };
  scores: ObjectiveScores;
  totalScore: number;
  reason: string;
  alternatives: Alternative[];
}

/** Why a node could not be placed: how many offers each filter removed. */
export interface Diagnosis {
  nodeId: string;
  instances: number;
  totalOffers: number;
  /** Offers failing each filter (an offer may fail several). */
  failedBy: Record<string, number>;
  /** Offers removed by each filter in evaluation order (each offer counted once). */
  removedBy: Record<string, number>;
  /** Offers that passed every filter alone but not the coupled constraints. */
  coupledReason?: string;
  message: string;
}

/** How the plan was solved. */
export interface SolverReport {
  method: 'independent' | 'exact' | 'heuristic';
  /** Objective of the plan in weighted cost units (lower is better). */
  objective: number;
  /** A proven lower bound of the optimum. */
  lowerBound: number;
  /** (objective - lowerBound) / objective; 0 when proven optimal. */
  gap: number;
  equivalenceClasses: number;
  searchNodes: number;
}

/** A plan: a decision per node instance, diagnoses for the rest, totals. */
export interface CorePlan {
  feasible: boolean;
  decisions: CoreDecision[];
  unplaced: Diagnosis[];
  totals: {
    pricePerHour: number;
    egressPerHour: number;
    currency: string | null;
    carbon: { locationBasedGPerHour: number; marginalGPerHour: number | null };
  };
  solver: SolverReport;
  /** Facts the caller should know (missing signals, assumptions). */
  notes: string[];
}

/** What a filter or scorer plugin sees of an offer. */
export interface OfferView {
  offer: Offer;
  region: Region;
  provider: Provider;
}

/** What a plugin sees of the request. */
export interface PluginContext {
  node: ManifestNode;
  terms: ServiceTerms;
}

/** A hard constraint a vendor adds; `filter` returns false to remove the offer. */
export interface FilterPlugin {
  name: string;
  filter(view: OfferView, ctx: PluginContext): boolean;
}

/** A soft objective a vendor adds; `score` returns a cost in [0, 1] (0 best), weighted by `weight`. */
export interface ScorePlugin {
  name: string;
  weight: number;
  score(view: OfferView, ctx: PluginContext): number;
}

/** Plugins given to `place` and friends. */
export interface Plugins {
  filters?: FilterPlugin[];
  scorers?: ScorePlugin[];
}
