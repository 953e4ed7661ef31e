/** Entity ids the server accepts (UUIDs, or client-chosen ids of the same alphabet). */
export const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,63}$/;

/**
 * Splits an entity location into its collection path and id.
 * @param path - e.g. `/compute/42`
 * @returns `{ collection: '/compute/', id: '42' }`, or undefined when the path is not an entity location
 * @example splitLocation('/compute/42') // { collection: '/compute/', id: '42' }
 */
export function splitLocation(path: string): { collection: string; id: string } | undefined {
  const slash = path.lastIndexOf('/');
  if (slash <= 0 || slash === path.length - 1) return undefined;
  const id = path.slice(slash + 1);
  if (!ENTITY_ID.test(id)) return undefined;
  return { collection: path.slice(0, slash + 1), id };
}

/**
 * Reduces a link end or listed location to a local path when it is one: a path, or an absolute
 * URL on one of this server's origins (the one the client addressed, the configured public URL).
 * @param location - what the client sent
 * @param origins - this server's origins (e.g. `http://127.0.0.1:8080`)
 * @returns `{ local: path }`, `{ external: url }` for another origin, or `{ invalid: why }` for an
 *   absolute URL this server cannot take as a location (a query or fragment)
 * @example localPath('http://a:1/compute/x', 'http://a:1') // { local: '/compute/x' }
 */
export function localPath(location: string, origins?: string | readonly (string | undefined)[]): { local: string } | { external: string } | { invalid: string } {
  if (location.startsWith('/')) return { local: location };
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return { local: location };
  }
  const own = (typeof origins === 'string' ? [origins] : (origins ?? [])).filter((o): o is string => o !== undefined).map(originOfUrl);
  if (!own.includes(url.origin)) return { external: location };
  if (url.search !== '' || url.hash !== '') return { invalid: `${location} carries a query or fragment; an entity location is a path` };
  return { local: url.pathname };
}

function originOfUrl(value: string): string {
  try {
    return new URL(value).origin;
  } catch {
    return value;
  }
}
