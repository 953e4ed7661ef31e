/**
 * Minimum-cost assignment of every row to a distinct column (rows <= columns), O(rows² x cols).
 * Entries may be Infinity (forbidden).
 *
 * @returns the minimum total cost, or Infinity when no assignment exists
 */
export function minCostAssignment(cost: readonly Float64Array[], cols: number): number {
  const n = cost.length;
  if (n === 0) return 0;
  if (n > cols) return Infinity;
  const BIG = 1e15;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(cols + 1);
  const p = new Int32Array(cols + 1);
  const way = new Int32Array(cols + 1);
  const at = (i: number, j: number) => {
    const c = cost[i - 1]![j - 1]!;
    return Number.isFinite(c) ? c : BIG;
  };
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(cols + 1).fill(Infinity);
    const used = new Uint8Array(cols + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue;
        const cur = at(i0, j) - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= cols; j++) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  let total = 0;
  for (let j = 1; j <= cols; j++) if (p[j]! > 0) total += at(p[j]!, j);
  return total >= BIG ? Infinity : total;
}
