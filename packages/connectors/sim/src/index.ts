/**
 * @accords/connector-sim: a deterministic multi-region cloud simulator for Accords — the
 * demo catalogue's providers, regions and offers, capacity, quotas, provisioning delays on a
 * virtual clock, prices that follow the electricity-price signals, seeded fault injection and a
 * usage meter. The server's embedded default connector and the ground for fault tests.
 * @packageDocumentation
 */
export { createSimConnector } from './sim-connector';
export type { SimConnector } from './sim-connector';
export { createSimFleet } from './sim-fleet';
export type { SimDelays, SimFaults, SimOperation, SimOptions } from './options';
export type { SimStats } from './faults';
export type { SimMeter } from './meter';
export { SIM_CAPABILITIES, SIM_IMAGES } from './capabilities';
