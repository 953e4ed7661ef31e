import { KIND, MIXIN, OCCI_CORE } from '@accords/occi';
import type { ModelTypeName } from '../schema/registry';

/** Scheme of Accords' broker kinds and mixins. */
export const ACCORDS_BROKER_SCHEME = 'http://schemas.accords.dev/occi/broker#';
/** Scheme of the actions of the service kind. */
export const ACCORDS_SERVICE_ACTION_SCHEME = 'http://schemas.accords.dev/occi/broker/service/action#';

/** How one model type is represented in OCCI. */
export interface OcciMapping {
  /** The model type. */
  type: ModelTypeName;
  /** Kind or mixin. */
  category: 'kind' | 'mixin';
  /** Term under {@link ACCORDS_BROKER_SCHEME}. */
  term: string;
  /** Attribute name prefix, e.g. `accords.offer`. */
  prefix: string;
  /** Parent kind (kinds) — core resource by default. */
  parent?: string;
  /** Kinds the mixin applies to; the first is the kind {@link toOcci} uses. */
  applies?: string[];
  /** Mixins the mixin depends on. */
  depends?: string[];
  /** Collection location. */
  location: string;
  /** Whether clients may set the attributes (false: produced by the broker). */
  mutable: boolean;
  /** Properties stored under another attribute name (e.g. a standard OCCI one). */
  rename?: Record<string, string>;
  /** An object property whose fields become attributes of their own (for filtering). */
  flatten?: string;
  /** Whether the `id` property is the entity id (otherwise ids are given or derived). */
  idIsEntityId: boolean;
  /** Short title. */
  title: string;
  /**
   * Attributes the broker shows beside the model value (its progress, links to related entities),
   * as JSON Schema properties turned into attribute definitions like the schema's own. They are
   * produced by the broker (immutable, optional) and are not part of the value {@link fromOcci} reads.
   */
  extra?: Record<string, ExtraProperty>;
}

/** A JSON Schema property of {@link OcciMapping.extra}. */
export interface ExtraProperty {
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  enum?: string[];
  format?: 'uri' | 'date-time';
  description: string;
}

/** How far the service of an agreement has come, as the broker tracks it (beside the SLA state). */
export const SERVICE_PHASES = ['planned', 'provisioning', 'running', 'stopped', 'suspended', 'failed', 'releasing', 'released'] as const;

const uri = (description: string): ExtraProperty => ({ type: 'string', format: 'uri', description });
const phase: ExtraProperty = { type: 'string', enum: [...SERVICE_PHASES], description: 'Progress of the service.' };

const kind = (
  type: ModelTypeName,
  term: string,
  extra: Partial<OcciMapping> & { title: string },
): OcciMapping => ({
  type,
  category: 'kind',
  term,
  prefix: `accords.${term}`,
  location: `/${term}/`,
  parent: OCCI_CORE + 'resource',
  mutable: false,
  idIsEntityId: true,
  ...extra,
});

const mixin = (type: ModelTypeName, term: string, extra: Partial<OcciMapping> & { title: string; applies: string[] }): OcciMapping => ({
  type,
  category: 'mixin',
  term,
  prefix: `accords.${term}`,
  location: `/mixin/${term}/`,
  mutable: true,
  idIsEntityId: false,
  ...extra,
});

const B = ACCORDS_BROKER_SCHEME;

/** Every model type that has an OCCI category of its own, and how. */
export const OCCI_MAPPINGS: readonly OcciMapping[] = [
  kind('Manifest', 'manifest', { title: 'Accords manifest', mutable: true, idIsEntityId: false }),
  kind('ManifestNode', 'node', { title: 'Node of a manifest', mutable: true, idIsEntityId: false }),
  kind('NodeRelation', 'relation', { title: 'Relation between nodes', parent: OCCI_CORE + 'link', mutable: true, idIsEntityId: false }),
  kind('PlacementGroup', 'group', { title: 'Placement group', mutable: true, idIsEntityId: false }),
  mixin('ServiceTerms', 'terms', { title: 'Service terms', applies: [KIND.agreement, B + 'manifest'] }),
  mixin('Guarantee', 'guarantee', { title: 'Guarantee term', applies: [KIND.agreement], depends: [MIXIN.agreementTerm] }),
  kind('Provider', 'provider', { title: 'Cloud provider', mutable: true }),
  kind('Region', 'region', { title: 'Provider region', mutable: true }),
  kind('Offer', 'offer', {
    title: 'Priced offer',
    extra: { carbonGPerHour: { type: 'number', description: 'Expected carbon per hour now (gCO2e/h): power × grid intensity × PUE; absent without a signal.' } },
  }),
  kind('SignalSeries', 'signal', { title: 'Carbon or price signal series', idIsEntityId: false }),
  mixin('Agreement', 'agreement', {
    title: 'Accords agreement details',
    applies: [KIND.agreement],
    mutable: false,
    idIsEntityId: true,
    rename: { state: 'occi.agreement.state' },
    extra: {
      manifest: uri('Location of the manifest.'),
      phase,
      contract: uri('Location of the contract, once accepted.'),
      service: uri('Location of the service, once accepted.'),
      price: { type: 'number', description: 'Planned price per hour of the whole service.' },
      currency: { type: 'string', description: 'Currency of the price.' },
      moves: { type: 'array', description: 'Re-placement moves: node, from and to offer, saving per hour, state.' },
    },
  }),
  kind('PlacementPlan', 'plan', { title: 'Placement plan', idIsEntityId: false }),
  kind('Placement', 'placement', { title: 'Placement of a node instance', flatten: 'decision' }),
  kind('Contract', 'contract', { title: 'Contract', extra: { agreement: uri('Location of the agreement.') } }),
  kind('UsageRecord', 'usage', { title: 'Usage record', extra: { agreement: uri('Location of the agreement.') } }),
  kind('Invoice', 'invoice', { title: 'Invoice', extra: { agreement: uri('Location of the agreement.') } }),
  mixin('ProvisionedResource', 'provisioned', {
    title: 'Resource provisioned through a connector',
    applies: [KIND.compute, KIND.storage, KIND.network],
    prefix: 'accords.resource',
    mutable: false,
    idIsEntityId: true,
    extra: {
      agreement: uri('Location of the agreement the resource serves.'),
      node: { type: 'string', description: 'Manifest node.' },
      replica: { type: 'integer', description: 'Instance index within the node.' },
      pricePerHour: { type: 'number', description: 'Contracted price per hour.' },
      providerResourceId: { type: 'string', description: 'Id of the resource at the provider.' },
    },
  }),
];

/** The mapping of a model type, if it has one. */
export function mappingOf(type: ModelTypeName): OcciMapping | undefined {
  return OCCI_MAPPINGS.find((m) => m.type === type);
}

/** The category identifier of a mapping. */
export function categoryIdOf(mapping: OcciMapping): string {
  return ACCORDS_BROKER_SCHEME + mapping.term;
}
