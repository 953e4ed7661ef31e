/**
 * @accords/connector-kit/bench: the timing helper every connector's `npm run bench` uses.
 * @packageDocumentation
 */
export type { MeasureOptions } from './measure';
export { measure } from './measure';
