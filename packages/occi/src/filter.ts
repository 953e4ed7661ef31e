import { OcciError } from './errors';
import type { CategoryData } from './model/category';
import type { AttributeValue, EntityData, ResourceData } from './model/entity';
import { isLinkData } from './model/entity';

/** One attribute condition: `name=value` (exact) or a bare value (any attribute contains it). */
export interface AttributeFilter {
  name?: string;
  value: string;
}

/** A filter on categories and attributes (GFD.223 filtering; `?category=` and `?attribute=`). */
export interface Filter {
  /** Category identifiers or bare terms; an entity matches when its kind or a mixin is one of them. */
  categories: string[];
  /** Every condition must hold. */
  attributes: AttributeFilter[];
}

/** Query parameters as URLSearchParams or a plain record (express `req.query`). */
export type FilterQuery = URLSearchParams | Record<string, unknown>;

function values(query: FilterQuery, key: string): string[] {
  if (query instanceof URLSearchParams) return query.getAll(key);
  const v = query[key];
  if (v === undefined) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((item) => {
    if (typeof item !== 'string') throw new OcciError('parse_error', `query parameter ${key} must be a string`, { location: { attribute: key } });
    return item;
  });
}

/**
 * Builds a filter from query parameters `category` and `attribute` (each may repeat).
 * `attribute=name=value` tests one attribute; `attribute=value` tests every attribute.
 * @param query - URLSearchParams or a record of strings.
 * @returns the filter.
 * @throws OcciError `parse_error` on a non-string parameter or an empty category.
 * @example
 * ```ts
 * parseFilter(new URLSearchParams('category=compute&attribute=occi.compute.cores=2'));
 * // { categories: ['compute'], attributes: [{ name: 'occi.compute.cores', value: '2' }] }
 * ```
 */
export function parseFilter(query: FilterQuery): Filter {
  const categories = values(query, 'category').map((c) => c.trim());
  if (categories.some((c) => c.length === 0)) throw new OcciError('parse_error', 'category filter must not be empty', { location: { attribute: 'category' } });
  const attributes = values(query, 'attribute').map((raw): AttributeFilter => {
    const eq = raw.indexOf('=');
    if (eq <= 0) return { value: unquote(raw) };
    return { name: raw.slice(0, eq).trim(), value: unquote(raw.slice(eq + 1).trim()) };
  });
  return { categories, attributes };
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1).replace(/\\(["\\])/g, '$1') : value;
}

function text(value: AttributeValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function coreAttributes(entity: EntityData): Record<string, AttributeValue | undefined> {
  const core: Record<string, AttributeValue | undefined> = { 'occi.core.id': entity.id, 'occi.core.title': entity.title };
  if (isLinkData(entity)) {
    core['occi.core.source'] = entity.source.location;
    core['occi.core.target'] = entity.target.location;
  } else core['occi.core.summary'] = (entity as ResourceData).summary;
  return core;
}

function matchesCategory(wanted: string, id: string): boolean {
  if (wanted === id) return true;
  return !wanted.includes('#') && id.endsWith('#' + wanted);
}

/**
 * Tells whether an entity or a category passes a filter. Entities match on kind, mixins and
 * attributes (including `occi.core.*`); categories match on identifier or term.
 * @param filter - the filter (an empty filter matches everything).
 * @param target - an entity, or a category (for the query interface).
 * @returns true when every condition holds.
 * @example
 * ```ts
 * matchesFilter({ categories: ['compute'], attributes: [] }, { id: '1', kind: KIND.compute, mixins: [], attributes: {} }); // true
 * ```
 */
export function matchesFilter(filter: Filter, target: EntityData | CategoryData): boolean {
  if (!('kind' in target) || !('attributes' in target) || !('id' in target && typeof target.id === 'string' && 'mixins' in target)) {
    const category = target as CategoryData;
    const id = category.scheme + category.term;
    return filter.categories.length === 0 || filter.categories.some((c) => matchesCategory(c, id));
  }
  const entity = target as EntityData;
  if (filter.categories.length && !filter.categories.some((c) => matchesCategory(c, entity.kind) || entity.mixins.some((m) => matchesCategory(c, m)))) return false;
  const all: Record<string, AttributeValue | undefined> = { ...entity.attributes, ...coreAttributes(entity) };
  return filter.attributes.every((cond) => {
    if (cond.name !== undefined) return text(all[cond.name]) === cond.value;
    return Object.values(all).some((v) => text(v)?.includes(cond.value) ?? false);
  });
}
