import { createHash } from 'node:crypto';

/**
 * A stable UUID-shaped id derived from a name (e.g. the service of an agreement), so that every
 * process computes the same id without storing it.
 *
 * @param name - what the id stands for
 * @returns a UUID-formatted id (version nibble 5)
 * @example
 * derivedId(`service:${agreementId}`);
 */
export function derivedId(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
