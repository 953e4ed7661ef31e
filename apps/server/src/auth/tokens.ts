import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A freshly minted token: its value (shown once) and what is stored. */
export interface MintedToken {
  id: string;
  value: string;
  hash: string;
}

/**
 * Hashes a bearer token for storage and lookup (SHA-256, hex).
 * @param value - the token as the client sends it
 * @returns the hex digest
 * @example hashToken('accords_x').length // 64
 */
export function hashToken(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/**
 * Mints a new random token (256 bits).
 * @returns its id, value and hash
 * @example mintToken().value.startsWith('accords_') // true
 */
export function mintToken(): MintedToken {
  const value = `accords_${randomBytes(32).toString('base64url')}`;
  return { id: randomUUID(), value, hash: hashToken(value) };
}
