import { createStandardModel } from '@accords/occi';
import type { Model } from '@accords/occi';
import type { ServerPlugin } from '../plugins/types';
import { seedCategories } from '../seed/seed-categories';

/**
 * Builds the provider model: the standard OCCI categories (core, Infrastructure, SLA,
 * Monitoring, Platform), the seed templates and regions, and every plugin's categories.
 * @param options - plugins, and whether to seed
 * @returns the model
 * @throws OcciError `conflict` when two sources define the same category or location
 */
export async function buildModel(options: { plugins: readonly ServerPlugin[]; seed: boolean }): Promise<Model> {
  const model = createStandardModel();
  if (options.seed) model.registerAll(seedCategories());
  for (const plugin of options.plugins) plugin.categories?.(model);
  return model;
}
