import { OcciError } from '../errors';
import type { RenderedMessage, Structure, StructureMap } from '../render/structures';

/**
 * Parses a text/uri-list body (RFC 2483): one URI per line, `#` comments, blank lines ignored.
 * @param structure - `locations` or `association` (anything else is 415).
 * @param body - the body.
 * @returns the locations.
 * @throws OcciError `unsupported_media_type` for other structures; `parse_error` (with line) for a line with white space inside.
 */
export function parseUriList<S extends Structure>(structure: S, body: string): StructureMap[S] {
  if (structure !== 'locations' && structure !== 'association') {
    throw new OcciError('unsupported_media_type', `text/uri-list carries only location lists, not ${structure}`, { location: { header: 'Content-Type' } });
  }
  const out: string[] = [];
  body.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (/\s/.test(line)) throw new OcciError('parse_error', `line ${index + 1}: a URI must not contain white space`, { location: { line: index + 1, column: raw.search(/\S/) + 1 } });
    out.push(line);
  });
  return out as StructureMap[S];
}

/**
 * Renders a location list (or the locations of an entity collection) as text/uri-list.
 * @param structure - `locations`, `association` or `collection`.
 * @param value - the value.
 * @returns the message (CRLF-free: one URI and `\n` per line).
 * @throws OcciError `bad_request` (400, as GFD.229's URI Listing Rendering asks) for structures text/uri-list cannot carry.
 */
export function renderUriList<S extends Structure>(structure: S, value: StructureMap[S]): RenderedMessage {
  let locations: string[];
  if (structure === 'locations' || structure === 'association') locations = value as string[];
  else if (structure === 'collection') {
    const c = value as StructureMap['collection'];
    locations = [...c.resources, ...c.links].map((e) => e.location ?? e.id);
  } else throw new OcciError('bad_request', `text/uri-list renders only listings, not ${structure} (GFD.229, URI Listing Rendering: Bad Request)`, { location: { header: 'Accept' } });
  return { contentType: 'text/uri-list', headers: {}, body: locations.map((l) => l + '\n').join('') };
}
