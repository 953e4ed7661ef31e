import { demoCatalogue } from '@accords/model';
import { PlacementIndex } from './src/placement-index';
import { place } from './src/place';
import { SCENARIOS, STEADY, TERMS } from './scripts/simulation/fleet';
import { forecastSeries, yearSignals } from './scripts/simulation/signals';
import { proposeMoves } from './src/replace/replanner';
const y = yearSignals({ from: '2026-01-01T00:00:00Z', hours: 720 + 96, error: 0.15, seed: 42 });
const index = PlacementIndex.fromModel(demoCatalogue());
const terms = { ...TERMS.carbon, jurisdiction: { allowed: SCENARIOS[1]!.jurisdictions! } };
const p = place({ nodes: STEADY, terms, index, signals: forecastSeries(y, { hour: 0, hours: 24 }), now: y.fromMs });
const running = p.decisions.map((d) => ({ instanceId: `${d.node}-${d.replica}`, node: d.node, offerId: d.offerId }));
for (let h = 6; h < 720; h += 6) {
  const r = proposeMoves({ nodes: STEADY, terms, index, signals: forecastSeries(y, { hour: h, hours: 24 }), now: y.fromMs + h * 3600e3, running, options: { horizonHours: 24, churnLimitPerHour: 4, defaultDataGB: 20 } });
  for (const m of r.moves) { running.find(x => x.instanceId === m.instanceId)!.offerId = m.to.offerId; console.log(h, `${m.instanceId} ${m.from.offerId}->${m.to.offerId} dP=${m.priceDeltaPerHour.toFixed(3)} dC=${m.carbonDeltaGPerHour.toFixed(1)} sav=${m.horizonSaving.toFixed(2)} cost=${m.migrationCost.toFixed(2)}`); }
}
