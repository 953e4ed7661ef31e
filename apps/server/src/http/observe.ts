import type { RequestHandler } from 'express';
import type { ServerMetrics } from '../observability/metrics';

/**
 * The route family of a path, a bounded label set for metrics.
 * @param path - the request path
 * @returns `query`, `healthz`, `metrics`, `collection` or `entity`
 */
export function routeFamily(path: string): string {
  if (path === '/-/' || path === '/.well-known/org/ogf/occi/-/') return 'query';
  if (path === '/healthz' || path === '/metrics') return path.slice(1);
  return path.endsWith('/') ? 'collection' : 'entity';
}

/**
 * Counts requests and measures their duration.
 * @param metrics - the server's metrics
 * @returns the middleware
 */
export function observe(metrics: ServerMetrics): RequestHandler {
  return (req, res, next) => {
    const route = routeFamily(req.path);
    const end = metrics.duration.startTimer({ method: req.method, route });
    res.on('finish', () => {
      end();
      metrics.requests.inc({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}
