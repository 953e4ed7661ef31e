import type { Catalogue } from '../compile/catalogue';

/**
 * A reusable copy of the catalogue's capacities for one placement to draw down. Between
 * placements it equals `cat.capacity`; a placement hands back the offers it drew from and only
 * those entries are restored, so a placement's setup does not grow with the catalogue and
 * allocates nothing. A nested placement (a plugin placing on the same index) gets a fresh copy.
 */
export class CapacityScratch {
  private buf: Float64Array | null = null;
  private busy = false;
  /** True when `buf` equals `cat.capacity` entry for entry. */
  private clean = false;

  constructor(private readonly cat: Catalogue) {}

  /** A buffer equal to the catalogue's capacities, for the caller alone until `release`. */
  borrow(): Float64Array {
    const cat = this.cat;
    if (this.busy) return cat.capacity.slice();
    this.busy = true;
    if (!this.buf || this.buf.length !== cat.capacity.length) this.buf = cat.capacity.slice();
    else if (!this.clean) this.buf.set(cat.capacity);
    this.clean = false;
    return this.buf;
  }

  /**
   * Brings the entries the caller drew from back to the catalogue's values.
   *
   * @param buf - the borrowed buffer
   * @param drawn - every offer whose entry the caller changed (negative entries ignored), or null when unknown
   */
  restore(buf: Float64Array, drawn: ArrayLike<number> | null): void {
    if (buf !== this.buf) return;
    if (drawn === null) {
      this.clean = false;
      return;
    }
    const cap = this.cat.capacity;
    for (let i = 0; i < drawn.length; i++) {
      const o = drawn[i]!;
      if (o >= 0) buf[o] = cap[o]!;
    }
  }

  /** Ends a borrow; `restore` must have been given every drawn offer for the buffer to stay clean. */
  release(buf: Float64Array, a: { clean: boolean }): void {
    if (buf !== this.buf) return;
    this.busy = false;
    this.clean = a.clean;
  }

  /** The catalogue's capacities changed: the next borrow copies them in full. */
  invalidate(): void {
    this.clean = false;
  }
}
