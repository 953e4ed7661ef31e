import type { Catalogue } from '../compile/catalogue';
import { powerOf, pluginFail, totalScore } from '../compile/evaluate';
import type { Query } from '../compile/query';
import { estimatePowerKW } from '../power';
import { TopK } from './top-k';

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

  constructor(private readonly cat: Catalogue) {
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
  }

  private cellMinPrice(c: number): number {
    return this.cat.price[this.cellOffers[this.cellStart[c]!]!]!;
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
  }

  private cellSize(c: number): number {
    return this.cellStart[c + 1]! - this.cellStart[c]!;
  }

  private sortRegion(r: number): void {
    const lo = this.regionStart[r]!;
    const hi = this.regionStart[r + 1]!;
    const cells = Array.from(this.regionCells.subarray(lo, hi));
    cells.sort((a, b) => this.cellMinPrice(a) - this.cellMinPrice(b) || a - b);
    this.regionCells.set(cells, lo);
  }

  /**
   * Re-sorts after prices changed in the catalogue (the caller wrote `cat.price`): only the
   * cells of the changed offers and the regions of those cells are touched.
   */
  pricesChanged(offers: ArrayLike<number>): void {
    const cells = new Set<number>();
    for (let i = 0; i < offers.length; i++) cells.add(this.offerCell[offers[i]!]!);
    const regions = new Set<number>();
    for (const c of cells) {
      this.sortCell(c);
      regions.add(this.cellRegion[c]!);
    }
    for (const r of regions) this.sortRegion(r);
  }

  /**
   * The k best feasible offers for a query, best first, ties by offer position: the same
   * answer as the brute-force scan.
   */
  topK(q: Query, k = 1): { offer: number; score: number }[] {
    const top = new TopK(k);
    this.search(q, top);
    return top.list();
  }

  /** Runs the search into an existing TopK (used to resume with a larger k). */
  search(q: Query, top: TopK): void {
    const cat = this.cat;
    const nr = cat.regions.length;
    if (q.arch === -2 || q.gpuModel === -2) return;
    const demandPower = Number.isNaN(q.fixedPowerKW) ? estimatePowerKW({ vcpu: q.cores, memoryGiB: q.mem, gpus: q.gpus }) : q.fixedPowerKW;
    let m = 0;
    for (let r = 0; r < nr; r++) {
      if (q.regionFail[r] !== 0) continue;
      this.regionKey[r] = q.kCarbon * (demandPower * q.regionFactor[r]!) + q.kLat * q.regionLat[r]! + q.kHeat * q.heatCost[r]!;
      this.regionOrder[m++] = r;
    }
    const order = this.regionOrder;
    const key = this.regionKey;
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
    const usePlugins = q.plugins.filters.length > 0 || q.plugins.scorers.length > 0;
    for (let ri = 0; ri < m; ri++) {
      const r = order[ri]!;
      const carbonLb = q.kCarbon * (demandPower * q.regionFactor[r]!);
      const lat = q.kLat * q.regionLat[r]!;
      const heat = q.kHeat * q.heatCost[r]!;
      const hi = this.regionStart[r + 1]!;
      for (let ci = this.regionStart[r]!; ci < hi; ci++) {
        const c = this.regionCells[ci]!;
        const minPrice = this.cellMinPrice(c);
        if (minPrice > q.priceCeiling) break;
        const cellLb = q.kPrice * minPrice + carbonLb + lat + heat + 0;
        if (cellLb > top.threshold()) break;
        if (this.cellVcpu[c]! < q.cores || this.cellMem[c]! < q.mem || this.cellGpus[c]! < q.gpus || this.cellArch[c] !== q.arch) continue;
        const first = this.cellOffers[this.cellStart[c]!]!;
        const carbon = q.kCarbon * (powerOf(cat, q, first) * q.regionFactor[r]!);
        const avail = q.kAvail * this.cellMinAvail[c]!;
        const end = this.cellStart[c]! + this.cellSize(c);
        for (let i = this.cellStart[c]!; i < end; i++) {
          const o = this.cellOffers[i]!;
          const price = cat.price[o]!;
          if (price > q.priceCeiling) break;
          if (q.kPrice * price + carbon + lat + heat + avail > top.threshold()) break;
          if (cat.spot[o] === 1 && !q.spotOk) continue;
          if ((q.gpuModel !== -1 && cat.gpuModel[o] !== q.gpuModel) || (q.dedicated && cat.dedicated[o] === 0)) continue;
          if (q.currency !== -1 && cat.currency[o] !== q.currency) continue;
          if (cat.availability[o]! < q.minAvail || q.capacity[o]! < 1) continue;
          if (usePlugins && q.plugins.filters.length > 0 && pluginFail(cat, q, o) !== -1) continue;
          top.offer(totalScore(cat, q, o), o);
        }
      }
    }
  }
}
