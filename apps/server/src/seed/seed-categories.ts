import { demoCatalogue } from '@accords/model';
import type { CategoryCollection, MixinData } from '@accords/occi';

const INFRA = 'http://schemas.ogf.org/occi/infrastructure#';
const COMPUTE = `${INFRA}compute`;
/** Scheme of the seeded OS templates. */
export const OS_TPL_SCHEME = 'http://schemas.accords.dev/occi/os_tpl#';
/** Scheme of the seeded resource templates. */
export const RESOURCE_TPL_SCHEME = 'http://schemas.accords.dev/occi/resource_tpl#';
/** Scheme of the seeded region mixins. */
export const REGION_SCHEME = 'http://schemas.accords.dev/occi/region#';

const os = (term: string, title: string): MixinData => ({
  scheme: OS_TPL_SCHEME,
  term,
  title,
  depends: [`${INFRA}os_tpl`],
  applies: [COMPUTE],
  location: `/mixin/os_tpl/${term}/`,
});

const size = (term: string, spec: { cores: number; memory: number }): MixinData => ({
  scheme: RESOURCE_TPL_SCHEME,
  term,
  title: `${spec.cores} cores, ${spec.memory} GiB`,
  depends: [`${INFRA}resource_tpl`],
  applies: [COMPUTE],
  location: `/mixin/resource_tpl/${term}/`,
  attributes: {
    'occi.compute.cores': { type: 'integer', mutable: true, default: spec.cores },
    'occi.compute.memory': { type: 'number', mutable: true, default: spec.memory },
  },
});

const region = (term: string, title: string): MixinData => ({
  scheme: REGION_SCHEME,
  term,
  title,
  applies: [COMPUTE, `${INFRA}storage`, `${INFRA}network`],
  location: `/mixin/region/${term}/`,
});

/**
 * The region mixins: one per region of @accords/model's demo catalogue (`nimbus-eu-west`, ...),
 * or a small fixed set when the catalogue cannot be read.
 * @returns the mixins
 */
export function regionMixins(): MixinData[] {
  try {
    const regions = demoCatalogue().regions;
    if (regions.length > 0) return regions.map((r) => region(r.id, `${r.name} (${r.providerId}, ${r.country})`));
  } catch {
    // The seed must never stop the server from starting: fall back to the fixed regions.
  }
  return [region('eu_west', 'Europe (West)'), region('eu_north', 'Europe (North)'), region('us_east', 'United States (East)')];
}

/**
 * The categories seeded into the embedded default so that a compute can be created at once:
 * OS templates, resource templates (sizes) and regions, all provider mixins.
 * @returns the mixins
 */
export function seedCategories(): Pick<CategoryCollection, 'mixins'> {
  return {
    mixins: [
      os('debian_12', 'Debian 12 (bookworm)'),
      os('ubuntu_24_04', 'Ubuntu 24.04 LTS'),
      size('small', { cores: 1, memory: 2 }),
      size('medium', { cores: 2, memory: 4 }),
      size('large', { cores: 4, memory: 16 }),
      ...regionMixins(),
    ],
  };
}
