import { ConnectorError, isTransitional, READY_STATE } from '@accords/connector-kit';
import type { Connector, ProvisionedResource, ResourceKind } from '@accords/connector-kit';
import type { BrokerDeps } from './context';

/**
 * The connector of a provider.
 *
 * @param deps - the broker's dependencies
 * @param providerId - the provider
 * @returns its connector
 * @throws ConnectorError `not_found` when no loaded connector serves the provider
 * @example
 * const c = connectorFor(deps, 'sim-eu');
 */
export function connectorFor(deps: BrokerDeps, providerId: string): Connector {
  const c = deps.connectors.get(providerId);
  if (!c) throw new ConnectorError('not_found', `no loaded connector serves provider ${providerId}`, { providerId });
  return c;
}

/**
 * Polls a provider resource until it leaves the transitional `pending` state.
 *
 * @param input - connector, the resource as last seen, poll interval, cancellation
 * @returns the resource in a stable state
 * @throws ConnectorError from the connector; `cancelled` when the signal fires
 * @example
 * const ready = await settle({ connector, resource: created, pollMs: 50, signal });
 */
export async function settle(input: { connector: Connector; resource: ProvisionedResource; pollMs: number; signal: AbortSignal }): Promise<ProvisionedResource> {
  let r = input.resource;
  let wait = input.pollMs;
  while (isTransitional(r.state)) {
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(resolve, wait);
      input.signal.addEventListener('abort', () => { clearTimeout(t); reject(new ConnectorError('cancelled', 'provisioning interrupted')); }, { once: true });
    });
    wait = Math.min(wait * 2, 2_000);
    r = await input.connector.get(r.id, { signal: input.signal });
  }
  return r;
}

/** Whether a stable provider state is the one a fresh resource of the kind should reach. */
export function isReady(kind: ResourceKind, state: string): boolean {
  return READY_STATE[kind] === state;
}

/**
 * Finds a provider resource made with an idempotency key (when the broker crashed before it
 * learnt the provider's id).
 *
 * @param input - connector, key, cancellation
 * @returns the resource or undefined
 * @example
 * const found = await findByIdempotencyKey({ connector, key: r.idempotencyKey, signal });
 */
export async function findByIdempotencyKey(input: { connector: Connector; key: string; signal: AbortSignal }): Promise<ProvisionedResource | undefined> {
  const all = await input.connector.list({ signal: input.signal });
  return all.find((p) => p.idempotencyKey === input.key);
}
