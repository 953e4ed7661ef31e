import type { Catalogue } from '../compile/catalogue';
import { pluginFail, totalScore } from '../compile/evaluate';
import type { Query } from '../compile/query';
import { estimatePowerKW } from '../power';
import { CapacityScratch } from './capacity-scratch';
import type { TopK } from './top-k';

/**
 * Offers bucketed into cells of one region and one shape (vCPU, memory, GPUs, architecture),
 * each cell sorted by price, the cells of a region sorted by their cheapest price. A query walks
 * the regions, skips cells whose shape does not fit, and stops a region (or a cell) as soon as a
 * lower bound of the score passes the k-th best score found: exact, without scanning every offer.
 */
export class OfferIndex {
  private cellStart!: Int32Array;
  private cellOffers!: Int32Array;
  private cellRegion!: Int32Array;
  private cellVcpu!: Float64Array;
  private cellMem!: Float64Array;
  private cellGpus!: Float64Array;
  private cellArch!: Int32Array;
  private cellMinAvail!: Float64Array;
  private regionStart!: Int32Array;
  private regionCells!: Int32Array;
  private readonly regionOrder: Int32Array;
  private readonly regionKey: Float64Array;
  private offerCell!: Int32Array;
  /** Cheapest price of each cell (its first offer's, kept in step with the cell's sort). */
  private cellMinPriceOf!: Float64Array;
  /** Lowest power (kW) of each cell's offers: offers may state their own `powerWatts`. */
  private cellMinPower!: Float64Array;
  /**
   * Per region, the lowest stated power below its own shape's estimate (Infinity when none):
   * the node's estimate bounds every fitting offer's power from below only without it.
   */
  private regionLowPower!: Float64Array;
  /** Scratch of the walk's top-k list (grown when a larger k is asked). */
  private topScores = new Float64Array(16);
  private topOffers = new Int32Array(16);
  /** Scratch marks of `pricesChanged`. */
  private cellMark = new Uint8Array(0);
  private regionMark = new Uint8Array(0);

  /** The reusable capacity buffer placements draw down. */
  readonly capacityScratch: CapacityScratch;

  constructor(private readonly cat: Catalogue) {
    this.capacityScratch = new CapacityScratch(cat);
    this.build();
    this.regionOrder = new Int32Array(cat.regions.length);
    this.regionKey = new Float64Array(cat.regions.length);
  }

  /** Number of cells (distinct region x shape). */
  get cells(): number {
    return this.cellRegion.length;
  }

  private build(): void {
    const cat = this.cat;
    const key = new Map<string, number>();
    const members: number[][] = [];
    const cellOf = new Int32Array(cat.n);
    for (let o = 0; o < cat.n; o++) {
      const k = `${cat.region[o]}|${cat.vcpu[o]}|${cat.mem[o]}|${cat.gpus[o]}|${cat.arch[o]}`;
      let c = key.get(k);
      if (c === undefined) {
        c = members.length;
        key.set(k, c);
        members.push([]);
      }
      members[c]!.push(o);
      cellOf[o] = c;
    }
    const nc = members.length;
    this.offerCell = cellOf;
    this.cellStart = new Int32Array(nc + 1);
    this.cellOffers = new Int32Array(cat.n);
    this.cellRegion = new Int32Array(nc);
    this.cellVcpu = new Float64Array(nc);
    this.cellMem = new Float64Array(nc);
    this.cellGpus = new Float64Array(nc);
    this.cellArch = new Int32Array(nc);
    this.cellMinAvail = new Float64Array(nc);
    this.cellMinPriceOf = new Float64Array(nc);
    this.cellMinPower = new Float64Array(nc);
    let pos = 0;
    for (let c = 0; c < nc; c++) {
      const list = members[c]!;
      const first = list[0]!;
      this.cellStart[c] = pos;
      for (const o of list) this.cellOffers[pos++] = o;
      this.cellRegion[c] = cat.region[first]!;
      this.cellVcpu[c] = cat.vcpu[first]!;
      this.cellMem[c] = cat.mem[first]!;
      this.cellGpus[c] = cat.gpus[first]!;
      this.cellArch[c] = cat.arch[first]!;
      let minPower = Infinity;
      for (const o of list) minPower = Math.min(minPower, cat.powerKW[o]!);
      this.cellMinPower[c] = minPower;
    }
    this.cellStart[nc] = pos;
    for (let c = 0; c < nc; c++) this.sortCell(c);
    const nr = cat.regions.length;
    this.regionStart = new Int32Array(nr + 1);
    const count = new Int32Array(nr);
    for (let c = 0; c < nc; c++) count[this.cellRegion[c]!]!++;
    for (let r = 0; r < nr; r++) this.regionStart[r + 1] = this.regionStart[r]! + count[r]!;
    this.regionCells = new Int32Array(nc);
    const fill = this.regionStart.slice(0, nr);
    for (let c = 0; c < nc; c++) this.regionCells[fill[this.cellRegion[c]!]!++] = c;
    for (let r = 0; r < nr; r++) this.sortRegion(r);
    this.regionLowPower = new Float64Array(nr).fill(Infinity);
    for (let o = 0; o < cat.n; o++) {
      const p = cat.powerKW[o]!;
      const r = cat.region[o]!;
      if (p < estimatePowerKW({ vcpu: cat.vcpu[o]!, memoryGiB: cat.mem[o]!, gpus: cat.gpus[o]! }) && p < this.regionLowPower[r]!) this.regionLowPower[r] = p;
    }
  }

