/** The media types of the OCCI renderings. */
export type MediaType = 'text/plain' | 'text/occi' | 'text/uri-list' | 'application/occi+json' | 'application/json';

/** Every {@link MediaType}, in Accords' order of preference. */
export const MEDIA_TYPES: readonly MediaType[] = ['text/plain', 'text/occi', 'application/occi+json', 'application/json', 'text/uri-list'];

/**
 * Tells whether a string is one of the {@link MediaType}s (exact, lower-case, without parameters).
 * @param value - candidate.
 * @returns true for a known media type.
 * @example
 * ```ts
 * isMediaType('text/occi'); // true
 * ```
 */
export function isMediaType(value: string): value is MediaType {
  return (MEDIA_TYPES as readonly string[]).includes(value);
}

/**
 * Tells whether a media type is one of the JSON renderings.
 * @param mediaType - a media type.
 * @returns true for application/occi+json and application/json.
 * @example
 * ```ts
 * isJsonMediaType('application/json'); // true
 * ```
 */
export function isJsonMediaType(mediaType: MediaType): boolean {
  return mediaType === 'application/occi+json' || mediaType === 'application/json';
}

function splitList(header: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const ch = header[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && quoted) {
      current += ch + (header[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ',' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * The media type of a request body, from its Content-Type header: parameters are ignored, case
 * does not matter, and from a comma-separated list (`text/plain,text/occi`) the first known type wins.
 * `text/occi+plain` (GFD.229, OCCI Text Plain Rendering) is read as text/plain.
 * @param header - the Content-Type value (or values).
 * @returns the media type, or undefined when none is known.
 * @example
 * ```ts
 * parseContentType('Text/Plain; charset=utf-8'); // 'text/plain'
 * parseContentType('text/html, text/occi'); // 'text/occi'
 * ```
 */
export function parseContentType(header: string | readonly string[] | undefined): MediaType | undefined {
  if (header === undefined) return undefined;
  const values = typeof header === 'string' ? [header] : header;
  for (const value of values) {
    for (const item of splitList(value)) {
      const type = (item.split(';')[0] ?? '').trim().toLowerCase();
      if (isMediaType(type)) return type;
      if (type === 'text/occi+plain') return 'text/plain';
    }
  }
  return undefined;
}

interface Range {
  type: string;
  q: number;
  specificity: number;
  order: number;
}

/**
 * Chooses the rendering of a response from an Accept header (RFC 9110 proactive negotiation:
 * q-values, `type/*` and `*\/*`; the most specific range decides a type's quality). No header,
 * an empty one, or a bare `*\/*` gives text/plain, the OCCI default (GFD.185).
 * @param acceptHeader - the Accept value.
 * @param offered - types the caller can produce (default: all).
 * @returns the chosen type, or undefined when none is acceptable (406).
 * @example
 * ```ts
 * negotiate('application/occi+json;q=0.9, text/plain;q=0.5'); // 'application/occi+json'
 * negotiate(undefined); // 'text/plain'
 * ```
 */
export function negotiate(acceptHeader: string | undefined, offered: readonly MediaType[] = MEDIA_TYPES): MediaType | undefined {
  const fallback = offered.includes('text/plain') ? 'text/plain' : offered[0];
  if (acceptHeader === undefined || acceptHeader.trim() === '') return fallback;
  const ranges: Range[] = [];
  splitList(acceptHeader).forEach((item, order) => {
    const [rawType = '', ...params] = item.split(';');
    const type = rawType.trim().toLowerCase();
    if (!/^(?:\*\/\*|[a-z0-9!#$&^_.+-]+\/(?:\*|[a-z0-9!#$&^_.+-]+))$/.test(type)) return;
    let q = 1;
    for (const param of params) {
      const [k, v] = param.split('=').map((s) => s.trim());
      if (k?.toLowerCase() === 'q' && v !== undefined) {
        const parsed = Number(v);
        q = Number.isFinite(parsed) ? Math.min(1, Math.max(0, parsed)) : 0;
      }
    }
    ranges.push({ type, q, specificity: type === '*/*' ? 0 : type.endsWith('/*') ? 1 : 2, order });
  });
  if (ranges.length === 0) return undefined;
  if (ranges.every((r) => r.type === '*/*' && r.q > 0)) return fallback;
  let best: { type: MediaType; q: number; specificity: number; order: number } | undefined;
  offered.forEach((type, index) => {
    const match = ranges
      .filter((r) => r.type === type || r.type === '*/*' || (r.type.endsWith('/*') && type.startsWith(r.type.slice(0, -1))))
      .sort((x, y) => y.specificity - x.specificity)[0];
    if (!match || match.q <= 0) return;
    const candidate = { type, q: match.q, specificity: match.specificity, order: match.specificity === 2 ? match.order : 1000 + index };
    if (!best || candidate.q > best.q || (candidate.q === best.q && candidate.specificity > best.specificity) || (candidate.q === best.q && candidate.specificity === best.specificity && candidate.order < best.order)) {
      best = candidate;
    }
  });
  return best?.type;
}
