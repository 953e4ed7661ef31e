import { KIND, createStandardModel } from '@accords/occi';
import type { ActionData, CategoryCollection, KindData, MixinData, Model } from '@accords/occi';
import { ACCORDS_BROKER_SCHEME, ACCORDS_SERVICE_ACTION_SCHEME, OCCI_MAPPINGS, SERVICE_PHASES } from './mappings';
import { attributeSpecsOf } from './attributes';

/** States of a deployed service. */
export const SERVICE_STATES = ['pending', 'deploying', 'running', 'stopped', 'suspended', 'failed', 'terminated'] as const;

const SERVICE_ACTIONS = ['start', 'stop', 'suspend', 'terminate'] as const;

function build(): CategoryCollection {
  const kinds: KindData[] = [];
  const mixins: MixinData[] = [];
  for (const m of OCCI_MAPPINGS) {
    const attributes = attributeSpecsOf(m);
    if (m.category === 'kind') kinds.push({ scheme: ACCORDS_BROKER_SCHEME, term: m.term, title: m.title, parent: m.parent, location: m.location, attributes });
    else {
      const data: MixinData = { scheme: ACCORDS_BROKER_SCHEME, term: m.term, title: m.title, applies: m.applies, location: m.location, attributes };
      if (m.depends) data.depends = m.depends;
      mixins.push(data);
    }
  }
  const manifest = kinds.find((k) => k.term === 'manifest')!;
  manifest.attributes = {
    ...manifest.attributes,
    'accords.manifest.document': {
      type: 'string',
      mutable: true,
      required: false,
      description: 'The whole manifest as a JSON or YAML document (instead of one attribute per part).',
    },
    // Filled by the broker when it accepts the manifest; broker hooks act with the client's rights.
    'accords.manifest.agreement': {
      type: 'uri',
      mutable: true,
      required: false,
      description: 'Location of the agreement created for the manifest.',
    },
  };
  kinds.push({
    scheme: ACCORDS_BROKER_SCHEME,
    term: 'service',
    title: 'Deployed service: every resource of an agreement',
    parent: KIND.resource,
    location: '/service/',
    attributes: {
      'accords.service.manifest': { type: 'uri', mutable: false, required: true, description: 'Location of the manifest.' },
      'accords.service.agreement': { type: 'uri', mutable: false, required: true, description: 'Location of the agreement.' },
      'accords.service.state': { type: 'enum', enum: [...SERVICE_STATES], default: 'pending', mutable: false, required: true, description: 'State of the service.' },
      'accords.service.phase': { type: 'enum', enum: [...SERVICE_PHASES], mutable: false, required: false, description: 'Progress of the service as the broker tracks it.' },
    },
    actions: SERVICE_ACTIONS.map((a) => ACCORDS_SERVICE_ACTION_SCHEME + a),
  });
  mixins.push({
    scheme: ACCORDS_BROKER_SCHEME,
    term: 'monitored',
    title: 'What a sensor of the OCCI Monitoring extension measured for a service',
    applies: [KIND.sensor],
    location: '/mixin/monitored/',
    attributes: {
      'accords.sensor.agreement': { type: 'uri', mutable: false, required: false, description: 'Location of the agreement whose service the sensor watches.' },
      'accords.sensor.measuredAt': { type: 'datetime', mutable: false, required: false, description: 'When the last measurements were taken.' },
      'accords.sensor.availability': { type: 'number', mutable: false, required: false, description: 'Percent of the expected running time the service ran since it became effective.' },
      'accords.sensor.provisioningTime': { type: 'number', mutable: false, required: false, description: 'Seconds from acceptance to every resource running.' },
      'accords.sensor.price': { type: 'number', mutable: false, required: false, description: 'Price per hour of the resources running now.' },
      'accords.sensor.latency': { type: 'number', mutable: false, required: false, description: 'Milliseconds, only when a connector reports it.' },
      'accords.sensor.errorRate': { type: 'number', mutable: false, required: false, description: 'Percent of failed requests, only when a connector reports it.' },
      'accords.sensor.measurements': {
        type: 'array',
        mutable: false,
        required: false,
        description: 'Per guarantee: metric, value, unit and the window [from, to) it was measured over; the term states are evaluated from these.',
      },
    },
  });
  const actions: ActionData[] = SERVICE_ACTIONS.map((a) => ({ scheme: ACCORDS_SERVICE_ACTION_SCHEME, term: a, title: `${a[0]!.toUpperCase()}${a.slice(1)} every resource of the service` }));
  return { kinds, mixins, actions };
}

/** Every Accords kind, mixin and action, with attribute definitions generated from the JSON Schemas. */
export const ACCORDS_CATEGORIES: CategoryCollection = build();

/**
 * Registers every Accords category into an OCCI model that already has OCCI Core and the
 * Infrastructure and SLA extensions (the mixins apply to their kinds).
 * @param model - e.g. from `createStandardModel()`.
 * @returns the same model.
 * @throws OcciError `conflict` when a category or location is already registered.
 * @example
 * ```ts
 * const model = registerAccordsCategories(createStandardModel());
 * model.getKind('http://schemas.accords.dev/occi/broker#offer')?.location; // '/offer/'
 * ```
 */
export function registerAccordsCategories(model: Model): Model {
  return model.registerAll(ACCORDS_CATEGORIES);
}

/**
 * A new OCCI model with the standard extensions and every Accords category.
 * @returns the model.
 * @example
 * ```ts
 * createAccordsModel().getKind('http://schemas.accords.dev/occi/broker#manifest') !== undefined; // true
 * ```
 */
export function createAccordsModel(): Model {
  return registerAccordsCategories(createStandardModel());
}
