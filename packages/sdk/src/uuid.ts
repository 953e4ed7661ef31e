/**
 * A random (version 4) UUID: `crypto.randomUUID` where the runtime has it, otherwise built from
 * `crypto.getRandomValues` (browsers expose `randomUUID` only in secure contexts).
 * @returns a UUID such as `3b241101-e2bb-4255-8caf-4136c566a962`
 */
export function randomId(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = c.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
