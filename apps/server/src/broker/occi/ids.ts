import { OCCI_CORE, OCCI_INFRA, OCCI_SLA, OCCI_AGREEMENT_ACTION, OCCI_COMPUTE_ACTION } from '@accords/occi';
import { ACCORDS_BROKER_SCHEME, ACCORDS_SERVICE_ACTION_SCHEME } from '@accords/model';

/** The broker's category scheme (the model's: every Accords category is defined in @accords/model). */
export const BROKER = ACCORDS_BROKER_SCHEME;
/** Scheme of the service actions. */
export const SERVICE_ACTION = ACCORDS_SERVICE_ACTION_SCHEME;

/** Identifiers of the kinds the broker reads and writes. */
export const KIND_IDS = {
  resource: `${OCCI_CORE}resource`,
  agreement: `${OCCI_SLA}agreement`,
  agreementLink: `${OCCI_SLA}agreement_link`,
  compute: `${OCCI_INFRA}compute`,
  storage: `${OCCI_INFRA}storage`,
  network: `${OCCI_INFRA}network`,
  manifest: `${BROKER}manifest`,
  service: `${BROKER}service`,
  contract: `${BROKER}contract`,
  invoice: `${BROKER}invoice`,
  usage: `${BROKER}usage`,
} as const;

/** Identifiers of the model's mixins the broker puts on standard entities. */
export const MIXIN_IDS = {
  /** On SLA agreements the broker made (the model's Agreement mapping). */
  agreement: `${BROKER}agreement`,
  /** On Infrastructure entities the broker created at a provider (the model's ProvisionedResource mapping). */
  provisioned: `${BROKER}provisioned`,
} as const;

/** The agreement and compute action schemes (re-exported for the hooks). */
export const ACTION_SCHEMES = { agreement: OCCI_AGREEMENT_ACTION, compute: OCCI_COMPUTE_ACTION, service: SERVICE_ACTION } as const;
