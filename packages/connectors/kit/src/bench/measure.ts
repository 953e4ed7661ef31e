/** One case of {@link measure}. */
export interface MeasureOptions {
  /** Operations one `run` performs (for `opsPerSec`). */
  n: number;
  /** Name of the case this one is compared with, measured in the same run. */
  baseline?: string;
  /** The work to time. */
  run: () => Promise<void> | void;
  /** Where the JSON line goes (default `console.log`). */
  print?: (line: string) => void;
}

/**
 * Times `run` (one warm-up, then the median of 5 rounds) and prints one JSON line:
 * `{ case, n, medianMs, opsPerSec, baseline }`.
 * @param name - The case's name.
 * @param options - Operation count, baseline name and the work.
 * @returns The median time of one round, in milliseconds.
 * @example
 * ```ts
 * import { measure } from '@accords/connector-kit/bench';
 * await measure('parse 1000 offers', { n: 1000, run: () => { for (const o of offers) parse(o); } });
 * ```
 */
export async function measure(name: string, options: MeasureOptions): Promise<number> {
  await options.run();
  const rounds = 5;
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await options.run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(rounds / 2)]!;
  const print = options.print ?? ((line: string) => console.log(line));
  print(JSON.stringify({ case: name, n: options.n, medianMs: +ms.toFixed(3), opsPerSec: Math.round((options.n / ms) * 1000), baseline: options.baseline ?? null }));
  return ms;
}
