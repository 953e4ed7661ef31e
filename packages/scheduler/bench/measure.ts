import { PerformanceObserver, performance } from 'node:perf_hooks';

/** Timings of one measured loop: all iterations, GC pauses included, and the GC seen. */
export interface Measured {
  p50: number;
  p99: number;
  runs: number;
  /** GC pauses (scavenges and mark-compacts) that started during the measured iterations. */
  gcPauses: number;
  /** Their total duration, ms. */
  gcMs: number;
  /** Iterations that overlapped a GC pause. */
  gcHitRuns: number;
  /** p99 of the iterations no GC pause overlapped (a diagnostic: p99 above is the figure). */
  p99NoGc: number;
}

const gcEntries: { start: number; end: number }[] = [];
let observer: PerformanceObserver | null = null;

function observeGc(): void {
  if (observer) return;
  observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcEntries.push({ start: e.startTime, end: e.startTime + e.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
}

/** Lets the GC observer deliver what it has buffered (entries arrive on a later tick). */
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

/**
 * Runs `fn` `runs` times after `warmup` runs; returns p50 and p99 in ms over every iteration
 * (nothing is excluded, no GC is forced) together with the GC pauses that fell inside them.
 */
export async function measure(fn: (i: number) => void, a: { runs: number; warmup?: number }): Promise<Measured> {
  observeGc();
  for (let i = 0; i < (a.warmup ?? Math.min(10, a.runs)); i++) fn(i);
  await flush();
  gcEntries.length = 0;
  const start = new Float64Array(a.runs);
  const end = new Float64Array(a.runs);
  for (let i = 0; i < a.runs; i++) {
    start[i] = performance.now();
    fn(i);
    end[i] = performance.now();
  }
  await flush();
  const from = start[0]!;
  const to = end[a.runs - 1]!;
  const gcs = gcEntries.filter((g) => g.start >= from && g.start <= to);
  const hit = new Uint8Array(a.runs);
  let j = 0;
  for (const g of gcs) {
    while (j < a.runs && end[j]! < g.start) j++;
    for (let k = j; k < a.runs && start[k]! <= g.end; k++) hit[k] = 1;
  }
  const all: number[] = [];
  const clean: number[] = [];
  for (let i = 0; i < a.runs; i++) {
    const t = end[i]! - start[i]!;
    all.push(t);
    if (!hit[i]) clean.push(t);
  }
  return {
    p50: pct(all, 0.5), p99: pct(all, 0.99), runs: a.runs,
    gcPauses: gcs.length, gcMs: round(gcs.reduce((s, g) => s + (g.end - g.start), 0)),
    gcHitRuns: hit.reduce((s, x) => s + x, 0), p99NoGc: pct(clean, 0.99),
  };
}

function pct(t: number[], p: number): number {
  if (t.length === 0) return NaN;
  const s = [...t].sort((x, y) => x - y);
  return round(s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!);
}

/** The JSON fields of a measurement, with a prefix (`''` for ours, `'baseline_'`). */
export function fields(m: Measured, prefix: string): Record<string, number> {
  return {
    [`${prefix}p50_ms`]: m.p50, [`${prefix}p99_ms`]: m.p99, [`${prefix}runs`]: m.runs,
    [`${prefix}gc_pauses`]: m.gcPauses, [`${prefix}gc_ms`]: m.gcMs, [`${prefix}gc_hit_runs`]: m.gcHitRuns, [`${prefix}p99_no_gc_ms`]: m.p99NoGc,
  };
}

/** Rounds to 4 significant decimals. */
export function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
