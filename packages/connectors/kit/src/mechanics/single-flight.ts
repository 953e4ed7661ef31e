/** Joins concurrent calls that share a key into one. */
export interface SingleFlight<T> {
  /**
   * Runs `fn` for `key`, or returns the promise of the call already running for it.
   * @param key - E.g. the idempotency key of a create.
   * @param fn - The work.
   */
  run(key: string, fn: () => Promise<T>): Promise<T>;
  /** Keys with a call running. */
  inflight(): number;
}

/**
 * Creates a single-flight group: a connector whose backend has no idempotency of its own uses
 * it so that two concurrent creates with one key look the resource up and create it once.
 * @returns A {@link SingleFlight}.
 * @example
 * ```ts
 * const creates = createSingleFlight<ProvisionedResource>();
 * return creates.run(spec.idempotencyKey, () => findByKey(spec) ?? backendCreate(spec));
 * ```
 */
export function createSingleFlight<T>(): SingleFlight<T> {
  const running = new Map<string, Promise<T>>();
  return {
    run(key, fn) {
      const current = running.get(key);
      if (current) return current;
      const p = (async () => fn())().finally(() => running.delete(key));
      running.set(key, p);
      return p;
    },
    inflight: () => running.size,
  };
}
