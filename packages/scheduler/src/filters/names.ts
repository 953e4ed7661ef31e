/**
 * Built-in filters, in evaluation order; bit i of a fail mask is `FILTER_NAMES[i]`. A diagnosis
 * counts removed offers under these names (plugin filters as `plugin:<name>`).
 *
 * @example
 * ```ts
 * FILTER_NAMES.includes('jurisdiction'); // true
 * ```
 */
export const FILTER_NAMES = [
  'resources',
  'architecture',
  'gpus',
  'tenancy',
  'market',
  'currency',
  'provider',
  'jurisdiction',
  'data-classification',
  'carbon-ceiling',
  'latency',
  'time-window',
  'price-ceiling',
  'availability',
  'capacity',
] as const;

/** Name of a built-in filter. */
export type FilterName = (typeof FILTER_NAMES)[number];

/** Bit of a filter in a fail mask. */
export const BIT = Object.fromEntries(FILTER_NAMES.map((n, i) => [n, 1 << i])) as Record<FilterName, number>;

/** Bits checked per region rather than per offer. */
export const REGION_BITS = BIT.provider | BIT.jurisdiction | BIT['data-classification'] | BIT['carbon-ceiling'] | BIT.latency | BIT['time-window'];
