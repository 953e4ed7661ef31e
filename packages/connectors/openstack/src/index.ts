/**
 * @accords/connector-openstack: an Accords connector for OpenStack (Keystone v3, Nova, Glance,
 * Neutron) over raw HTTP.
 * @packageDocumentation
 */
export { createOpenStackConnector, OpenStackConnector } from './connector';
export type { ConfigIssue, OpenStackConnectorConfig, OpenStackCredentialsConfig, OpenStackPricing, OpenStackRegionConfig } from './config';
export { validateOpenStackConfig } from './config';
export type { CatalogEndpoint, KeystoneCredentials, KeystoneSessionOptions, KeystoneToken } from './keystone';
export { authRequestBody, KeystoneSession, parseCatalog } from './keystone';
export type { HttpRequest, HttpResponse } from './http';
export { faultMessage, OpenStackHttpError, parseRetryAfter, requestJson } from './http';
export type { ServiceCall, ServiceClientOptions } from './service-client';
export { ServiceClient } from './service-client';
export type { NovaAction, NovaFlavor, NovaServer, NovaServerCreate, NovaServerUsage } from './nova';
export { NOVA_CLIENT_MICROVERSIONS, NovaClient } from './nova';
export type { GlanceImage, GlanceImageFilter } from './glance';
export { GlanceClient } from './glance';
export type { NeutronNetwork, NeutronPort, NeutronSubnet } from './neutron';
export { NeutronClient } from './neutron';
export type { Microversion, NegotiationResult, ServerVersionRange } from './microversion';
export { compareMicroversions, formatMicroversion, negotiateMicroversion, parseMicroversion } from './microversion';
export type { FaultClass, FaultKind } from './faults';
export { classifyHttpFault, classifyServerFault } from './faults';
export { computeStateOf, networkStateOf } from './states';
export type { QuotaRoom } from './offers';
export { buildOffers, buildRegion, flavorIdOf, flavorPrice, offerIdOf, quotaRoom, regionIdOf } from './offers';
