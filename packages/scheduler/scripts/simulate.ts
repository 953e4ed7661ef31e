/**
 * `npm run simulate`: a year of hourly profile signals on the demo catalogue; the same fleet of
 * steady services and deferrable batch jobs placed by three policies. Prints one JSON line and
 * writes the table to docs/benchmarks/energy.md.
 */
import { writeFileSync } from 'node:fs';
import { demoCatalogue, PROFILE_SOURCE } from '@accords/model';
import { PlacementIndex } from '../src/placement-index';
import { renderReport } from './simulation/report';
import { SCENARIOS } from './simulation/fleet';
import { runPolicy, type Ledger, type Policy } from './simulation/run-policy';
import { yearSignals } from './simulation/signals';

const HOURS = Number(process.env.ACCORDS_SIM_HOURS ?? 8760);
const y = yearSignals({ from: '2026-01-01T00:00:00Z', hours: HOURS + 96, error: 0.15, seed: 42 });
y.hours = HOURS;
const index = PlacementIndex.fromModel(demoCatalogue());
const t0 = performance.now();
const runs = SCENARIOS.map((scenario) => {
  const results = {} as Record<Policy, Ledger>;
  for (const policy of ['cheapest', 'carbon-weighted', 'shift-and-replace', 'shift-and-replace, myopic 24 h'] as const) results[policy] = runPolicy({ policy, index, y, replaceEveryHours: 6, horizonHours: 72, scenario });
  return { scenario, results };
});
const seconds = (performance.now() - t0) / 1000;
const round = (x: number) => Math.round(x * 100) / 100;
const line = {
  hours: HOURS, zones: y.zones.length, offers: index.catalogue.n, signals: PROFILE_SOURCE, forecastError: 0.15,
  scenarios: runs.map(({ scenario, results }) => ({
    scenario: scenario.name,
    ...Object.fromEntries(Object.entries(results).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).map(([f, x]) => [f, round(x)]))])),
  })),
  seconds: round(seconds),
};
process.stdout.write(`${JSON.stringify(line)}\n`);
if (HOURS === 8760) {
  const target = new URL('../../../docs/benchmarks/energy.md', import.meta.url);
  writeFileSync(target, renderReport({ runs, hours: HOURS, zones: y.zones.length, offers: index.catalogue.n }));
  process.stderr.write(`wrote ${target.pathname}\n`);
}
