import type { CategoryCollection } from '../model/category';
import { OCCI_APPLICATION_ACTION, OCCI_COMPONENT_ACTION, OCCI_CORE, OCCI_PLATFORM } from './schemes';

const STATES = ['active', 'inactive', 'error'];

/** OCCI Platform 1.2 (GFD.227): application, component, componentlink and their mixins. */
export const PLATFORM_CATEGORIES: CategoryCollection = {
  kinds: [
    {
      scheme: OCCI_PLATFORM,
      term: 'application',
      title: 'Application',
      parent: OCCI_CORE + 'resource',
      location: '/application/',
      attributes: {
        'occi.app.name': { type: 'string', mutable: true, required: false, description: 'Name of the application' },
        'occi.app.context': { type: 'uri', mutable: false, required: false, description: 'URL for contextualising the application' },
        'occi.app.url': { type: 'uri', mutable: false, required: false, description: 'DNS entry of the application' },
        'occi.app.state': { type: 'enum', enum: STATES, default: 'inactive', mutable: false, required: true, description: 'State of the application' },
        'occi.app.state.message': { type: 'string', mutable: false, required: false, description: 'Human-readable explanation of the current state' },
      },
      actions: [OCCI_APPLICATION_ACTION + 'start', OCCI_APPLICATION_ACTION + 'stop'],
    },
    {
      scheme: OCCI_PLATFORM,
      term: 'component',
      title: 'Component',
      parent: OCCI_CORE + 'resource',
      location: '/component/',
      attributes: {
        'occi.component.state': { type: 'enum', enum: STATES, default: 'inactive', mutable: false, required: true, description: 'State of the component' },
        'occi.component.state.message': { type: 'string', mutable: false, required: false, description: 'Human-readable explanation of the current state' },
      },
      actions: [OCCI_COMPONENT_ACTION + 'start', OCCI_COMPONENT_ACTION + 'stop'],
    },
    { scheme: OCCI_PLATFORM, term: 'componentlink', title: 'Component Link', parent: OCCI_CORE + 'link', location: '/componentlink/' },
  ],
  mixins: [
    { scheme: OCCI_PLATFORM, term: 'app_tpl', title: 'Application Template', applies: [OCCI_PLATFORM + 'application'], location: '/mixin/app_tpl/' },
    { scheme: OCCI_PLATFORM, term: 'res_tpl', title: 'Resource Template', applies: [OCCI_PLATFORM + 'application', OCCI_PLATFORM + 'component'], location: '/mixin/res_tpl/' },
    {
      scheme: OCCI_PLATFORM,
      term: 'database',
      title: 'Database Mixin',
      applies: [OCCI_PLATFORM + 'component'],
      location: '/mixin/database/',
      attributes: { 'occi.database.version': { type: 'string', mutable: false, required: false, description: 'Version of the database' } },
    },
    {
      scheme: OCCI_PLATFORM,
      term: 'databaselink',
      title: 'Database Link',
      applies: [OCCI_PLATFORM + 'componentlink'],
      location: '/mixin/databaselink/',
      attributes: {
        'occi.database.uri': { type: 'uri', mutable: false, required: false, description: 'Connection URI of the database' },
        'occi.database.username': { type: 'string', mutable: false, required: false, description: 'User name' },
        'occi.database.token': { type: 'string', mutable: false, required: false, description: 'Access token' },
      },
    },
  ],
  actions: [
    { scheme: OCCI_APPLICATION_ACTION, term: 'start', title: 'Start the application' },
    { scheme: OCCI_APPLICATION_ACTION, term: 'stop', title: 'Stop the application' },
    { scheme: OCCI_COMPONENT_ACTION, term: 'start', title: 'Start the component' },
    { scheme: OCCI_COMPONENT_ACTION, term: 'stop', title: 'Stop the component' },
  ],
};
