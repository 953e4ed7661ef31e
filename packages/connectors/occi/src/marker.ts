/**
 * The idempotency marker: the text this connector writes into `occi.core.summary` of every
 * resource it creates, so that a repeated create finds the resource made the first time and
 * `list` shows only the resources this connector manages. `occi.core.summary` is defined by OCCI
 * Core for every resource, so any OCCI 1.2 server keeps it (unlike an attribute of our own).
 */

const PREFIX = 'accords-connector';
const KEY = /^[A-Za-z0-9._:-]{8,128}$/;
const PROVIDER = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const MARKER = /^accords-connector provider=([A-Za-z0-9][A-Za-z0-9._:-]{0,127}) key=([A-Za-z0-9._:-]{8,128})$/;

/** What a marker says. */
export interface Marker {
  /** Provider id of the connector that created the resource. */
  providerId: string;
  /** The create's idempotency key. */
  idempotencyKey: string;
}

/**
 * Writes the marker of a resource.
 * @param marker - provider id and idempotency key (both already validated identifiers)
 * @returns the `occi.core.summary` value, e.g. `accords-connector provider=peer key=k-00000001`
 * @throws TypeError when either part is not a valid identifier (a programming error: specs are checked first)
 * @example
 * ```ts
 * formatMarker({ providerId: 'peer', idempotencyKey: 'k-00000001' }); // 'accords-connector provider=peer key=k-00000001'
 * ```
 */
export function formatMarker(marker: Marker): string {
  if (!PROVIDER.test(marker.providerId)) throw new TypeError(`not a provider id: ${JSON.stringify(marker.providerId)}`);
  if (!KEY.test(marker.idempotencyKey)) throw new TypeError(`not an idempotency key: ${JSON.stringify(marker.idempotencyKey)}`);
  return `${PREFIX} provider=${marker.providerId} key=${marker.idempotencyKey}`;
}

/**
 * Reads a marker back from `occi.core.summary`.
 * @param summary - the summary of a remote resource (anything, or nothing)
 * @returns the marker, or undefined when the summary is not one
 * @example
 * ```ts
 * parseMarker('accords-connector provider=peer key=k-00000001'); // { providerId: 'peer', idempotencyKey: 'k-00000001' }
 * parseMarker('my own VM'); // undefined
 * ```
 */
export function parseMarker(summary: unknown): Marker | undefined {
  if (typeof summary !== 'string') return undefined;
  const m = MARKER.exec(summary.trim());
  return m ? { providerId: m[1]!, idempotencyKey: m[2]! } : undefined;
}
