/**
 * Input and output types of the scheduler. They are structural: any object with these fields
 * (the `@accords/model` documents among them) is accepted. Fields the meta-model does not carry
 * (egress price, quotas, node state size) are the scheduler's own and are optional.
 */

/** An objective the scheduler weighs. Every score is a cost: lower is better. */
export type Objective = 'price' | 'carbon' | 'latency' | 'heatReuse' | 'availability';

/** A point on the globe in decimal degrees. */
export interface GeoPoint {
  lat: number;
  lon: number;
  /** Share of the users at this point (default 1). */
  weight?: number;
}

/** Deferrable batch work: runs `durationHours` somewhere between `earliestStart` and `deadline`. */
export interface DeferrableSpec {
  durationHours: number;
  /** ISO 8601; defaults to `now`. */
  earliestStart?: string;
  /** ISO 8601; the job must end by then. */
  deadline: string;
  /** When true the job may run in non-contiguous hours. */
  interruptible?: boolean;
}

/** A node of a manifest, as the scheduler needs it. */
export interface NodeInput {
  id: string;
  cores: number;
  memoryGiB: number;
  architecture?: string;
  /** Number of GPUs (or `{ count, model }`). */
  gpus?: number | { count: number; model?: string };
  /** `dedicated` needs an offer on a dedicated host. */
  share?: 'shared' | 'dedicated';
  /** Instances to place: a number or scaling bounds (placed: `initial ?? min`). */
  count?: number | { min: number; max?: number; initial?: number };
  deferrable?: DeferrableSpec;
  /** Scheduler's own: state in GB that a migration must copy (default 10). */
  dataGB?: number;
  /** Scheduler's own: a measured power draw in watts overriding the estimate. */
  powerWatts?: number;
  /** Node-level jurisdiction policy, added to the terms' one. */
  jurisdictions?: { allow?: string[]; deny?: string[] };
  /** Node-level data classification (overrides the terms' one). */
  dataClassification?: DataClassification;
  /** The model object this node came from (what plugins see). */
  source?: unknown;
}

/** A relation between two nodes. */
export interface RelationInput {
  kind: 'connects-to' | 'depends-on';
  source: string;
  target: string;
  /** Expected traffic between the two nodes, both directions, in GB per month. */
  trafficGBPerMonth?: number;
}

/** Spread (anti-affinity) or co-locate (affinity) a set of nodes over a scope. */
export interface PlacementGroupInput {
  id: string;
  kind: 'affinity' | 'anti-affinity';
  scope: 'region' | 'provider' | 'jurisdiction';
  nodes: string[];
}

/** Data classification; `confidential` and `restricted` data need an allow list of jurisdictions. */
export type DataClassification = 'public' | 'internal' | 'confidential' | 'restricted';

/** The service terms that constrain and weigh a placement. */
export interface TermsInput {
  currency?: string;
  /** Hard ceiling on the hourly price of one instance. */
  priceCeilingPerHour?: number;
  /** Total budget per hour for the whole manifest (prices plus egress). */
  budgetPerHour?: number;
  /** ISO 3166 alpha-2 codes and groups (`EU`, `EEA`). */
  jurisdictions?: { allow?: string[]; deny?: string[] };
  dataClassification?: DataClassification;
  /** Minimum availability of an offer, e.g. 0.999. */
  availability?: number;
  latency?: { maxMs?: number; users: GeoPoint[] };
  /** Hard ceiling on a region's grid carbon intensity (gCO2e/kWh). */
  carbonCeiling?: number;
  /** Which carbon signal drives the carbon score (default `location-based`). */
  carbonAccounting?: 'location-based' | 'marginal';
  weights?: Partial<Record<Objective, number>>;
  providers?: { allow?: string[]; deny?: string[] };
  /** Allow spot offers for nodes that are not interruptible batch work (default false). */
  allowSpot?: boolean;
  /** The model object these terms came from (what plugins see). */
  source?: unknown;
}

/** A cloud provider. */
export interface ProviderInput {
  id: string;
  name?: string;
  /** Home jurisdiction (ISO 3166 alpha-2), checked for confidential data. */
  country?: string;
  /** Scheduler's own: price per GB leaving this provider's regions (default 0.02 in the offers' currency). */
  egressPricePerGB?: number;
  source?: unknown;
}

/** A provider's region. */
export interface RegionInput {
  id: string;
  providerId: string;
  country: string;
  coordinates: GeoPoint;
  timeZone?: string;
  /** Power usage effectiveness (default 1.5). */
  pue?: number;
  renewableShare?: number;
  /** Share (0..1) of the waste heat reused, or true/false. */
  heatReuse?: number | boolean;
  /** Grid zone of the region's signals (default: the country code). */
  zone?: string;
  /** Price per GB leaving the region (default: the provider's, else 0.02). */
  egressPricePerGB?: number;
  source?: unknown;
}

/** A provider's offer: an instance type in a region at a price. */
export interface OfferInput {
  id: string;
  providerId: string;
  regionId: string;
  instanceType?: string;
  vcpu: number;
  memoryGiB: number;
  gpus?: number;
  gpuModel?: string;
  share?: 'shared' | 'dedicated';
  architecture?: string;
  pricePerHour: number;
  currency?: string;
  market?: 'on-demand' | 'spot' | 'reserved';
  /** Expected availability, e.g. 0.9995 (default 0.999). */
  availability?: number;
  /** Instances still available (default unlimited). */
  capacity?: number;
  /** Power draw at typical load in watts (default: estimated from the shape). */
  powerWatts?: number;
  asOf?: string;
  source?: unknown;
}

/** Kind of value a signal series carries. */
export type SignalMetric = 'carbon-location-based' | 'carbon-marginal' | 'electricity-price';

/** One value of a signal over `[start, start + durationHours)`. */
export interface SignalPointInput {
  start: string | number;
  /** Hours covered (default 1). */
  durationHours?: number;
  value: number;
  kind?: 'actual' | 'forecast';
}

/** A time series of one metric for one grid zone. */
export interface SignalSeriesInput {
  zone: string;
  metric: SignalMetric;
  points: SignalPointInput[];
}

/** A per-provider quota (the scheduler's own input). */
export interface QuotaInput {
  providerId: string;
  maxInstances?: number;
  maxVcpus?: number;
  maxGpus?: number;
}
