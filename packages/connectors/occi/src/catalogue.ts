import type { ImageInfo, Offer, Region } from '@accords/connector-kit';
import { MIXIN } from '@accords/occi';
import type { AttributeValue, CategoryCollection, MixinData } from '@accords/occi';
import type { OcciConnectorOptions, RegionFacts } from './options';

/** Scheme of Accords' region mixins (one mixin per region, applied to the resources in it). */
export const ACCORDS_REGION_SCHEME = 'http://schemas.accords.dev/occi/region#';

/** A region of the remote, with the mixin that places a resource in it (none for the default region). */
export interface RemoteRegion {
  region: Region;
  term: string;
  mixinId?: string;
}

/** An offer read from a `resource_tpl` mixin of the remote. */
export interface RemoteOffer {
  offer: Offer;
  /** The resource template's identifier (scheme + term). */
  mixinId: string;
  term: string;
}

/** An image read from an `os_tpl` mixin of the remote. */
export interface RemoteImage {
  image: ImageInfo;
  mixinId: string;
}

/** Everything the connector knows of the remote's catalogue, from its query interface. */
export interface RemoteCatalogue {
  regions: RemoteRegion[];
  offers: RemoteOffer[];
  images: RemoteImage[];
  /** Templates or regions that could not be offered, and why. */
  warnings: string[];
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const idOf = (c: { scheme: string; term: string }): string => c.scheme + c.term;

const DEFAULT_FACTS: Omit<Region, 'id' | 'providerId' | 'name'> = {
  // ISO 3166 "ZZ" (unknown): a region of unknown country never satisfies a jurisdiction term.
  country: 'ZZ',
  coordinates: { lat: 0, lon: 0 },
  timeZone: 'UTC',
  pue: 1.5,
  renewableShare: 0,
  heatReuse: 0,
  zone: 'ZZ',
};

function inherits(mixin: MixinData, base: string): boolean {
  return idOf(mixin) !== base && (mixin.depends ?? []).includes(base);
}

function numberOf(value: AttributeValue | undefined): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Reads cores and memory (GiB) of a resource template: the attribute defaults when the query
 * interface carries them (JSON), otherwise its title (`2 cores, 4 GiB`, `4 vCPU / 8192 MB`).
 * @param mixin - a resource template
 * @returns the size, or undefined when neither says it
 * @example
 * ```ts
 * templateSize({ scheme: 'http://vendor.example/tpl#', term: 'big', title: 'Big: 4 vCPU, 8192 MB' }); // { cores: 4, memoryGiB: 8 }
 * ```
 */
export function templateSize(mixin: MixinData): { cores: number; memoryGiB: number } | undefined {
  const attrs = mixin.attributes ?? {};
  let cores = numberOf(attrs['occi.compute.cores']?.default);
  let memoryGiB = numberOf(attrs['occi.compute.memory']?.default);
  const title = mixin.title ?? '';
  if (cores === undefined) {
    const m = /(\d+(?:\.\d+)?)\s*(?:v?cpus?|cores?)\b/i.exec(title);
    cores = m ? Number(m[1]) : undefined;
  }
  if (memoryGiB === undefined) {
    const m = /(\d+(?:\.\d+)?)\s*(GiB|GB|G|MiB|MB)\b/i.exec(title);
    memoryGiB = m ? Number(m[1]) / (/^m/i.test(m[2]!) ? 1024 : 1) : undefined;
  }
  if (cores === undefined || memoryGiB === undefined || !(cores > 0) || !(memoryGiB > 0)) return undefined;
  return { cores, memoryGiB };
}

/**
 * Reads a region's country from an Accords region title, `Paris (aurora, FR)`.
 * @param title - the mixin title
 * @returns the ISO 3166 code, when the title ends with one
 */
export function countryOfTitle(title: string | undefined): string | undefined {
  return /,\s*([A-Z]{2})\)\s*$/.exec(title ?? '')?.[1];
}

function regionsOf(categories: CategoryCollection, options: OcciConnectorOptions, warnings: string[]): RemoteRegion[] {
  const scheme = options.regionScheme ?? ACCORDS_REGION_SCHEME;
  const { byTerm = {}, ...common } = options.regionFacts ?? {};
  const make = (term: string, name: string, mixinId?: string): RemoteRegion | undefined => {
    const id = `${options.providerId}.${term}`;
    if (!ID.test(id)) {
      warnings.push(`region ${term}: ${id} is not a valid region id`);
      return undefined;
    }
    const facts: RegionFacts = { ...common, ...byTerm[term] };
    const country = facts.country ?? countryOfTitle(name) ?? DEFAULT_FACTS.country;
    const region: Region = { ...DEFAULT_FACTS, zone: country, ...facts, country, id, providerId: options.providerId, name: facts.name ?? name };
    return { region, term, ...(mixinId ? { mixinId } : {}) };
  };
  const mixins = categories.mixins.filter((m) => m.scheme === scheme);
  if (mixins.length === 0) {
    const term = options.defaultRegionTerm ?? 'default';
    const only = make(term, `${options.providerId} (${new URL(options.url).host})`);
    return only ? [only] : [];
  }
  return mixins.flatMap((m) => make(m.term, m.title ?? m.term, idOf(m)) ?? []);
}

