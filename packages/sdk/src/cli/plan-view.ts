import type { PlacementPlan } from '@accords/model';
import type { Printer } from './output';

/**
 * Prints a placement plan: one row per placed instance with its price, carbon and the reason
 * for the choice, then the nodes that could not be placed, then the totals.
 * @param out - the printer
 * @param plan - the plan
 * @param extra - more fields for JSON output (locations)
 */
export function printPlan(out: Printer, plan: PlacementPlan, extra: Record<string, unknown> = {}): void {
  if (out.mode === 'json') return out.result({ ...extra, plan }, '');
  const money = (n: number): string => `${n.toFixed(4)} ${plan.currency}`;
  out.list(plan.decisions, [
    { header: 'NODE', value: (d) => (d.replica > 0 ? `${d.node}#${d.replica}` : d.node) },
    { header: 'PROVIDER', value: (d) => d.providerId },
    { header: 'REGION', value: (d) => d.regionId },
    { header: 'OFFER', value: (d) => d.offerId },
    { header: 'PRICE/H', value: (d) => money(d.pricePerHour), numeric: true },
    { header: 'gCO2e/H', value: (d) => (d.carbonGPerHour === undefined ? '' : d.carbonGPerHour.toFixed(1)), numeric: true },
    { header: 'SCORE', value: (d) => d.scores.total.toFixed(3), numeric: true },
    { header: 'REASON', value: (d) => d.reason },
  ]);
  for (const u of plan.unplaced) out.note(out.colors.red(`unplaced: ${u.node}: ${u.reason}${u.filters.length ? ` (${u.filters.map((f) => `${f.filter} removed ${f.removed}`).join(', ')})` : ''}`));
  const carbon = plan.carbonGPerHour === undefined ? '' : `, ${plan.carbonGPerHour.toFixed(1)} gCO2e per hour`;
  const summary = `total: ${money(plan.pricePerHour)} per hour${carbon}, ${plan.decisions.length} instance(s)${plan.unplaced.length ? `, ${plan.unplaced.length} node(s) unplaced` : ''}`;
  if (out.mode === 'text') out.note(summary);
  else out.note(out.colors.bold(summary));
}
