import type { Request } from 'express';
import { matchesFilter, parse, parseFilter } from '@accords/occi';
import type { AnyEntityData, Filter, MediaType, Model } from '@accords/occi';
import { serverError } from '../errors';

/**
 * The filter of a collection request: `?category=` and `?attribute=name=value` in every
 * rendering; with a text rendering also the `Category` and `X-OCCI-Attribute` request headers.
 * @param req - the request
 * @param context - the negotiated answer type, the model, and `headers: false` when the text
 *   headers are not a filter but the request's content (an action invocation)
 * @returns the filter
 * @throws OcciError `parse_error` for a malformed filter
 */
export function filterOf(req: Request, context: { type: MediaType; model: Model; headers?: boolean }): Filter {
  const params = new URLSearchParams(req.url.slice(req.url.indexOf('?') + 1 || req.url.length));
  const filter = parseFilter(params);
  if (context.headers === false) return filter;
  const textual = req.headers.category !== undefined || req.headers['x-occi-attribute'] !== undefined;
  if (!textual || req.headers['content-type']?.includes('json')) return filter;
  if (req.headers.category !== undefined) {
    // @accords/occi has no "filter" structure for text: the Category headers parse as categories.
    const categories = parse('categories', 'text/occi', { headers: { category: req.headers.category }, body: '' }, { model: context.model });
    for (const c of [...categories.kinds, ...categories.mixins, ...categories.actions]) filter.categories.push(c.scheme + c.term);
  }
  const attributes = req.headers['x-occi-attribute'];
  if (attributes !== undefined) {
    const extra = new URLSearchParams();
    for (const header of Array.isArray(attributes) ? attributes : [attributes]) for (const value of splitHeader(header)) extra.append('attribute', value);
    filter.attributes.push(...parseFilter(extra).attributes);
  }
  return filter;
}

function splitHeader(value: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && quoted) {
      current += ch + (value[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** A page of a collection. */
export interface Page {
  /** 1-based page number. */
  page: number;
  /** Entities per page, or undefined for all. */
  number: number | undefined;
}

function positive(req: Request, name: string): number | undefined {
  const raw = req.query[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,8}$/.test(raw)) {
    throw serverError('bad_request', `query parameter ${name}="${String(raw)}" must be a positive integer`, { location: { attribute: name } });
  }
  return Number(raw);
}

/**
 * The pagination of a collection request (`page`, 1-based, and `number` per page).
 * @param req - the request
 * @param maxPageSize - the largest `number` accepted
 * @returns the page
 * @throws ServerError `payload_too_large` (413) when `number` is over the limit, `bad_request` when malformed
 */
export function pageOf(req: Request, maxPageSize: number): Page {
  const number = positive(req, 'number');
  const page = positive(req, 'page') ?? 1;
  if (number !== undefined && number > maxPageSize) {
    throw serverError('payload_too_large', `number=${number} is over the limit of ${maxPageSize} entities per page`, { location: { attribute: 'number' } });
  }
  return { page, number };
}

/**
 * Applies a filter and a page to entities.
 * @param entities - the collection, in order
 * @param query - filter and page
 * @returns the selected entities (empty past the end)
 */
export function select<E extends AnyEntityData>(entities: E[], query: { filter: Filter; page: Page }): E[] {
  const filtered = query.filter.categories.length || query.filter.attributes.length ? entities.filter((e) => matchesFilter(query.filter, e)) : entities;
  if (query.page.number === undefined) return query.page.page === 1 ? filtered : [];
  const start = (query.page.page - 1) * query.page.number;
  return filtered.slice(start, start + query.page.number);
}
