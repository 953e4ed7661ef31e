/** OCCI Core scheme. */
export const OCCI_CORE = 'http://schemas.ogf.org/occi/core#';
/** OCCI Infrastructure scheme (kinds, os_tpl, resource_tpl). */
export const OCCI_INFRA = 'http://schemas.ogf.org/occi/infrastructure#';
/** Scheme of the ipnetwork mixin. */
export const OCCI_INFRA_NETWORK = 'http://schemas.ogf.org/occi/infrastructure/network#';
/** Scheme of the ipnetworkinterface mixin. */
export const OCCI_INFRA_NETWORKINTERFACE = 'http://schemas.ogf.org/occi/infrastructure/networkinterface#';
/** Scheme of the ssh_key mixin. */
export const OCCI_INFRA_CREDENTIALS = 'http://schemas.ogf.org/occi/infrastructure/credentials#';
/** Scheme of the user_data mixin. */
export const OCCI_INFRA_COMPUTE = 'http://schemas.ogf.org/occi/infrastructure/compute#';
/** Compute action scheme. */
export const OCCI_COMPUTE_ACTION = 'http://schemas.ogf.org/occi/infrastructure/compute/action#';
/** Storage action scheme. */
export const OCCI_STORAGE_ACTION = 'http://schemas.ogf.org/occi/infrastructure/storage/action#';
/** Network action scheme. */
export const OCCI_NETWORK_ACTION = 'http://schemas.ogf.org/occi/infrastructure/network/action#';
/** SLA scheme. */
export const OCCI_SLA = 'http://schemas.ogf.org/occi/sla#';
/** Agreement action scheme. */
export const OCCI_AGREEMENT_ACTION = 'http://schemas.ogf.org/occi/sla/agreement/action#';
/** Monitoring scheme. */
export const OCCI_MONITORING = 'http://schemas.ogf.org/occi/monitoring#';
/** Platform scheme. */
export const OCCI_PLATFORM = 'http://schemas.ogf.org/occi/platform#';
/** Application action scheme. */
export const OCCI_APPLICATION_ACTION = 'http://schemas.ogf.org/occi/platform/application/action#';
/** Component action scheme. */
export const OCCI_COMPONENT_ACTION = 'http://schemas.ogf.org/occi/platform/component/action#';
/** Prefix of Accords' own schemes (`http://schemas.accords.dev/occi/<area>#`). */
export const ACCORDS_SCHEME_PREFIX = 'http://schemas.accords.dev/occi/';

/** Identifiers of the standard kinds. */
export const KIND = Object.freeze({
  entity: OCCI_CORE + 'entity',
  resource: OCCI_CORE + 'resource',
  link: OCCI_CORE + 'link',
  compute: OCCI_INFRA + 'compute',
  storage: OCCI_INFRA + 'storage',
  network: OCCI_INFRA + 'network',
  networkinterface: OCCI_INFRA + 'networkinterface',
  storagelink: OCCI_INFRA + 'storagelink',
  agreement: OCCI_SLA + 'agreement',
  agreementLink: OCCI_SLA + 'agreement_link',
  sensor: OCCI_MONITORING + 'sensor',
  collector: OCCI_MONITORING + 'collector',
  application: OCCI_PLATFORM + 'application',
  component: OCCI_PLATFORM + 'component',
  componentlink: OCCI_PLATFORM + 'componentlink',
});

/** Identifiers of the standard mixins. */
export const MIXIN = Object.freeze({
  ipnetwork: OCCI_INFRA_NETWORK + 'ipnetwork',
  ipnetworkinterface: OCCI_INFRA_NETWORKINTERFACE + 'ipnetworkinterface',
  osTpl: OCCI_INFRA + 'os_tpl',
  resourceTpl: OCCI_INFRA + 'resource_tpl',
  sshKey: OCCI_INFRA_CREDENTIALS + 'ssh_key',
  userData: OCCI_INFRA_COMPUTE + 'user_data',
  agreementTpl: OCCI_SLA + 'agreement_tpl',
  agreementTerm: OCCI_SLA + 'agreement_term',
  metric: OCCI_MONITORING + 'metric',
  aggregator: OCCI_MONITORING + 'aggregator',
  publisher: OCCI_MONITORING + 'publisher',
  appTpl: OCCI_PLATFORM + 'app_tpl',
  resTpl: OCCI_PLATFORM + 'res_tpl',
  database: OCCI_PLATFORM + 'database',
  databaselink: OCCI_PLATFORM + 'databaselink',
});

/** Identifiers of the standard actions. */
export const ACTION = Object.freeze({
  compute: Object.freeze({
    start: OCCI_COMPUTE_ACTION + 'start',
    stop: OCCI_COMPUTE_ACTION + 'stop',
    restart: OCCI_COMPUTE_ACTION + 'restart',
    suspend: OCCI_COMPUTE_ACTION + 'suspend',
    save: OCCI_COMPUTE_ACTION + 'save',
  }),
  storage: Object.freeze({ online: OCCI_STORAGE_ACTION + 'online', offline: OCCI_STORAGE_ACTION + 'offline' }),
  network: Object.freeze({ up: OCCI_NETWORK_ACTION + 'up', down: OCCI_NETWORK_ACTION + 'down' }),
  agreement: Object.freeze({
    accept: OCCI_AGREEMENT_ACTION + 'accept',
    reject: OCCI_AGREEMENT_ACTION + 'reject',
    suspend: OCCI_AGREEMENT_ACTION + 'suspend',
    resume: OCCI_AGREEMENT_ACTION + 'resume',
    terminate: OCCI_AGREEMENT_ACTION + 'terminate',
  }),
  application: Object.freeze({ start: OCCI_APPLICATION_ACTION + 'start', stop: OCCI_APPLICATION_ACTION + 'stop' }),
  component: Object.freeze({ start: OCCI_COMPONENT_ACTION + 'start', stop: OCCI_COMPONENT_ACTION + 'stop' }),
});
