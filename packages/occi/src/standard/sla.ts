import type { CategoryCollection } from '../model/category';
import { OCCI_AGREEMENT_ACTION, OCCI_CORE, OCCI_SLA } from './schemes';

const DATETIME = { type: 'datetime', mutable: true, required: false } as const;

/** OCCI SLA 1.2 (GFD.228): agreement, agreement_link, agreement_tpl, agreement_term. */
export const SLA_CATEGORIES: CategoryCollection = {
  kinds: [
    {
      scheme: OCCI_SLA,
      term: 'agreement',
      title: 'Service Level Agreement',
      parent: OCCI_CORE + 'resource',
      location: '/agreement/',
      attributes: {
        'occi.agreement.state': { type: 'enum', enum: ['pending', 'accepted', 'rejected', 'suspended', 'terminated'], default: 'pending', mutable: false, required: true, description: 'Current state of the agreement' },
        'occi.agreement.agreedAt': { ...DATETIME, mutable: false, description: 'When the agreement was made' },
        'occi.agreement.effectiveFrom': { ...DATETIME, description: 'When the agreement takes effect' },
        'occi.agreement.effectiveUntil': { ...DATETIME, description: 'When the agreement ends' },
      },
      actions: ['accept', 'reject', 'suspend', 'resume', 'terminate'].map((t) => OCCI_AGREEMENT_ACTION + t),
    },
    { scheme: OCCI_SLA, term: 'agreement_link', title: 'Link between an agreement and a resource', parent: OCCI_CORE + 'link', location: '/agreement_link/' },
  ],
  mixins: [
    { scheme: OCCI_SLA, term: 'agreement_tpl', title: 'Agreement template', applies: [OCCI_SLA + 'agreement'], location: '/mixin/agreement_tpl/' },
    { scheme: OCCI_SLA, term: 'agreement_term', title: 'Agreement term', applies: [OCCI_SLA + 'agreement'], location: '/mixin/agreement_term/' },
  ],
  actions: [
    { scheme: OCCI_AGREEMENT_ACTION, term: 'accept', title: 'Accept the agreement offer' },
    { scheme: OCCI_AGREEMENT_ACTION, term: 'reject', title: 'Reject the agreement offer' },
    { scheme: OCCI_AGREEMENT_ACTION, term: 'suspend', title: 'Suspend the agreement' },
    { scheme: OCCI_AGREEMENT_ACTION, term: 'resume', title: 'Resume the agreement' },
    { scheme: OCCI_AGREEMENT_ACTION, term: 'terminate', title: 'Terminate the agreement' },
  ],
};