  private sortCell(c: number): void {
    const { price, availCost } = this.cat;
    const lo = this.cellStart[c]!;
    const hi = this.cellStart[c + 1]!;
    const a = this.cellOffers;
    // Insertion sort: cells are small and, after a price update, nearly sorted.
    for (let x = lo + 1; x < hi; x++) {
      const o = a[x]!;
      const p = price[o]!;
      let y = x - 1;
      while (y >= lo && (price[a[y]!]! > p || (price[a[y]!]! === p && a[y]! > o))) {
        a[y + 1] = a[y]!;
        y--;
      }
      a[y + 1] = o;
    }
    let minAvail = Infinity;
    for (let x = lo; x < hi; x++) minAvail = Math.min(minAvail, availCost[a[x]!]!);
    this.cellMinAvail[c] = minAvail;
    this.cellMinPriceOf[c] = hi > lo ? price[a[lo]!]! : Infinity;
  }

  private cellSize(c: number): number {
    return this.cellStart[c + 1]! - this.cellStart[c]!;
  }

  private sortRegion(r: number): void {
    const lo = this.regionStart[r]!;
    const hi = this.regionStart[r + 1]!;
    const a = this.regionCells;
    const min = this.cellMinPriceOf;
    // Insertion sort in place: a region holds tens of cells and stays nearly sorted on updates.
    for (let x = lo + 1; x < hi; x++) {
      const c = a[x]!;
      const p = min[c]!;
      let y = x - 1;
      while (y >= lo && (min[a[y]!]! > p || (min[a[y]!]! === p && a[y]! > c))) {
        a[y + 1] = a[y]!;
        y--;
      }
      a[y + 1] = c;
    }
  }

  /**
   * Re-sorts after prices changed in the catalogue (the caller wrote `cat.price`): only the
   * cells of the changed offers and the regions of those cells are touched.
   */
  pricesChanged(offers: ArrayLike<number>): void {
    const nc = this.cellRegion.length;
    const nr = this.cat.regions.length;
    if (this.cellMark.length !== nc) this.cellMark = new Uint8Array(nc);
    if (this.regionMark.length !== nr) this.regionMark = new Uint8Array(nr);
    const cellMark = this.cellMark;
    const regionMark = this.regionMark;
    // Marks instead of sets (no allocation); each touched cell and region is sorted once.
    for (let i = 0; i < offers.length; i++) {
      const c = this.offerCell[offers[i]!]!;
      if (cellMark[c] === 1) continue;
      cellMark[c] = 1;
      this.sortCell(c);
      regionMark[this.cellRegion[c]!] = 1;
    }
    for (let i = 0; i < offers.length; i++) cellMark[this.offerCell[offers[i]!]!] = 0;
    for (let r = 0; r < nr; r++) {
      if (regionMark[r] === 0) continue;
      regionMark[r] = 0;
      this.sortRegion(r);
    }
  }

  /**
   * The k best feasible offers for a query, best first, ties by offer position: the same
   * answer as the brute-force scan.
   */
  topK(q: Query, k = 1): { offer: number; score: number }[] {
    const n = this.walk(q, k);
    // Sized once (a pushed-to empty array grows a backing store far larger than k).
    const out = new Array<{ offer: number; score: number }>(n);
    for (let i = 0; i < n; i++) out[i] = { offer: this.topOffers[i]!, score: this.topScores[i]! };
    return out;
  }

  /** Runs the search into an existing TopK (used to resume with a larger k). */
  search(q: Query, top: TopK): void {
    // The k best of (what `top` holds) and (the k best of the catalogue) are the k best of both.
    const n = this.walk(q, top.k);
    for (let i = 0; i < n; i++) top.offer(this.topScores[i]!, this.topOffers[i]!);
  }

