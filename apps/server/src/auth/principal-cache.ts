import type { Principal } from '../store/tenant-repo';

/**
 * Remembers which principal a token hash belongs to for a short time, so that a request does
 * not read the token tables each time. Revocations in this process clear it at once; another
 * process sharing the database sees them within `ttlMs`.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { principal: Principal; expires: number }>();

  constructor(private readonly ttlMs = 2_000) {}

  /**
   * The cached principal of a token hash, if still fresh.
   * @param hash - the token's hash
   * @returns the principal, or undefined
   */
  get(hash: string): Principal | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.expires < Date.now()) {
      this.entries.delete(hash);
      return undefined;
    }
    return entry.principal;
  }

  /**
   * Remembers a principal.
   * @param hash - the token's hash
   * @param principal - its principal
   */
  set(hash: string, principal: Principal): void {
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(hash, { principal, expires: Date.now() + this.ttlMs });
  }

  /** Forgets everything (after a revocation or a tenant's deletion). */
  clear(): void {
    this.entries.clear();
  }
}
