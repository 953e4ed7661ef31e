/**
 * TypeScript types of the model, derived from the JSON Schemas with TypeBox `Static`, so a type
 * can never say something its schema does not (see docs/decisions/model-schemas-source-of-truth.md).
 */
import type { Static } from '@sinclair/typebox';
import type * as C from './schema/common';
import type * as M from './schema/manifest';
import type * as T from './schema/terms';
import type * as S from './schema/supply';
import type * as G from './schema/signals';
import type * as L from './schema/lifecycle';
import type * as R from './schema/resources';

/** ISO 3166-1 alpha-2 code or a group (EU, EEA, EFTA). */
export type Jurisdiction = Static<typeof C.JurisdictionSchema>;
/** Allowed and forbidden jurisdictions. */
export type JurisdictionPolicy = Static<typeof C.JurisdictionPolicySchema>;
/** public | internal | confidential | restricted. */
export type DataClassification = Static<typeof C.DataClassificationSchema>;
/** x86_64 | arm64. */
export type Architecture = Static<typeof C.ArchitectureSchema>;
/** shared | dedicated host tenancy. */
export type Share = Static<typeof C.ShareSchema>;
/** standard | ssd | nvme | archive. */
export type StorageClass = Static<typeof C.StorageClassSchema>;

/** A storage volume of a node. */
export type StorageVolume = Static<typeof M.StorageVolumeSchema>;
/** A network attachment of a node. */
export type NetworkAttachment = Static<typeof M.NetworkAttachmentSchema>;
/** A port a node exposes. */
export type ExposedPort = Static<typeof M.ExposedPortSchema>;
/** GPUs per instance. */
export type GpuRequirement = Static<typeof M.GpuRequirementSchema>;
/** Instance count with scaling bounds. */
export type NodeCount = Static<typeof M.NodeCountSchema>;
/** Deferrable batch work. */
export type Batch = Static<typeof M.BatchSchema>;
/** A compute node of a manifest. */
export type ManifestNode = Static<typeof M.ManifestNodeSchema>;
/** Another manifest used as a node. */
export type NestedService = Static<typeof M.NestedServiceSchema>;
/** connects-to or depends-on between nodes. */
export type NodeRelation = Static<typeof M.NodeRelationSchema>;
/** Affinity or anti-affinity over region, provider or jurisdiction. */
export type PlacementGroup = Static<typeof M.PlacementGroupSchema>;
/** A manifest: nodes, relations, groups and terms. */
export type Manifest = Static<typeof M.ManifestSchema>;

/** Price ceiling and budget. */
export type PriceTerms = Static<typeof T.PriceTermsSchema>;
/** A user location for the latency objective. */
export type UserLocation = Static<typeof T.UserLocationSchema>;
/** Latency objective. */
export type LatencyTerms = Static<typeof T.LatencyTermsSchema>;
/** Carbon ceiling. */
export type CarbonTerms = Static<typeof T.CarbonTermsSchema>;
/** Objective weights. */
export type ObjectiveWeights = Static<typeof T.ObjectiveWeightsSchema>;
/** Name of a soft objective. */
export type Objective = keyof ObjectiveWeights;
/** Provider allow and deny lists. */
export type ProviderPolicy = Static<typeof T.ProviderPolicySchema>;
/** Penalty or credit of a guarantee. */
export type GuaranteeRemedy = Static<typeof T.GuaranteeRemedySchema>;
/** The metric of a guarantee. */
export type GuaranteeMetric = (typeof T.GUARANTEE_METRICS)[number];
/** A guarantee term. */
export type Guarantee = Static<typeof T.GuaranteeSchema>;
/** Service terms. */
export type ServiceTerms = Static<typeof T.ServiceTermsSchema>;

/** A cloud provider. */
export type Provider = Static<typeof S.ProviderSchema>;
/** A provider region with its energy facts. */
export type Region = Static<typeof S.RegionSchema>;
/** A priced offer. */
export type Offer = Static<typeof S.OfferSchema>;
/** Providers, regions and offers. */
export type Catalogue = Static<typeof S.CatalogueSchema>;

