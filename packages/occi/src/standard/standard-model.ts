import type { CategoryCollection } from '../model/category';
import { Model } from '../model/model';
import { CORE_CATEGORIES } from './core';
import { INFRASTRUCTURE_CATEGORIES } from './infrastructure';
import { MONITORING_CATEGORIES } from './monitoring';
import { PLATFORM_CATEGORIES } from './platform';
import { SLA_CATEGORIES } from './sla';
import { STANDARD_STATE_MACHINES } from './state-machines';

/** The standard extensions {@link createStandardModel} can load. */
export type StandardExtension = 'infrastructure' | 'sla' | 'monitoring' | 'platform';

/** Options of {@link createStandardModel}. */
export interface StandardModelOptions {
  /** Extensions to load besides Core (default: all). */
  extensions?: StandardExtension[];
}

const EXTENSIONS: Record<StandardExtension, CategoryCollection> = {
  infrastructure: INFRASTRUCTURE_CATEGORIES,
  sla: SLA_CATEGORIES,
  monitoring: MONITORING_CATEGORIES,
  platform: PLATFORM_CATEGORIES,
};

/**
 * A model with OCCI Core and the standard extensions (Infrastructure 1.2, SLA, Monitoring,
 * Platform) and their state machines.
 * @param options - which extensions to load (default: all).
 * @returns a new model.
 * @example
 * ```ts
 * const model = createStandardModel();
 * model.getKind(KIND.compute)?.location; // '/compute/'
 * ```
 */
export function createStandardModel(options: StandardModelOptions = {}): Model {
  const model = new Model().registerAll(CORE_CATEGORIES);
  for (const ext of options.extensions ?? (Object.keys(EXTENSIONS) as StandardExtension[])) model.registerAll(EXTENSIONS[ext]);
  for (const machine of STANDARD_STATE_MACHINES) if (model.getKind(machine.kind)) model.registerStateMachine(machine);
  return model;
}