  /**
   * The walk: leaves the k best (score, offer) pairs in `topScores` / `topOffers` and returns
   * how many there are. No allocation and no call that passes a double on the path of an
   * offer (a non-inlined call boxes it): the top-k list is kept inline in scratch arrays.
   */
  private walk(q: Query, k: number): number {
    if (k < 1) return 0;
    if (this.topScores.length < k) {
      this.topScores = new Float64Array(Math.max(k, 2 * this.topScores.length));
      this.topOffers = new Int32Array(this.topScores.length);
    }
    const ts = this.topScores;
    const to = this.topOffers;
    let size = 0;
    let threshold = Infinity;
    const cat = this.cat;
    const nr = cat.regions.length;
    if (q.arch === -2 || q.gpuModel === -2) return 0;
    const fixedPower = !Number.isNaN(q.fixedPowerKW);
    const demandPower = fixedPower ? q.fixedPowerKW : estimatePowerKW({ vcpu: q.cores, memoryGiB: q.mem, gpus: q.gpus });
    const { kPrice, kCarbon, kLat, kHeat, kAvail, priceCeiling, cores, mem, gpus, arch, gpuModel, dedicated, spotOk, currency, minAvail } = q;
    const regionFail = q.regionFail;
    const regionFactor = q.regionFactor;
    const regionLat = q.regionLat;
    const heatCost = q.heatCost;
    const capacity = q.capacity;
    let m = 0;
    const lowPowerOf = this.regionLowPower;
    const order = this.regionOrder;
    const key = this.regionKey;
    for (let r = 0; r < nr; r++) {
      if (regionFail[r] !== 0) continue;
      const lowPower = fixedPower ? demandPower : Math.min(demandPower, lowPowerOf[r]!);
      key[r] = kCarbon * (lowPower * regionFactor[r]!) + kLat * regionLat[r]! + kHeat * heatCost[r]!;
      order[m++] = r;
    }
    for (let x = 1; x < m; x++) {
      const r = order[x]!;
      const kr = key[r]!;
      let y = x - 1;
      while (y >= 0 && (key[order[y]!]! > kr || (key[order[y]!]! === kr && order[y]! > r))) {
        order[y + 1] = order[y]!;
        y--;
      }
      order[y + 1] = r;
    }
    const pluginFilters = q.plugins.filters.length > 0;
    const pluginScorers = q.plugins.scorers.length > 0;
    const { price, spot, gpuModel: offerGpuModel, dedicated: offerDedicated, currency: offerCurrency, availability, availCost, powerKW, region: offerRegion } = cat;
    const cellOffers = this.cellOffers;
    const cellStart = this.cellStart;
    const cellMin = this.cellMinPriceOf;
    const regionCells = this.regionCells;
    const regionStart = this.regionStart;
    const cellVcpu = this.cellVcpu;
    const cellMem = this.cellMem;
    const cellGpus = this.cellGpus;
    const cellArch = this.cellArch;
    const cellMinAvail = this.cellMinAvail;
    const cellMinPower = this.cellMinPower;
    for (let ri = 0; ri < m; ri++) {
      const r = order[ri]!;
      const rf = regionFactor[r]!;
      const carbonLb = kCarbon * ((fixedPower ? demandPower : Math.min(demandPower, lowPowerOf[r]!)) * rf);
      const lat = kLat * regionLat[r]!;
      const heat = kHeat * heatCost[r]!;
      const hi = regionStart[r + 1]!;
      for (let ci = regionStart[r]!; ci < hi; ci++) {
        const c = regionCells[ci]!;
        const minPrice = cellMin[c]!;
        if (minPrice > priceCeiling) break;
        const cellLb = kPrice * minPrice + carbonLb + lat + heat + 0;
        if (cellLb > threshold) break;
        if (cellVcpu[c]! < cores || cellMem[c]! < mem || cellGpus[c]! < gpus || cellArch[c] !== arch) continue;
        const lo = cellStart[c]!;
        const end = cellStart[c + 1]!;
        const carbon = kCarbon * ((fixedPower ? demandPower : cellMinPower[c]!) * rf);
        const avail = kAvail * cellMinAvail[c]!;
        for (let i = lo; i < end; i++) {
          const o = cellOffers[i]!;
          const p = price[o]!;
          if (p > priceCeiling) break;
          if (kPrice * p + carbon + lat + heat + avail > threshold) break;
          if (spot[o] === 1 && !spotOk) continue;
          if ((gpuModel !== -1 && offerGpuModel[o] !== gpuModel) || (dedicated && offerDedicated[o] === 0)) continue;
          if (currency !== -1 && offerCurrency[o] !== currency) continue;
          if (availability[o]! < minAvail || capacity[o]! < 1) continue;
          if (pluginFilters && pluginFail(cat, q, o) !== -1) continue;
          // The same expression, in the same order, as baseScore (evaluate.ts): bit-identical.
          const s = pluginScorers
            ? totalScore(cat, q, o)
            : kPrice * p + kCarbon * ((fixedPower ? demandPower : powerKW[o]!) * regionFactor[offerRegion[o]!]!) + kLat * regionLat[offerRegion[o]!]! + kHeat * heatCost[offerRegion[o]!]! + kAvail * availCost[o]!;
          // Inline top-k insertion, ordered by score then offer position.
          let at: number;
          if (size < k) at = size++;
          else {
            const ls = ts[k - 1]!;
            if (s > ls || (s === ls && o > to[k - 1]!)) continue;
            at = k - 1;
          }
          while (at > 0) {
            const ps = ts[at - 1]!;
            if (ps < s || (ps === s && to[at - 1]! < o)) break;
            ts[at] = ps;
            to[at] = to[at - 1]!;
            at--;
          }
          ts[at] = s;
          to[at] = o;
          if (size === k) threshold = ts[k - 1]!;
        }
      }
    }
    return size;
  }
}
