import type { CategoryCollection } from '../model/category';
import { OCCI_CORE } from './schemes';

/** OCCI Core 1.2 (GFD.221): the entity, resource and link kinds. */
export const CORE_CATEGORIES: CategoryCollection = {
  kinds: [
    {
      scheme: OCCI_CORE,
      term: 'entity',
      title: 'Entity',
      attributes: {
        'occi.core.id': { type: 'string', mutable: false, required: true, description: 'Unique identifier of the entity' },
        'occi.core.title': { type: 'string', mutable: true, required: false, description: 'Display name of the entity' },
      },
    },
    {
      scheme: OCCI_CORE,
      term: 'resource',
      title: 'Resource',
      parent: OCCI_CORE + 'entity',
      location: '/resource/',
      attributes: { 'occi.core.summary': { type: 'string', mutable: true, required: false, description: 'Summarising description of the resource' } },
    },
    {
      scheme: OCCI_CORE,
      term: 'link',
      title: 'Link',
      parent: OCCI_CORE + 'entity',
      location: '/link/',
      attributes: {
        'occi.core.source': { type: 'uri', mutable: false, required: true, description: 'Location of the source resource' },
        'occi.core.target': { type: 'uri', mutable: true, required: true, description: 'Location of the target resource' },
      },
    },
  ],
  mixins: [],
  actions: [],
};
