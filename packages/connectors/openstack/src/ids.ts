import { createHash } from 'node:crypto';

/** A connector resource id: which kind of OpenStack object, in which region. */
export type OpenStackRef = { kind: 'compute' | 'network'; region: string; uuid: string };

/** Formats `server/<region>/<uuid>` or `network/<region>/<uuid>`. */
export function formatRef(ref: OpenStackRef): string {
  return `${ref.kind === 'compute' ? 'server' : 'network'}/${encodeURIComponent(ref.region)}/${ref.uuid}`;
}

/** Parses an id made by {@link formatRef}; undefined otherwise. */
export function parseRef(id: string): OpenStackRef | undefined {
  const m = /^(server|network)\/([^/]+)\/([0-9a-fA-F-]{32,36})$/.exec(id);
  if (!m) return undefined;
  try {
    return { kind: m[1] === 'server' ? 'compute' : 'network', region: decodeURIComponent(m[2]!), uuid: m[3]! };
  } catch {
    return undefined;
  }
}

/** A short stable hash of a key. */
export function shortHash(text: string, length = 10): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** A server or network name made from the user's name and the key's hash (so that it can be looked up). */
export function resourceName(parts: { name: string; key: string }): string {
  const safe = parts.name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${safe || 'resource'}-${shortHash(parts.key, 10)}`;
}

/** Server metadata keys Accords writes. */
export const META = { key: 'accords_key', offer: 'accords_offer', name: 'accords_name', image: 'accords_image', labelPrefix: 'accords_label_' } as const;
