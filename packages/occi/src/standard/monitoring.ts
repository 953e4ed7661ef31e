import type { CategoryCollection } from '../model/category';
import { OCCI_CORE, OCCI_MONITORING } from './schemes';

const SECONDS = { type: 'integer', mutable: true, required: false } as const;

/** OCCI Monitoring extension (draft): sensor, collector, metric, aggregator, publisher. */
export const MONITORING_CATEGORIES: CategoryCollection = {
  kinds: [
    {
      scheme: OCCI_MONITORING,
      term: 'sensor',
      title: 'Sensor Resource',
      parent: OCCI_CORE + 'resource',
      location: '/sensor/',
      attributes: {
        'occi.sensor.timebase': { type: 'datetime', mutable: true, required: false, description: 'Base time reference (ISO 8601)' },
        'occi.sensor.timestart': { ...SECONDS, description: 'Start time offset (seconds)' },
        'occi.sensor.timestop': { ...SECONDS, description: 'Stop time offset (seconds)' },
        'occi.sensor.period': { ...SECONDS, required: true, description: 'Time between two measurements (seconds)' },
        'occi.sensor.granularity': { ...SECONDS, description: 'Granularity of time measurement (seconds)' },
        'occi.sensor.accuracy': { ...SECONDS, description: 'Accuracy of time measurement (seconds)' },
      },
    },
    {
      scheme: OCCI_MONITORING,
      term: 'collector',
      title: 'Collector Link',
      parent: OCCI_CORE + 'link',
      location: '/collector/',
      attributes: {
        'occi.collector.period': { ...SECONDS, required: true, description: 'Time between two measurements (seconds)' },
        'occi.collector.granularity': { ...SECONDS, description: 'Granularity of time measurement (seconds)' },
        'occi.collector.accuracy': { ...SECONDS, description: 'Accuracy of time measurement (seconds)' },
      },
    },
  ],
  mixins: [
    { scheme: OCCI_MONITORING, term: 'metric', title: 'Metric Mixin', applies: [OCCI_MONITORING + 'collector'], location: '/mixin/metric/' },
    { scheme: OCCI_MONITORING, term: 'aggregator', title: 'Aggregator Mixin', applies: [OCCI_MONITORING + 'sensor'], location: '/mixin/aggregator/' },
    { scheme: OCCI_MONITORING, term: 'publisher', title: 'Publisher Mixin', applies: [OCCI_MONITORING + 'sensor'], location: '/mixin/publisher/' },
  ],
  actions: [],
};
