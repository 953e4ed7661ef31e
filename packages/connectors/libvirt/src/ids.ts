import { createHash } from 'node:crypto';

/**
 * A UUID derived from the provider, the resource kind and the idempotency key, so that the same
 * key always names the same libvirt object (libvirt refuses a second object with the same UUID).
 */
export function deterministicUuid(parts: { providerId: string; kind: string; key: string }): string {
  const hex = createHash('sha256').update(`${parts.providerId}\u0000${parts.kind}\u0000${parts.key}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A short stable hash of an idempotency key (for names with length limits, such as bridges). */
export function shortHash(text: string, length = 10): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** Turns a user's resource name into a libvirt-safe fragment. */
export function safeName(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return s || 'resource';
}

/** A connector resource id, which says which kind of libvirt object it names. */
export type LibvirtRef = { kind: 'compute'; uuid: string } | { kind: 'network'; uuid: string } | { kind: 'storage'; pool: string; volume: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Formats a resource id: `domain/<uuid>`, `network/<uuid>` or `volume/<pool>/<name>`. */
export function formatRef(ref: LibvirtRef): string {
  if (ref.kind === 'compute') return `domain/${ref.uuid}`;
  if (ref.kind === 'network') return `network/${ref.uuid}`;
  return `volume/${encodeURIComponent(ref.pool)}/${encodeURIComponent(ref.volume)}`;
}

/** Parses a resource id made by {@link formatRef}; undefined when it is not one. */
export function parseRef(id: string): LibvirtRef | undefined {
  const [head, a, b, ...rest] = id.split('/');
  if (rest.length > 0) return undefined;
  if (head === 'domain' && a && UUID.test(a) && b === undefined) return { kind: 'compute', uuid: a };
  if (head === 'network' && a && UUID.test(a) && b === undefined) return { kind: 'network', uuid: a };
  if (head === 'volume' && a && b) {
    try {
      return { kind: 'storage', pool: decodeURIComponent(a), volume: decodeURIComponent(b) };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

const VOLUME_NAME_LIMIT = 250;

/**
 * Volume name for a storage resource: `accords-<base64url(key)>.<base64url(name)>.qcow2`, so that the
 * key and the user's name can be read back (volumes have no metadata). Names too long for a file
 * name are shortened; the key never is.
 */
export function volumeName(parts: { key: string; name: string }): string {
  const key = Buffer.from(parts.key, 'utf8').toString('base64url');
  let name = parts.name;
  const size = (n: string) => `accords-${key}.${Buffer.from(n, 'utf8').toString('base64url')}.qcow2`.length;
  while (name.length > 0 && size(name) > VOLUME_NAME_LIMIT) name = Array.from(name).slice(0, -1).join('');
  return `accords-${key}.${Buffer.from(name, 'utf8').toString('base64url')}.qcow2`;
}

/** Reads back what {@link volumeName} encoded; undefined for volumes Accords did not make. */
export function parseVolumeName(volume: string): { key: string; name: string } | undefined {
  const m = /^accords-([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)\.qcow2$/.exec(volume);
  if (!m) return undefined;
  return { key: Buffer.from(m[1]!, 'base64url').toString('utf8'), name: Buffer.from(m[2]!, 'base64url').toString('utf8') };
}
