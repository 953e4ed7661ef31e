import type { Catalogue } from './compile/catalogue';
import type { SignalStore } from './compile/signal-store';
import { FALLBACK_INTENSITY, type TermsContext } from './compile/terms-context';
import { BIT } from './filters/names';
import { hourOf, toMs } from './time/hours';
import { bestContiguous, bestSlots } from './time/windows';
import type { DeferrableSpec, SignalMetric } from './types';

/** The run chosen in one region: first hour, the hours it runs, mean intensities over them. */
export interface RegionRun {
  startHour: number;
  hours: number[];
  meanScoring: number;
  meanLocation: number;
  meanMarginal: number;
}

/** Runs per region and the region arrays a query needs for a deferrable node. */
export interface DeferrablePlan {
  runs: (RegionRun | null)[];
  regionFactor: Float64Array;
  regionFail: Uint16Array;
  /** Why no run fits, when none does. */
  problem?: string;
}

function meanAt(signals: SignalStore, a: { zone: string; metric: SignalMetric; hours: number[] }): number {
  let s = 0;
  let n = 0;
  for (const h of a.hours) {
    const v = signals.at(a.zone, a.metric, h);
    if (!Number.isNaN(v)) {
      s += v;
      n++;
    }
  }
  return n > 0 ? s / n : NaN;
}

/**
 * For each region, the run of a deferrable node that minimises the mean carbon intensity of the
 * scoring signal (forecasts where no actual value exists) inside its window. Since an offer's
 * price does not change with time and its carbon grows with the intensity, the best run of a
 * region is the same for every offer there: choosing the run first and the offer second is exact.
 */
export function planDeferrable(a: { cat: Catalogue; tc: TermsContext; signals: SignalStore; spec: DeferrableSpec; now: number }): DeferrablePlan {
  const { cat, tc, signals, spec } = a;
  const nR = cat.regions.length;
  const first = Math.max(Math.ceil(a.now / 3_600_000), Math.ceil(toMs(spec.earliestStart ?? a.now) / 3_600_000));
  const last = hourOf(toMs(spec.deadline));
  const d = Math.ceil(spec.durationHours);
  const span = last - first;
  const out: DeferrablePlan = { runs: new Array(nR).fill(null), regionFactor: new Float64Array(nR), regionFail: tc.regionFail.slice() };
  if (span < d) {
    out.problem = `the window from ${new Date(first * 3_600_000).toISOString()} to the deadline holds fewer than ${d} whole hours`;
    for (let r = 0; r < nR; r++) out.regionFail[r]! |= BIT['time-window'];
    return out;
  }
  const cache = new Map<string, RegionRun | null>();
  for (let r = 0; r < nR; r++) {
    const zone = cat.regionZone[r]!;
    let run = cache.get(zone);
    if (run === undefined) {
      const values = signals.window(zone, tc.scoringMetric, { fromHour: first, hours: span, fallback: FALLBACK_INTENSITY });
      let hours: number[];
      let mean: number;
      if (spec.interruptible) {
        const s = bestSlots(values, d)!;
        hours = s.offsets.map((o) => first + o);
        mean = s.mean;
      } else {
        const c = bestContiguous(values, d)!;
        hours = Array.from({ length: d }, (_, i) => first + c.offset + i);
        mean = c.mean;
      }
      run = {
        startHour: hours[0]!, hours, meanScoring: mean,
        meanLocation: meanAt(signals, { zone, metric: 'carbon-location-based', hours }),
        meanMarginal: meanAt(signals, { zone, metric: 'carbon-marginal', hours }),
      };
      cache.set(zone, run);
    }
    out.runs[r] = run;
    out.regionFactor[r] = cat.pue[r]! * run!.meanScoring;
    const ceiling = tc.terms.carbonCeiling;
    out.regionFail[r] = (out.regionFail[r]! & ~BIT['carbon-ceiling']) | (ceiling !== undefined && !signals.has(zone, tc.scoringMetric) ? BIT['carbon-ceiling'] : 0);
    if (ceiling !== undefined && !(run!.meanScoring <= ceiling)) out.regionFail[r]! |= BIT['carbon-ceiling'];
  }
  return out;
}
