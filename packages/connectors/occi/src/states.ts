import type { ResourceKind, ResourceState } from '@accords/connector-kit';

/** The OCCI state attribute of each Infrastructure kind. */
export const STATE_ATTRIBUTE: Record<ResourceKind, string> = {
  compute: 'occi.compute.state',
  storage: 'occi.storage.state',
  network: 'occi.network.state',
};

// OCCI 1.2 Infrastructure states (GFD.224), plus the storage states of OCCI 1.1 that some
// servers still report; everything else a vendor invents (booting, waiting, ...) is work in progress.
const KNOWN: Record<ResourceKind, ReadonlySet<string>> = {
  compute: new Set(['active', 'inactive', 'suspended', 'error']),
  storage: new Set(['online', 'offline', 'error', 'backup', 'snapshot', 'resize', 'degraded']),
  network: new Set(['active', 'inactive', 'error']),
};

// Vendor words for a failure, mapped to `error` rather than `pending` so a caller stops waiting.
const FAILED = /^(?:fail(?:ed|ure)?|broken|unknown|crash(?:ed)?)$/i;

/**
 * Maps the state a remote OCCI server reports to the SPI's state of that kind.
 * @param kind - the resource kind
 * @param value - the value of `occi.<kind>.state` (anything the server sent, or nothing)
 * @returns the OCCI state when it is one of the kind's, `error` for a failure word, otherwise
 *   `pending` (the server is still working: `booting`, `waiting`, no state yet)
 * @example
 * ```ts
 * stateOf('compute', 'active'); // 'active'
 * stateOf('compute', 'booting'); // 'pending'
 * ```
 */
export function stateOf(kind: ResourceKind, value: unknown): ResourceState {
  if (typeof value !== 'string') return 'pending';
  const state = value.trim().toLowerCase();
  if (KNOWN[kind].has(state)) return state as ResourceState;
  if (FAILED.test(state)) return 'error';
  return 'pending';
}
