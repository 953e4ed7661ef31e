import type { PlacementIndex } from './placement-index';
import type { Plugins } from './plan-types';
import type {
  NodeInput, OfferInput, PlacementGroupInput, ProviderInput, QuotaInput, RegionInput, RelationInput,
  SignalSeriesInput, TermsInput,
} from './types';

/** A manifest as the scheduler reads it. */
export interface ManifestInput {
  nodes: NodeInput[];
  relations?: RelationInput[];
  groups?: PlacementGroupInput[];
  terms?: TermsInput;
}

/** Tuning knobs of `place`, all optional. */
export interface PlaceOptions {
  /** Hours over which a steady node's carbon is averaged from `now` (default 24). */
  horizonHours?: number;
  /** Rejected alternatives listed per decision (default 3). */
  alternatives?: number;
  /** Search nodes the exact coupled solver may visit before it falls back to the heuristic (default 200,000). */
  exactNodeLimit?: number;
  /** Local-search passes of the heuristic (default 30). */
  heuristicPasses?: number;
}

/** Everything `place` needs. Give `manifest`, or `nodes` (+ `relations`, `groups`) and `terms`. */
export interface CoreInput {
  manifest?: ManifestInput;
  nodes?: NodeInput[];
  relations?: RelationInput[];
  groups?: PlacementGroupInput[];
  terms?: TermsInput;
  /** The catalogue; may be left out when `index` is given. */
  providers?: ProviderInput[];
  regions?: RegionInput[];
  offers?: OfferInput[];
  /** A prebuilt, reusable catalogue index (see `PlacementIndex`). */
  index?: PlacementIndex;
  signals?: SignalSeriesInput[];
  /** The current time (ISO 8601 or epoch ms): the scheduler reads no clock. */
  now: string | number;
  /** Seed of the heuristic's tie-breaking (default 1). */
  seed?: number;
  plugins?: Plugins;
  quotas?: QuotaInput[];
  options?: PlaceOptions;
}

/** The manifest parts of an input, whichever way they were given. */
export function manifestOf(input: CoreInput): Required<ManifestInput> {
  const m = input.manifest;
  return {
    nodes: m?.nodes ?? input.nodes ?? [],
    relations: m?.relations ?? input.relations ?? [],
    groups: m?.groups ?? input.groups ?? [],
    terms: input.terms ?? m?.terms ?? {},
  };
}
