import { OcciError } from '../errors';
import { applicableActions } from '../model/transitions';
import type { AnyEntityData } from '../model/entity';
import { parseJson } from '../json/json-parse';
import { renderJson } from '../json/json-render';
import { parseText } from '../text/text-parse';
import { renderText } from '../text/text-render';
import { parseUriList, renderUriList } from '../text/uri-list';
import { isMediaType } from './media-type';
import type { MediaType } from './media-type';
import type { OcciMessage, ParseOptions, RenderedMessage, RenderOptions, Structure, StructureMap } from './structures';
import { STRUCTURES } from './structures';

function checkArgs(structure: string, mediaType: string): void {
  if (!(STRUCTURES as readonly string[]).includes(structure)) throw new OcciError('not_implemented', `unknown structure "${structure}"`);
  if (!isMediaType(mediaType)) throw new OcciError('unsupported_media_type', `media type "${mediaType}" is not an OCCI rendering`, { location: { header: 'Content-Type' } });
}

/**
 * Parses a message in one of the OCCI renderings. Liberal: any header-name case, repeated and
 * comma-joined headers, escapes, trailing `;`, OCCI 1.1 `related`, `X-OCCI-Location`...
 * @param structure - what the message carries.
 * @param mediaType - its rendering (from {@link parseContentType}).
 * @param message - headers and body.
 * @param options - model (typing, class resolution), JSON validation mode.
 * @returns the parsed value.
 * @throws OcciError `parse_error` / `schema_violation` (400, with line and column or JSON pointer), `unsupported_media_type` (415).
 * @example
 * ```ts
 * const r = parse('resource', 'text/plain', { headers: {}, body: 'Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"\nX-OCCI-Attribute: occi.core.id="1"' });
 * r.kind; // 'http://schemas.ogf.org/occi/infrastructure#compute'
 * ```
 */
// eslint-disable-next-line max-params -- signature agreed across the Accords packages
export function parse<S extends Structure>(structure: S, mediaType: MediaType, message: OcciMessage, options: ParseOptions = {}): StructureMap[S] {
  checkArgs(structure, mediaType);
  try {
    if (mediaType === 'application/occi+json' || mediaType === 'application/json') return parseJson(structure, message.body, options);
    if (mediaType === 'text/uri-list') return parseUriList(structure, message.body);
    return parseText({ structure, mediaType, message, options });
  } catch (error) {
    if (error instanceof OcciError) throw error;
    throw new OcciError('parse_error', `could not parse ${structure} as ${mediaType}: ${(error as Error)?.message ?? String(error)}`, { cause: error });
  }
}

/**
 * Renders a value in one of the OCCI renderings, strictly: the grammar's order, no trailing `;`.
 * @param structure - what to render.
 * @param mediaType - the rendering (from {@link negotiate}).
 * @param value - the value.
 * @param options - model (fills entity actions from the state machines).
 * @returns content type, OCCI headers and body.
 * @throws OcciError `bad_request` (400, GFD.229 URI Listing Rendering) when text/uri-list is asked for anything but a listing.
 * @example
 * ```ts
 * render('locations', 'text/uri-list', ['/compute/1']).body; // '/compute/1\n'
 * ```
 */
// eslint-disable-next-line max-params -- signature agreed across the Accords packages
export function render<S extends Structure>(structure: S, mediaType: MediaType, value: StructureMap[S], options: RenderOptions = {}): RenderedMessage {
  checkArgs(structure, mediaType);
  const filled = options.model ? withActions(structure, value, options) : value;
  if (mediaType === 'application/occi+json' || mediaType === 'application/json') return { contentType: mediaType, headers: {}, body: renderJson(structure, filled) };
  if (mediaType === 'text/uri-list') return renderUriList(structure, filled);
  return renderText({ structure, mediaType, value: filled });
}

function withActions<S extends Structure>(structure: S, value: StructureMap[S], options: RenderOptions): StructureMap[S] {
  const model = options.model;
  if (!model) return value;
  const fill = <E extends AnyEntityData>(e: E): E => (e.actions === undefined ? { ...e, actions: applicableActions(model, e) } : e);
  switch (structure) {
    case 'resource':
    case 'link':
    case 'entity':
      return fill(value as AnyEntityData) as StructureMap[S];
    case 'collection': {
      const c = value as StructureMap['collection'];
      return { resources: c.resources.map(fill), links: c.links.map(fill) } as StructureMap[S];
    }
    default:
      return value;
  }
}
