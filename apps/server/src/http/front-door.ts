import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ServerLimits } from '../config/options';
import type { ServerMetrics } from '../observability/metrics';
import { serverError } from '../errors';
import { requestId } from './request-id';
import { routeFamily } from './observe';
import { SERVER_HEADER, occiVersionError } from './occi-version';

/**
 * Everything every request passes before authentication, in one middleware (each express layer
 * costs about as much as the work it does): the request id and the request's logger, the
 * `X-Request-Id` and `Server` headers, the OCCI version check (501), the header count limit
 * (431), the time budget (503), the metrics and one structured log line per answer.
 * @param deps - the logger, the metrics and the limits
 * @returns the middleware
 */
export function frontDoor(deps: { log: Logger; metrics: ServerMetrics; limits: ServerLimits }): RequestHandler {
  const { log, metrics, limits } = deps;
  return (req, res, next) => {
    const id = requestId(req);
    const started = process.hrtime.bigint();
    req.id = id;
    // One child logger per request only when something may be logged.
    req.log = log.level === 'silent' ? log : log.child({ requestId: id });
    res.setHeader('X-Request-Id', id);
    res.setHeader('Server', SERVER_HEADER);
    const route = routeFamily(req.path);
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.duration.observe({ method: req.method, route }, seconds);
      metrics.requests.inc({ method: req.method, route, status: String(res.statusCode) });
      if (route !== 'healthz' && req.log.isLevelEnabled('info')) {
        req.log.info({ req: { method: req.method, url: req.originalUrl }, res: { statusCode: res.statusCode }, responseTime: Math.round(seconds * 1e4) / 10 }, 'request completed');
      }
    });
    const versionError = occiVersionError(req.headers['user-agent']);
    if (versionError) return next(versionError);
    const count = req.rawHeaders.length / 2;
    if (count > limits.headerCount) return next(serverError('headers_too_large', `${count} request headers; at most ${limits.headerCount} are accepted`));
    const timer = setTimeout(() => {
      if (!res.headersSent) next(serverError('unavailable', `the request took longer than ${limits.requestTimeoutMs} ms`));
    }, limits.requestTimeoutMs);
    timer.unref();
    res.on('close', () => clearTimeout(timer));
    next();
  };
}
