/**
 * @accords/model — the Accords contract meta-model: manifests, service terms, providers, regions,
 * offers, signals, agreements, placements, contracts, usage and invoices; JSON Schemas (draft
 * 2020-12) validated with ajv, the TypeScript types derived from them, and the OCCI mapping.
 */
export type * from './types';

// Schemas: the source of truth.
export { schemas, MODEL_TYPE_NAMES, SCHEMA_BASE_URI, schemaFileName } from './schema/registry';
export type { ModelTypeName, ModelTypes, JsonSchema } from './schema/registry';
export { JURISDICTION_GROUPS } from './schema/common';
export { GUARANTEE_METRICS } from './schema/terms';
export { SIGNAL_METRICS } from './schema/signals';
export { RESOURCE_STATES } from './schema/resources';

// Validation and parsing.
export { validate, validateManifest } from './validate/validate';
export { checkManifest } from './check/check-manifest';
export { checkContract, checkInvoice, checkPlan } from './check/documents';
export { parseManifest } from './parse/parse-manifest';
export type { ParseManifestOptions } from './parse/parse-manifest';
export { ModelError } from './errors';
export type { ModelErrorCode, ModelErrorOptions } from './errors';

// Jurisdictions.
export {
  JURISDICTION_GROUP_MEMBERS,
  isCountryCode,
  expandJurisdictions,
  countryAllowed,
  allowedCountries,
} from './jurisdictions';

// Demo catalogue and signals.
export { demoCatalogue } from './catalogue/demo-catalogue';
export type { DemoCatalogueOptions } from './catalogue/demo-catalogue';
export { demoSignals, demoSignalColumns, PROFILE_SOURCE } from './catalogue/demo-signals';
export type { DemoSignalsOptions, SignalColumn } from './catalogue/demo-signals';
export { COUNTRY_CARBON, COUNTRY_CARBON_SOURCE } from './catalogue/country-carbon';

// OCCI mapping.
export { toOcci, fromOcci, derivedId } from './occi/convert';
export type { OcciTypeName, ToOcciOptions } from './occi/convert';
export { ACCORDS_CATEGORIES, SERVICE_STATES, registerAccordsCategories, createAccordsModel } from './occi/categories';
export { ACCORDS_BROKER_SCHEME, ACCORDS_SERVICE_ACTION_SCHEME, OCCI_MAPPINGS } from './occi/mappings';
export type { OcciMapping } from './occi/mappings';
export { signalPointAt } from './signals';
export { expandManifest } from './expand-manifest';
export type { ExpandManifestOptions } from './expand-manifest';
