/** The Accords broker: a server plugin from manifests to running, watched and billed resources. */
export { createBrokerPlugin } from './plugin';
export type { BrokerPlugin } from './plugin';
export { BrokerRuntime } from './runtime';
export type { BrokerPluginOptions, BrokerJobOptions } from './runtime';
export { BrokerError } from './errors';
export type { BrokerErrorCode } from './errors';
export { serveConnector } from './connectors/connector-host';
export type { ConnectorHost } from './connectors/connector-host';
export { remoteConnector } from './connectors/remote-connector';
export { BROKER_CATEGORIES } from './plugin';
export { BROKER, SERVICE_ACTION, KIND_IDS as BROKER_KINDS, MIXIN_IDS as BROKER_MIXINS } from './occi/ids';
export { planManifest, readSupply } from './workflow/schedule';
export type { Supply } from './workflow/schedule';
export { watchOnce } from './watch/watch-service';
export type { ReconcileReport } from './watch/reconcile';
export type { AgreementRecord, ResourceRecord, BrokerPlan, BrokerEvent, ServicePhase, ResourcePhase } from './types';
