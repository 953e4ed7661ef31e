import type { CategoryCollection } from '@accords/occi';
import { BROKER, KIND_IDS, SERVICE_ACTION } from './ids';

const uri = (description: string) => ({ type: 'uri' as const, mutable: false, required: false, description });
const str = (description: string, mutable = false) => ({ type: 'string' as const, mutable, required: false, description });
const num = (description: string) => ({ type: 'number' as const, mutable: false, required: false, description });
const obj = (description: string) => ({ type: 'object' as const, mutable: false, required: false, description });
const arr = (description: string) => ({ type: 'array' as const, mutable: false, required: false, description });
const phase = ['planned', 'provisioning', 'running', 'stopped', 'suspended', 'failed', 'releasing', 'released'];

/**
 * The broker's OCCI categories under `http://schemas.accords.dev/occi/broker#`: the manifest,
 * service, contract, invoice and usage kinds, the service actions, and two mixins that carry
 * the broker's attributes on standard entities (the SLA agreement and the Infrastructure kinds).
 */
export const BROKER_CATEGORIES: CategoryCollection = {
  kinds: [
    {
      scheme: BROKER, term: 'manifest', title: 'Manifest: what a user needs and on what terms', parent: KIND_IDS.resource, location: '/manifest/',
      attributes: {
        // Written by the client at creation; the broker's create hook fills name and agreement,
        // and hooks run with the client's rights, so these are mutable in the model.
        'accords.manifest.document': { type: 'string', mutable: true, required: true, description: 'The manifest document (YAML or JSON, as @accords/model reads it)' },
        'accords.manifest.name': str('Name of the manifest', true),
        'accords.manifest.agreement': { type: 'uri', mutable: true, required: false, description: 'The agreement made for this manifest (set by the broker)' },
      },
    },
    {
      scheme: BROKER, term: 'service', title: 'The running service of an accepted agreement', parent: KIND_IDS.resource, location: '/service/',
      attributes: {
        'accords.service.agreement': uri('The agreement the service runs under'),
        'accords.service.state': { type: 'enum', enum: phase, mutable: false, required: false, description: 'Progress of the service' },
      },
      actions: ['start', 'stop', 'suspend', 'terminate'].map((t) => SERVICE_ACTION + t),
    },
    {
      scheme: BROKER, term: 'contract', title: 'The accepted placement and its price', parent: KIND_IDS.resource, location: '/contract/',
      attributes: {
        'accords.contract.agreement': uri('The agreement'),
        'accords.contract.price': num('Contracted price per hour of the whole service'),
        'accords.contract.currency': str('ISO 4217 currency'),
        'accords.contract.document': obj('The contract (decisions, guarantees, dates) as JSON'),
      },
    },
    {
      scheme: BROKER, term: 'invoice', title: 'Charges of a tenant for a period', parent: KIND_IDS.resource, location: '/invoice/',
      attributes: {
        'accords.invoice.period_start': { type: 'datetime', mutable: false, required: false, description: 'Start of the period' },
        'accords.invoice.period_end': { type: 'datetime', mutable: false, required: false, description: 'End of the period' },
        'accords.invoice.currency': str('ISO 4217 currency'),
        'accords.invoice.total': num('Total amount'),
        'accords.invoice.status': { type: 'enum', enum: ['draft', 'issued'], mutable: false, required: false, description: 'draft while the period is open' },
        'accords.invoice.lines': arr('The invoice lines'),
        'accords.invoice.document': obj('The invoice as JSON'),
      },
    },
  ],
  mixins: [
    {
      scheme: BROKER, term: 'brokered', title: 'An agreement made by the broker', applies: [KIND_IDS.agreement], location: '/mixin/brokered/',
      attributes: {
        'accords.agreement.manifest': uri('The manifest'),
        'accords.agreement.plan': obj('The placement plan: decisions with scores and reasons, price per hour, expected carbon'),
        'accords.agreement.phase': { type: 'enum', enum: phase, mutable: false, required: false, description: 'Progress of the service' },
        'accords.agreement.reason': str('Why it failed, was rejected or ended'),
        'accords.agreement.contract': uri('The contract, once accepted'),
        'accords.agreement.service': uri('The service, once accepted'),
        'accords.agreement.terms': arr('State of each guarantee term (undefined, fulfilled, violated)'),
        'accords.agreement.price': num('Planned price per hour'),
        'accords.agreement.moves': arr('Re-placement moves: node, from and to offer, saving per hour, state'),
        'accords.agreement.currency': str('Currency of the price'),
      },
    },
    {
      scheme: BROKER, term: 'provisioned', title: 'An Infrastructure entity the broker created at a provider',
      applies: [KIND_IDS.compute, KIND_IDS.storage, KIND_IDS.network], location: '/mixin/provisioned/',
      attributes: {
        'accords.resource.agreement': uri('The agreement'),
        'accords.resource.node': str('Manifest node'),
        'accords.resource.replica': { type: 'integer', mutable: false, required: false, description: 'Instance index' },
        'accords.resource.provider': str('Provider id'),
        'accords.resource.region': str('Region id'),
        'accords.resource.offer': str('Offer id'),
        'accords.resource.provider_id': str('Id of the resource at the provider'),
        'accords.resource.addresses': arr('Addresses'),
        'accords.resource.price': num('Price per hour'),
      },
    },
  ],
  actions: ['start', 'stop', 'suspend', 'terminate'].map((t) => ({ scheme: SERVICE_ACTION, term: t, title: `${t} every resource of the service` })),
};
