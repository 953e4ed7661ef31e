import type { RequestHandler } from 'express';
import { serverError } from '../errors';
import type { ServerLimits } from '../config/options';

/**
 * Refuses requests with too many headers (431) and answers 503 when a request runs over its
 * time budget.
 * @param limits - the server's limits
 * @returns the middleware
 */
export function requestLimits(limits: ServerLimits): RequestHandler {
  return (req, res, next) => {
    const count = req.rawHeaders.length / 2;
    if (count > limits.headerCount) {
      next(serverError('headers_too_large', `${count} request headers; at most ${limits.headerCount} are accepted`));
      return;
    }
    const timer = setTimeout(() => {
      if (!res.headersSent) next(serverError('unavailable', `the request took longer than ${limits.requestTimeoutMs} ms`));
    }, limits.requestTimeoutMs);
    timer.unref();
    res.on('close', () => clearTimeout(timer));
    next();
  };
}
