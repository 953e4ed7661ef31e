import type { AttributeFilter, Filter } from '../filter';
import type { MediaType } from '../render/media-type';
import type { OcciMessage } from '../render/structures';
import { parseCategoryEntry } from './category-text';
import { bodyEntries, headerEntries, where } from './lexer';
import { OcciError } from '../errors';
import { parseTextValue } from './values';

/**
 * Reads a filter from a request in the text renderings (GFD.223 filtering: Category and
 * X-OCCI-Attribute in a GET request narrow the answer). Other renderings carry no filter.
 * @param mediaType - the request's rendering (text/occi reads headers, text/plain the body, each falling back to the other).
 * @param message - the request.
 * @returns the filter (empty when the message has none).
 * @throws OcciError `parse_error` (with line/column or header) for malformed values.
 * @example
 * ```ts
 * parseFilterMessage('text/occi', { headers: { Category: 'compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"' }, body: '' });
 * // { categories: ['http://schemas.ogf.org/occi/infrastructure#compute'], attributes: [] }
 * ```
 */
export function parseFilterMessage(mediaType: MediaType, message: OcciMessage): Filter {
  if (mediaType !== 'text/plain' && mediaType !== 'text/occi') return { categories: [], attributes: [] };
  const body = typeof message.body === 'string' && message.body.trim() !== 'OK' ? message.body : '';
  let entries = mediaType === 'text/occi' ? headerEntries(message.headers ?? {}) : bodyEntries(body);
  if (entries.length === 0) entries = mediaType === 'text/occi' ? bodyEntries(body) : headerEntries(message.headers ?? {});
  const categories: string[] = [];
  const attributes: AttributeFilter[] = [];
  for (const entry of entries) {
    if (entry.name === 'category') {
      const c = parseCategoryEntry(entry);
      categories.push(c.scheme + c.term);
    } else if (entry.name === 'x-occi-attribute') {
      const eq = entry.value.indexOf('=');
      if (eq <= 0) throw new OcciError('parse_error', `${entry.header}: expected name=value`, { location: where(entry) });
      const value = parseTextValue({ raw: entry.value.slice(eq + 1).trim(), entry, offset: eq + 1 });
      attributes.push({ name: entry.value.slice(0, eq).trim(), value: typeof value === 'string' ? value : JSON.stringify(value) });
    }
  }
  return { categories, attributes };
}
