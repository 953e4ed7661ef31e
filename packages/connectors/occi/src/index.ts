/**
 * @accords/connector-occi: an Accords connector that drives any OCCI 1.2 server over HTTP —
 * another Accords (federation: a broker of brokers) or another vendor's OCCI endpoint.
 * @packageDocumentation
 */
export { createOcciConnector } from './occi-connector';
export type { OcciConnector } from './occi-connector';
export type { OcciConnectorOptions, OcciPricing, OcciRenderingChoice, RegionFacts } from './options';
export { DECLARED_ACTIONS } from './options';
export { ACCORDS_REGION_SCHEME, distributionOfTerm, readCatalogue, templateSize } from './catalogue';
export type { RemoteCatalogue, RemoteImage, RemoteOffer, RemoteRegion } from './catalogue';
export { formatMarker, parseMarker } from './marker';
export type { Marker } from './marker';
export { kindOfStatus, mapRemoteError } from './map-error';
export { stateOf } from './states';
export { planAction } from './actions';
export type { OcciActionPlan } from './actions';
