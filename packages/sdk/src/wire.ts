import { parse, parseContentType, render } from '@accords/occi';
import type { Structure, StructureMap } from '@accords/occi';
import { OcciClientError } from './errors';
import type { HttpResponse } from './transport/http';

/** The renderings the client can speak. */
export type Rendering = 'text/plain' | 'text/occi' | 'application/occi+json';

/** A request body ready to send: content type, headers (text/occi) and body. */
export interface Encoded {
  contentType: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Chooses media types, turns values into request bodies and answers into values — always
 * through @accords/occi: the SDK has no rendering of its own.
 */
export interface Wire {
  readonly rendering: Rendering;
  /** The Accept header for an answer of the given structure. */
  accept(structure: Structure): string;
  encode<S extends Structure>(structure: S, value: StructureMap[S]): Encoded;
  /**
   * Parses an answer in whichever rendering the server chose. Text renderings carry no types:
   * values come back as the text grammar says (quoted strings, bare numbers and booleans).
   */
  decode<S extends Structure>(structure: S, response: HttpResponse): StructureMap[S];
}

/**
 * Creates the {@link Wire} for one rendering.
 * @param rendering - the rendering to request and send
 * @returns the wire
 */
export function createWire(rendering: Rendering): Wire {
  return {
    rendering,
    accept(structure) {
      if (rendering === 'application/occi+json') return 'application/occi+json, application/json;q=0.9';
      if (structure === 'locations') return `text/uri-list, ${rendering};q=0.9`;
      // A whole query interface in text/occi headers passes fetch's header size limit (16 KiB in
      // Node); the same text in a text/plain body does not.
      if (structure === 'categories' && rendering === 'text/occi') return 'text/plain, text/occi;q=0.5';
      return rendering;
    },
    encode(structure, value) {
      const out = render(structure, rendering, value);
      const headers: Record<string, string> = {};
      for (const [name, values] of Object.entries(out.headers)) if (values.length) headers[name] = values.join(', ');
      return { contentType: out.contentType, headers, body: out.body };
    },
    decode(structure, response) {
      const mediaType = parseContentType(response.headers.get('content-type') ?? undefined) ?? (response.body.trim() === '' ? rendering : undefined);
      if (!mediaType) {
        throw new OcciClientError({
          code: 'invalid_response',
          status: response.status,
          message: `${response.url} answered ${response.headers.get('content-type') ?? 'without a Content-Type'}, not an OCCI rendering`,
        });
      }
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      try {
        return parse(structure, mediaType, { headers, body: response.body });
      } catch (cause) {
        const located = cause as { message?: string; location?: Record<string, unknown> };
        throw new OcciClientError({
          code: 'invalid_response',
          status: response.status,
          message: `the ${mediaType} answer from ${response.url} could not be read: ${located.message ?? String(cause)}`,
          location: located.location,
          cause,
        });
      }
    },
  };
}
