/** The best contiguous run of `d` hours in `values` (lowest mean, earliest on ties). */
export function bestContiguous(values: Float64Array, d: number): { offset: number; mean: number } | null {
  if (d <= 0 || d > values.length) return null;
  let sum = 0;
  for (let i = 0; i < d; i++) sum += values[i]!;
  let best = sum;
  let offset = 0;
  for (let i = d; i < values.length; i++) {
    sum += values[i]! - values[i - d]!;
    if (sum < best - 1e-9 * Math.abs(best)) {
      best = sum;
      offset = i - d + 1;
    }
  }
  return { offset, mean: best / d };
}

/** The `d` lowest hours of `values` (earliest on ties), in time order, for interruptible work. */
export function bestSlots(values: Float64Array, d: number): { offsets: number[]; mean: number } | null {
  if (d <= 0 || d > values.length) return null;
  const idx = Array.from(values.keys()).sort((a, b) => values[a]! - values[b]! || a - b).slice(0, d).sort((a, b) => a - b);
  let sum = 0;
  for (const i of idx) sum += values[i]!;
  return { offsets: idx, mean: sum / d };
}
