import type { Catalogue } from '../compile/catalogue';
import { feasible, totalScore } from '../compile/evaluate';
import type { Query } from '../compile/query';
import { TopK } from './top-k';

/**
 * The reference search: every offer filtered and scored. The index must return exactly this.
 *
 * @param cat - the compiled catalogue
 * @param q - the node class's query
 * @param k - how many of the best offers to return
 * @returns the k best feasible offers, best first (ties broken by offer position)
 */
export function bruteForceTopK(cat: Catalogue, q: Query, k = 1): { offer: number; score: number }[] {
  const top = new TopK(k);
  for (let o = 0; o < cat.n; o++) {
    if (feasible(cat, q, o)) top.offer(totalScore(cat, q, o), o);
  }
  return top.list();
}
