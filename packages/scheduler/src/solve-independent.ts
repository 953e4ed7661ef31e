import type { OfferIndex } from './index/offer-index';
import type { PreparedClass } from './prepare';

/** Offers given to the instances of one class, in member order. */
export interface ClassResult {
  /** Offer position per member (-1 unplaced). */
  offers: Int32Array;
  /** Score per member. */
  scores: Float64Array;
  /** Objective of the class (size x score summed). */
  objective: number;
  /** True when an offer's capacity ran out while placing the class. */
  capacityHit: boolean;
  /** The first ranked list the class got (its best `rankedK` offers before it drew capacity). */
  ranked: readonly { offer: number; score: number }[];
}

/** How many offers the first query of a class ranks. */
export const RANKED_K = 8;

/**
 * Places the members of one class on their best offers, moving to the next best when a
 * capacity runs out: exact for the class alone.
 */
export function solveClass(index: OfferIndex, pc: PreparedClass): ClassResult {
  const n = pc.cls.members.length;
  const offers = new Int32Array(n).fill(-1);
  const scores = new Float64Array(n);
  const cap = pc.q.capacity;
  let i = 0;
  let objective = 0;
  let capacityHit = false;
  let k = RANKED_K;
  let ranked: readonly { offer: number; score: number }[] | null = null;
  while (i < n) {
    // Scores do not change while capacity is taken, so one ranked list serves many instances.
    const list = index.topK(pc.q, k);
    ranked ??= list;
    if (list.length === 0) break;
    for (const top of list) {
      const take = Math.min(n - i, cap[top.offer]!);
      for (let j = 0; j < take; j++) {
        offers[i] = top.offer;
        scores[i] = top.score;
        objective += pc.q.size * top.score;
        i++;
      }
      cap[top.offer]! -= take;
      if (cap[top.offer]! < 1) capacityHit = true;
      if (i >= n) break;
    }
    if (list.length < k) break;
    k *= 4;
  }
  return { offers, scores, objective, capacityHit, ranked: ranked ?? index.topK(pc.q, RANKED_K) };
}
