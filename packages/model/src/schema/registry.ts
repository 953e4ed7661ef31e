import type { Static, TSchema } from '@sinclair/typebox';
import { ManifestNodeSchema, ManifestSchema, NodeRelationSchema, PlacementGroupSchema } from './manifest';
import { GuaranteeSchema, ServiceTermsSchema } from './terms';
import { CatalogueSchema, OfferSchema, ProviderSchema, RegionSchema } from './supply';
import { SignalPointSchema, SignalSeriesSchema } from './signals';
import {
  AgreementSchema,
  ContractSchema,
  InvoiceLineSchema,
  InvoiceSchema,
  PlacementDecisionSchema,
  PlacementPlanSchema,
  PlacementSchema,
  UsageRecordSchema,
} from './lifecycle';
import {
  ComputeSpecSchema,
  NetworkSpecSchema,
  ProvisionedResourceSchema,
  ResourceSpecSchema,
  StorageSpecSchema,
  UsageReadingSchema,
} from './resources';

/** Base URI of the published schema documents. */
export const SCHEMA_BASE_URI = 'https://schemas.accords.dev/model/';

const raw = {
  Manifest: ManifestSchema,
  ManifestNode: ManifestNodeSchema,
  NodeRelation: NodeRelationSchema,
  PlacementGroup: PlacementGroupSchema,
  ServiceTerms: ServiceTermsSchema,
  Guarantee: GuaranteeSchema,
  Provider: ProviderSchema,
  Region: RegionSchema,
  Offer: OfferSchema,
  Catalogue: CatalogueSchema,
  SignalPoint: SignalPointSchema,
  SignalSeries: SignalSeriesSchema,
  Agreement: AgreementSchema,
  PlacementDecision: PlacementDecisionSchema,
  PlacementPlan: PlacementPlanSchema,
  Placement: PlacementSchema,
  Contract: ContractSchema,
  UsageRecord: UsageRecordSchema,
  Invoice: InvoiceSchema,
  InvoiceLine: InvoiceLineSchema,
  ComputeSpec: ComputeSpecSchema,
  StorageSpec: StorageSpecSchema,
  NetworkSpec: NetworkSpecSchema,
  ResourceSpec: ResourceSpecSchema,
  ProvisionedResource: ProvisionedResourceSchema,
  UsageReading: UsageReadingSchema,
} satisfies Record<string, TSchema>;

/** Name of a model type that has a published JSON Schema. */
export type ModelTypeName = keyof typeof raw;

/** The names of every published schema, in a stable order. */
export const MODEL_TYPE_NAMES = Object.keys(raw) as ModelTypeName[];

/**
 * File name (kebab-case) of a type's schema document under `schemas/`.
 * @param name - a model type name.
 * @returns e.g. `manifest-node.schema.json`.
 * @example
 * ```ts
 * schemaFileName('ManifestNode'); // 'manifest-node.schema.json'
 * ```
 */
export function schemaFileName(name: ModelTypeName): string {
  return `${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}.schema.json`;
}

/** A schema as published: draft 2020-12, with its own `$id`, plain JSON (no TypeBox symbols). */
export type JsonSchema = Record<string, unknown>;

function publish(name: ModelTypeName): JsonSchema {
  const plain = JSON.parse(JSON.stringify(raw[name])) as JsonSchema;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_BASE_URI + schemaFileName(name),
    title: name,
    ...plain,
  };
}

/** The JSON Schemas (draft 2020-12) of every model type: the source of truth of the model. */
export const schemas: Readonly<Record<ModelTypeName, JsonSchema>> = Object.freeze(
  Object.fromEntries(MODEL_TYPE_NAMES.map((name) => [name, publish(name)])) as Record<ModelTypeName, JsonSchema>,
);

/** The TypeScript type of each named model type. */
export type ModelTypes = { [K in ModelTypeName]: Static<(typeof raw)[K]> };
