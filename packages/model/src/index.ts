/** @accords/model: The Accords contract meta-model: manifests, service terms, offers, signals, agreements, contracts, usage and invoices, as JSON Schemas with ajv validators and an OCCI mapping. */
export const PACKAGE_NAME = '@accords/model';
