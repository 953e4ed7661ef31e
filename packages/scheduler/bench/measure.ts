/** Runs `fn` `runs` times after `warmup` runs; returns p50 and p99 in ms. */
export function measure(fn: (i: number) => void, a: { runs: number; warmup?: number }): { p50: number; p99: number } {
  for (let i = 0; i < (a.warmup ?? Math.min(10, a.runs)); i++) fn(i);
  const t: number[] = [];
  for (let i = 0; i < a.runs; i++) {
    const t0 = performance.now();
    fn(i);
    t.push(performance.now() - t0);
  }
  t.sort((x, y) => x - y);
  const at = (p: number) => t[Math.min(t.length - 1, Math.ceil(p * t.length) - 1)]!;
  return { p50: round(at(0.5)), p99: round(at(0.99)) };
}

/** Rounds to 4 significant decimals. */
export function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
