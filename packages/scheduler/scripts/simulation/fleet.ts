import type { ManifestNode, ServiceTerms } from '@accords/model';

/** Steady services of the simulated fleet (run all year). */
export const STEADY: ManifestNode[] = [
  { name: 'eu-web', cores: 2, memoryGiB: 4, count: { initial: 4 }, jurisdiction: { allowed: ['EU', 'EEA', 'CH'] } },
  { name: 'eu-db', cores: 8, memoryGiB: 64, count: { initial: 2 }, jurisdiction: { allowed: ['EU', 'EEA', 'CH'] } },
  { name: 'api', cores: 4, memoryGiB: 16, count: { initial: 4 } },
  { name: 'search', cores: 16, memoryGiB: 64, count: { initial: 2 } },
  { name: 'ml-inference', cores: 8, memoryGiB: 32, gpus: { count: 1 }, count: { initial: 2 } },
];

/** Batch jobs: one daily report and one weekly training run. */
export function batchJobs(a: { days: number; fromMs: number }): { node: ManifestNode; releaseHour: number; windowHours: number }[] {
  const jobs: { node: ManifestNode; releaseHour: number; windowHours: number }[] = [];
  for (let d = 0; d < a.days; d++) {
    jobs.push({ node: { name: `daily-${d}`, cores: 16, memoryGiB: 64, batch: { durationHours: 6, interruptible: false } }, releaseHour: d * 24, windowHours: 24 });
    if (d % 7 === 0) jobs.push({ node: { name: `weekly-${d}`, cores: 8, memoryGiB: 32, gpus: { count: 1 }, batch: { durationHours: 24, interruptible: false } }, releaseHour: d * 24, windowHours: 72 });
  }
  return jobs;
}

/** A scenario: the jurisdictions the whole fleet may use. */
export interface Scenario {
  name: string;
  jurisdictions?: string[];
}

/** The scenarios simulated: the whole catalogue, and only fossil-heavier grids with strong solar swings. */
export const SCENARIOS: Scenario[] = [
  { name: 'whole catalogue' },
  { name: 'fossil-heavy grids only (DE, NL, PL, US, AU, ZA, IN)', jurisdictions: ['DE', 'NL', 'PL', 'US', 'AU', 'ZA', 'IN'] },
];

/** Terms of each policy: cheapest only, or price and carbon weighted alike. */
export const TERMS: Record<'cheapest' | 'carbon', ServiceTerms> = {
  cheapest: { price: { currency: 'EUR' }, availability: 99.9, objectives: { price: 1 } },
  carbon: { price: { currency: 'EUR' }, availability: 99.9, objectives: { price: 0.5, carbon: 0.5 } },
};
