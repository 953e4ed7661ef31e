import type { ManifestNode, PlacementDecision } from '@accords/model';
import { SchedulerError } from './errors';
import { placeWithReport, type PlacementInput } from './place';
import type { Diagnosis } from './plan-types';

/** Where and when a deferrable node runs, or why it cannot. */
export type DeferrableSchedule =
  | {
      placed: true;
      decision: PlacementDecision;
      start: string;
      end: string;
      /** Hours it runs (interruptible work may skip hours). */
      slots: string[];
      /** Emissions over the whole run, grams CO2e (location-based and marginal apart). */
      carbonG: { locationBased: number; marginal: number | null };
      /** Price of the whole run. */
      cost: number;
    }
  | { placed: false; diagnosis: Diagnosis };

/**
 * Time-shifts one deferrable (batch) node: the start time and region that minimise its weighted
 * price and carbon over its duration inside its window, on forecast signals.
 *
 * @param input - the node (with `batch`), terms, catalogue or index, signals, `now`
 * @returns the run, or the diagnosis when nothing fits
 * @throws SchedulerError when the node has no `batch` section or the input is invalid
 * @example
 * ```ts
 * const run = scheduleDeferrable({ node: { name: 'render', cores: 8, memoryGiB: 32, batch: { durationHours: 4, deadline } },
 *   terms: { objectives: { carbon: 1 } }, ...demoCatalogue(), signals, now });
 * if (run.placed) run.start;
 * ```
 */
export function scheduleDeferrable(input: Omit<PlacementInput, 'manifest' | 'nodes' | 'relations' | 'groups'> & { node: ManifestNode }): DeferrableSchedule {
  if (!input.node.batch) throw new SchedulerError([{ code: 'invalid-input', pointer: '/node/batch', message: 'a deferrable node needs a batch section (durationHours, window)' }]);
  const node = { ...input.node, count: { initial: 1 } };
  const { node: _n, ...rest } = input;
  const { plan, report } = placeWithReport({ ...rest, nodes: [node] });
  const d = report.decisions[0];
  if (!d) return { placed: false, diagnosis: report.unplaced[0]! };
  const slots = d.slots ?? hoursBetween(d.start!, d.end!);
  const hours = slots.length;
  return {
    placed: true,
    decision: plan.decisions[0]!,
    start: d.start!,
    end: d.end!,
    slots,
    carbonG: { locationBased: d.carbon.locationBasedGPerHour * hours, marginal: d.carbon.marginalGPerHour === null ? null : d.carbon.marginalGPerHour * hours },
    cost: d.pricePerHour * input.node.batch.durationHours,
  };
}

function hoursBetween(start: string, end: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(start); t < Date.parse(end); t += 3_600_000) out.push(new Date(t).toISOString());
  return out;
}
