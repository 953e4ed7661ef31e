/** Times `run` (after a warm-up) over five rounds and prints one JSON line with the median. */
export async function measure(name: string, options: { n: number; baseline?: string; run: () => Promise<void> | void }): Promise<number> {
  await options.run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await options.run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const ms = times[2]!;
  console.log(JSON.stringify({ case: name, n: options.n, medianMs: +ms.toFixed(3), opsPerSec: Math.round((options.n / ms) * 1000), baseline: options.baseline ?? null }));
  return ms;
}
