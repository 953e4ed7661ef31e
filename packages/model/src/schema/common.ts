import { Type } from '@sinclair/typebox';
import { StringEnum } from './kit';

/** Groups of countries a jurisdiction list may name beside ISO 3166-1 alpha-2 codes. */
export const JURISDICTION_GROUPS = ['EU', 'EEA', 'EFTA'] as const;

/** A jurisdiction: an ISO 3166-1 alpha-2 country code, or a group such as EU or EEA. */
export const JurisdictionSchema = Type.String({
  pattern: '^(?:[A-Z]{2}|EU|EEA|EFTA)$',
  description: 'ISO 3166-1 alpha-2 country code (e.g. FR) or a group: EU, EEA, EFTA.',
});

/** Allowed and forbidden jurisdictions; forbidden wins over allowed. */
export const JurisdictionPolicySchema = Type.Object(
  {
    allowed: Type.Optional(
      Type.Array(JurisdictionSchema, {
        minItems: 1,
        uniqueItems: true,
        description: 'Only these jurisdictions may host the resources (absent: anywhere).',
      }),
    ),
    forbidden: Type.Optional(
      Type.Array(JurisdictionSchema, {
        uniqueItems: true,
        description: 'These jurisdictions may never host the resources.',
      }),
    ),
  },
  { additionalProperties: false, description: 'Where resources may run: allowed and forbidden jurisdictions.' },
);

/** How sensitive the data a node holds is; confidential and restricted data need an allowed list. */
export const DataClassificationSchema = StringEnum(['public', 'internal', 'confidential', 'restricted'], {
  description: 'Data classification; confidential and restricted data must stay in allowed jurisdictions.',
});

/** CPU architecture of a node or an offer. */
export const ArchitectureSchema = StringEnum(['x86_64', 'arm64'], { description: 'CPU architecture.' });

/** Whether a compute node shares its host with other tenants. */
export const ShareSchema = StringEnum(['shared', 'dedicated'], {
  description: 'Host tenancy: shared (default) or dedicated.',
});

/** Storage class of a volume. */
export const StorageClassSchema = StringEnum(['standard', 'ssd', 'nvme', 'archive'], {
  description: 'Storage class.',
});
