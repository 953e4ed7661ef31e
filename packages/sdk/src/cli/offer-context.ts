import type { Client } from '../client';
import type { OfferContext } from './offer-row';

/** Scheme of Accords' region mixins (one per region, applied to the resources placed in it). */
export const REGION_MIXIN_SCHEME = 'http://schemas.accords.dev/occi/region#';

/**
 * Reads a region's country from an Accords region mixin title, `Paris (aurora, FR)`.
 * @param title - the mixin title
 * @returns the ISO 3166 code, when the title ends with one
 * @example
 * countryOfRegionTitle('Paris (aurora, FR)'); // 'FR'
 */
export function countryOfRegionTitle(title: string | undefined): string | undefined {
  return /,\s*([A-Z]{2})\)\s*$/.exec(title ?? '')?.[1];
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const number = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/**
 * What a server publishes about regions and grids, to place an offer in a country and weigh its
 * carbon: the model's `region` kind (`accords.region.country`, `.pue`, `.zone`) when served,
 * otherwise the region mixins of its query interface (the country from their title); and the
 * current point of each `carbon-intensity` series of the `signal` kind when served.
 * @param client - the client
 * @param signal - cancellation
 * @returns what could be read (empty maps when the server publishes none of it)
 * @throws OcciClientError when the server fails while listing
 * @example
 * const context = await offerContext(client);
 * context.regions.get('aurora-fr-par')?.country; // 'FR'
 */
export async function offerContext(client: Client, signal?: AbortSignal): Promise<OfferContext> {
  const context: OfferContext = { regions: new Map(), intensity: new Map() };
  const model = await client.model({ signal });
  const has = (term: string): boolean => model.categories.kinds.some((k) => k.term === term && k.location);
  if (has('region')) {
    for await (const r of client.entities.list('region', { signal })) {
      const a = r.attributes;
      context.regions.set(String(a['accords.region.id'] ?? r.id), { country: text(a['accords.region.country']), pue: number(a['accords.region.pue']), zone: text(a['accords.region.zone']) });
    }
  }
  // A server may declare the region kind without serving any: the mixins still say the country.
  if (context.regions.size === 0) {
    for (const m of model.categories.mixins) {
      const country = m.scheme === REGION_MIXIN_SCHEME ? countryOfRegionTitle(m.title) : undefined;
      if (country) context.regions.set(m.term, { country });
    }
  }
  if (has('signal')) {
    const now = Date.now();
    for await (const s of client.entities.list('signal', { signal })) {
      const a = s.attributes;
      const zone = text(a['accords.signal.zone']);
      if (a['accords.signal.metric'] !== 'carbon-intensity' || !zone) continue;
      const raw = a['accords.signal.points'];
      const points = (typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw) as { start: string; value: number }[] | undefined;
      if (!Array.isArray(points)) continue;
      // The point in force now, or the first one when the series starts later.
      const current = points.filter((p) => Date.parse(p.start) <= now).at(-1) ?? points[0];
      if (current && typeof current.value === 'number') context.intensity.set(zone, current.value);
    }
  }
  return context;
}