function priceOf(options: OcciConnectorOptions, term: string, mixin: MixinData): number {
  const fromRemote = numberOf(mixin.attributes?.['accords.offer.pricePerHour']?.default);
  if (fromRemote !== undefined && fromRemote >= 0) return fromRemote;
  const p = options.pricing?.pricePerHour;
  return typeof p === 'number' ? p : (p?.[term] ?? 0);
}

function offersOf(input: { categories: CategoryCollection; regions: RemoteRegion[]; options: OcciConnectorOptions; asOf: string }, warnings: string[]): RemoteOffer[] {
  const { categories, regions, options, asOf } = input;
  const out: RemoteOffer[] = [];
  for (const mixin of categories.mixins.filter((m) => inherits(m, MIXIN.resourceTpl))) {
    const size = templateSize(mixin);
    if (!size) {
      warnings.push(`resource template ${idOf(mixin)} states no cores and memory: not offered`);
      continue;
    }
    const attrs = mixin.attributes ?? {};
    const only = attrs['accords.offer.regionId']?.default;
    const currency = attrs['accords.offer.currency']?.default;
    const arch = attrs['occi.compute.architecture']?.default;
    for (const r of regions) {
      if (typeof only === 'string' && only !== r.term) continue;
      const id = `${r.region.id}:${mixin.term}`;
      if (!ID.test(id)) {
        warnings.push(`resource template ${idOf(mixin)}: ${id} is not a valid offer id`);
        continue;
      }
      out.push({
        mixinId: idOf(mixin),
        term: mixin.term,
        offer: {
          id,
          providerId: options.providerId,
          regionId: r.region.id,
          instanceType: mixin.term,
          vcpu: size.cores,
          memoryGiB: size.memoryGiB,
          gpus: 0,
          architecture: arch === 'arm64' || arch === 'aarch64' ? 'arm64' : 'x86_64',
          pricePerHour: priceOf(options, mixin.term, mixin),
          currency: typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : (options.pricing?.currency ?? 'EUR'),
          market: 'on-demand',
          availability: options.pricing?.availability ?? 99,
          capacity: options.pricing?.capacity ?? 1000,
          asOf,
        },
      });
    }
  }
  return out;
}

/**
 * The distribution an OS template's term names, in the form the broker matches manifests
 * against: `ubuntu_24_04` → `ubuntu-24.04`, `debian-12` → `debian-12`.
 * @param term - an `os_tpl` mixin term
 * @returns the distribution, or undefined when the term is not `<name>_<version>`
 * @example
 * ```ts
 * distributionOfTerm('ubuntu_24_04'); // 'ubuntu-24.04'
 * ```
 */
export function distributionOfTerm(term: string): string | undefined {
  const m = /^([a-z][a-z]*)[_-](\d+(?:[_.-]\d+)*)$/i.exec(term);
  return m ? `${m[1]!.toLowerCase()}-${m[2]!.replace(/[_-]/g, '.')}` : undefined;
}

function imagesOf(categories: CategoryCollection): RemoteImage[] {
  const templates = categories.mixins.filter((m) => inherits(m, MIXIN.osTpl));
  const ambiguous = new Set(templates.map((m) => m.term).filter((t, i, all) => all.indexOf(t) !== i));
  return templates.map((m) => {
    const distribution = distributionOfTerm(m.term);
    return {
      mixinId: idOf(m),
      image: { id: ambiguous.has(m.term) ? idOf(m) : m.term, name: m.title ?? m.term, ...(distribution ? { distribution } : {}) },
    };
  });
}

/**
 * Reads regions, offers and images from a remote's query interface: regions from its region
 * mixins (or one default region), offers from its `resource_tpl` mixins in every region (cores
 * and memory from the template; price, currency and region from `accords.offer.*` defaults when
 * the remote is an Accords, otherwise from the options), images from its `os_tpl` mixins.
 * @param input - the categories, the connector options and the snapshot time
 * @returns the catalogue, with warnings for what could not be offered
 * @example
 * ```ts
 * const { offers } = readCatalogue({ categories: (await client.model()).categories, options, asOf: new Date().toISOString() });
 * ```
 */
export function readCatalogue(input: { categories: CategoryCollection; options: OcciConnectorOptions; asOf: string }): RemoteCatalogue {
  const warnings: string[] = [];
  const regions = regionsOf(input.categories, input.options, warnings);
  const offers = offersOf({ ...input, regions }, warnings);
  return { regions, offers, images: imagesOf(input.categories), warnings };
}
