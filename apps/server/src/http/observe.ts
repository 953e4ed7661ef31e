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
