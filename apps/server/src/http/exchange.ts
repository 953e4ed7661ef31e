import type { Request, Response } from 'express';
import { MEDIA_TYPES, negotiate, parse, parseContentType, render } from '@accords/occi';
import type { MediaType, Model, OcciMessage, Structure, StructureMap } from '@accords/occi';
import { serverError } from '../errors';
import type { Principal } from '../store/tenant-repo';
import type { Preconditions } from '../core/preconditions';

const NOT_LISTING: readonly MediaType[] = MEDIA_TYPES.filter((t) => t !== 'text/uri-list');

/**
 * Chooses the rendering of the answer. text/uri-list is offered only where the URL is a listing;
 * asking for it elsewhere is a 400, asking for nothing the server has a 406.
 * @param req - the request
 * @param listing - whether the URL lists locations (a collection GET)
 * @returns the media type
 * @throws ServerError `not_acceptable` (406) or `bad_request` (400)
 */
export function responseType(req: Request, listing: boolean): MediaType {
  const accept = req.headers.accept;
  const chosen = negotiate(accept, listing ? MEDIA_TYPES : NOT_LISTING);
  if (chosen) return chosen;
  if (!listing && negotiate(accept, ['text/uri-list'])) {
    throw serverError('bad_request', `text/uri-list is only rendered for collections; ${req.path} is not one`, { location: { header: 'Accept' } });
  }
  throw serverError('not_acceptable', `none of "${accept}" can be produced; offered: ${(listing ? MEDIA_TYPES : NOT_LISTING).join(', ')}`, { location: { header: 'Accept' } });
}

/**
 * The rendering of the request body: from Content-Type; text/plain when there is none.
 * @param req - the request
 * @returns the media type
 * @throws ServerError `unsupported_media_type` (415) for a type that is not an OCCI rendering
 */
export function requestType(req: Request): MediaType {
  const header = req.headers['content-type'];
  if (header === undefined || header.trim() === '') return 'text/plain';
  const type = parseContentType(header);
  if (!type) throw serverError('unsupported_media_type', `Content-Type ${header} is not an OCCI rendering (${MEDIA_TYPES.join(', ')})`, { location: { header: 'Content-Type' } });
  return type;
}

/**
 * The raw request as @accords/occi reads it.
 * @param req - the request (its body a Buffer from express.raw)
 * @returns headers and body
 */
export function messageOf(req: Request): OcciMessage {
  const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
  return { headers: req.headers as OcciMessage['headers'], body };
}

/**
 * Whether the request carries anything to parse: a body, or OCCI headers (text/occi).
 * @param req - the request
 * @returns true when there is content
 */
export function hasContent(req: Request): boolean {
  if (Buffer.isBuffer(req.body) && req.body.length > 0) return true;
  return ['category', 'x-occi-attribute', 'link', 'x-occi-location'].some((h) => req.headers[h] !== undefined);
}

/**
 * Parses the request body into a structure with @accords/occi.
 * @param req - the request
 * @param structure - what the body must hold
 * @param model - the model in force (for typed attribute values)
 * @returns the parsed value
 * @throws OcciError with line/column or JSON pointer; ServerError `unsupported_media_type`
 */
export function parseBody<S extends Structure>(req: Request, structure: S, model: Model): StructureMap[S] {
  return parse(structure, requestType(req), messageOf(req), { model });
}

/**
 * Sends a rendered structure.
 * @param res - the response
 * @param answer - status, media type, structure, value, model and extra headers
 */
export function sendRendered<S extends Structure>(
  res: Response,
  answer: { status: number; type: MediaType; structure: S; value: StructureMap[S]; model: Model; headers?: Record<string, string> },
): void {
  if (res.headersSent) return;
  const rendered = render(answer.structure, answer.type, answer.value, { model: answer.model });
  for (const [name, values] of Object.entries(rendered.headers)) res.setHeader(name, values.length === 1 ? values[0]! : values);
  for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
  res.status(answer.status).setHeader('Content-Type', `${rendered.contentType}; charset=utf-8`);
  res.send(rendered.body);
}

/**
 * Answers without a body (DELETE, and actions on collections that return nothing).
 * @param res - the response
 * @param status - the status
 */
export function sendEmpty(res: Response, status = 200): void {
  if (res.headersSent) return;
  res.status(status).setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.send(status === 204 ? undefined : 'OK\n');
}

/**
 * The conditional-request headers of a request.
 * @param req - the request
 * @returns If-Match / If-None-Match
 */
export function preconditionsOf(req: Request): Preconditions {
  const out: Preconditions = {};
  if (req.headers['if-match'] !== undefined) out.ifMatch = req.headers['if-match'];
  if (req.headers['if-none-match'] !== undefined) out.ifNoneMatch = req.headers['if-none-match'];
  return out;
}

/**
 * The origin of the server as the client addressed it.
 * @param req - the request
 * @returns e.g. `http://127.0.0.1:8080`
 */
export function originOf(req: Request): string {
  return `${req.protocol}://${req.headers.host ?? 'localhost'}`;
}

/**
 * The principal stored by authentication.
 * @param res - the response
 * @returns the principal
 */
export function principalOf(res: Response): Principal {
  return res.locals.principal as Principal;
}