/** carbon-intensity | carbon-intensity-marginal | electricity-price. */
export type SignalMetric = Static<typeof G.SignalMetricSchema>;
/** One signal value over `[start, start + duration seconds)`. */
export type SignalPoint = Static<typeof G.SignalPointSchema>;
/** A time series of one metric in one zone. */
export type SignalSeries = Static<typeof G.SignalSeriesSchema>;

/** pending | accepted | rejected | suspended | terminated. */
export type AgreementState = Static<typeof L.AgreementStateSchema>;
/** undefined | fulfilled | violated. */
export type TermState = Static<typeof L.TermStateSchema>;
/** Normalised objective scores and their weighted total. */
export type ObjectiveScores = Static<typeof L.ObjectiveScoresSchema>;
/** One instance of a node placed on an offer. */
export type PlacementDecision = Static<typeof L.PlacementDecisionSchema>;
/** A node that could not be placed, with filter counts. */
export type UnplacedNode = Static<typeof L.UnplacedNodeSchema>;
/** The scheduler's plan for a manifest. */
export type PlacementPlan = Static<typeof L.PlacementPlanSchema>;
/** A placement bound to an agreement. */
export type Placement = Static<typeof L.PlacementSchema>;
/** The state of one guarantee term. */
export type GuaranteeStatus = Static<typeof L.GuaranteeStatusSchema>;
/** An OCCI SLA agreement. */
export type Agreement = Static<typeof L.AgreementSchema>;
/** An accepted placement and its price. */
export type Contract = Static<typeof L.ContractSchema>;
/** Rated running time of one resource. */
export type UsageRecord = Static<typeof L.UsageRecordSchema>;
/** An invoice line. */
export type InvoiceLine = Static<typeof L.InvoiceLineSchema>;
/** An invoice. */
export type Invoice = Static<typeof L.InvoiceSchema>;

/** compute | storage | network. */
export type ResourceKind = Static<typeof R.ResourceKindSchema>;
/** Compute creation spec. */
export type ComputeSpec = Static<typeof R.ComputeSpecSchema>;
/** Storage creation spec. */
export type StorageSpec = Static<typeof R.StorageSpecSchema>;
/** Network creation spec. */
export type NetworkSpec = Static<typeof R.NetworkSpecSchema>;
/** A creation spec, discriminated on `kind`. */
export type ResourceSpec = ComputeSpec | StorageSpec | NetworkSpec;
/** Compute states (OCCI Infrastructure) plus pending. */
export type ComputeState = (typeof R.RESOURCE_STATES.compute)[number];
/** Storage states (OCCI Infrastructure) plus pending. */
export type StorageState = (typeof R.RESOURCE_STATES.storage)[number];
/** Network states (OCCI Infrastructure) plus pending. */
export type NetworkState = (typeof R.RESOURCE_STATES.network)[number];
/** Any resource state. */
export type ResourceState = ComputeState | StorageState | NetworkState;
/** A resource as the provider reports it. */
export type ProvisionedResource = Static<typeof R.ProvisionedResourceSchema>;
/** Usage measured by a provider. */
export type UsageReading = Static<typeof R.UsageReadingSchema>;

/** Where a problem is: a JSON pointer always, and line/column when the input was text. */
export interface IssueLocation {
  /** JSON pointer (RFC 6901) to the offending value, `''` for the root. */
  pointer: string;
  /** 1-based line in the source text. */
  line?: number;
  /** 1-based column in the source text. */
  column?: number;
  /** OCCI attribute the problem is in, when the input was an OCCI entity. */
  attribute?: string;
}

/**
 * One problem found in an input: a sentence, a machine-readable code (the failing JSON Schema
 * keyword, or the semantic check) and where. Structurally an @accords/occi `Issue`.
 */
export interface ValidationIssue {
  /** A sentence a user understands. */
  message: string;
  /** Machine-readable code, e.g. `required`, `pattern`, `unknown-node`, `depends-on-cycle`. */
  code: string;
  /** Where the problem is. */
  location: IssueLocation;
}

/** Outcome of a validator: the typed value, or every issue found. */
export type Result<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };
