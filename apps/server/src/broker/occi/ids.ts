import { OCCI_CORE, OCCI_INFRA, OCCI_SLA, OCCI_AGREEMENT_ACTION, OCCI_COMPUTE_ACTION } from '@accords/occi';

/** The broker's category scheme. */
export const BROKER = 'http://schemas.accords.dev/occi/broker#';
/** Scheme of the service actions. */
export const SERVICE_ACTION = 'http://schemas.accords.dev/occi/broker/service/action#';

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
} as const;

/** Identifiers of the broker's mixins. */
export const MIXIN_IDS = {
  brokered: `${BROKER}brokered`,
  provisioned: `${BROKER}provisioned`,
} as const;

/** The agreement and compute action schemes (re-exported for the hooks). */
export const ACTION_SCHEMES = { agreement: OCCI_AGREEMENT_ACTION, compute: OCCI_COMPUTE_ACTION, service: SERVICE_ACTION } as const;
