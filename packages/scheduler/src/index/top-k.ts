/** The k best (score, offer) pairs seen so far, ordered by score then offer index. */
export class TopK {
  readonly scores: Float64Array;
  readonly offers: Int32Array;
  size = 0;

  constructor(readonly k: number) {
    this.scores = new Float64Array(k);
    this.offers = new Int32Array(k);
  }

  /** Scores above this cannot enter. */
  threshold(): number {
    return this.size < this.k ? Infinity : (this.scores[this.k - 1] as number);
  }

  /** Offers `o` with score `s`; keeps it when it ranks among the k best. */
  offer(s: number, o: number): void {
    let i = this.size < this.k ? this.size : this.k - 1;
    if (this.size === this.k) {
      const ls = this.scores[i] as number;
      if (s > ls || (s === ls && o > (this.offers[i] as number))) return;
    } else this.size++;
    while (i > 0) {
      const ps = this.scores[i - 1] as number;
      if (ps < s || (ps === s && (this.offers[i - 1] as number) < o)) break;
      this.scores[i] = ps;
      this.offers[i] = this.offers[i - 1] as number;
      i--;
    }
    this.scores[i] = s;
    this.offers[i] = o;
  }

  /** The kept pairs, best first. */
  list(): { offer: number; score: number }[] {
    const out: { offer: number; score: number }[] = [];
    for (let i = 0; i < this.size; i++) out.push({ offer: this.offers[i] as number, score: this.scores[i] as number });
    return out;
  }
}
