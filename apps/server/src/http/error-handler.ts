import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AccordsError, isJsonMediaType, negotiate } from '@accords/occi';
import { serverError } from '../errors';

/**
 * Turns anything thrown into an {@link AccordsError} with a status: express' body-parser errors
 * become 413/400, unknown errors 500 (their detail is logged, never sent).
 * @param error - what was thrown
 * @returns the error to answer with
 */
export function toAccordsError(error: unknown): AccordsError {
  if (error instanceof AccordsError) return error;
  const e = error as { type?: string; status?: number; limit?: number; length?: number; message?: string };
  if (e?.type === 'entity.too.large') return serverError('payload_too_large', `the request body is larger than ${e.limit} bytes`, { location: { header: 'Content-Length' } });
  if (e?.type === 'request.aborted') return serverError('bad_request', 'the client aborted the request');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return serverError('unsupported_media_type', e.message ?? 'unsupported encoding', { location: { header: 'Content-Type' } });
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return serverError('bad_request', e.message ?? 'bad request');
  return serverError('internal', 'internal server error', { cause: error });
}

/**
 * Renders an error in the negotiated rendering: JSON renderings get `{ "error": {...} }`, the
 * text renderings a `text/plain` body of `key: value` lines (code, status, message, location).
 * @param error - the error
 * @param accept - the request's Accept header
 * @returns content type and body
 */
export function renderError(error: AccordsError, accept: string | undefined): { contentType: string; body: string } {
  const type = negotiate(accept) ?? 'text/plain';
  const json = error.toJSON();
  if (isJsonMediaType(type)) return { contentType: `${type}; charset=utf-8`, body: JSON.stringify({ error: json }) };
  const lines = [`error: ${json.code}`, `status: ${json.status}`, `message: ${json.message}`];
  for (const [key, value] of Object.entries(json.location ?? {})) lines.push(`${key}: ${String(value)}`);
  for (const issue of json.issues?.slice(1) ?? []) lines.push(`issue: ${issue.message}`);
  return { contentType: 'text/plain; charset=utf-8', body: `${lines.join('\n')}\n` };
}

/**
 * The only place errors become answers: status from the error, body in the negotiated
 * rendering, no stack trace; 5xx are logged with their cause.
 * @param log - the logger
 * @returns the error middleware
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  // eslint-disable-next-line max-params -- express recognises error middleware by its four parameters
  return (error: unknown, req, res, _next) => {
    const failure = toAccordsError(error);
    if (failure.status >= 500) (req.log ?? log).error({ err: error }, 'request failed');
    if (res.headersSent) {
      res.end();
      return;
    }
    const { contentType, body } = renderError(failure, req.headers.accept);
    if (failure.status === 405 && res.getHeader('Allow') === undefined) res.setHeader('Allow', 'GET');
    res.status(failure.status).setHeader('Content-Type', contentType).send(body);
  };
}

/**
 * Answers 404 for paths no route serves.
 * @returns the middleware
 */
export function notFoundHandler(): RequestHandler {
  return (req, _res, next) => next(serverError('not_found', `nothing at ${req.path}`, { location: { attribute: 'location' } }));
}
