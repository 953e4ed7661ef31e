import { ConnectorError, isTransitional, READY_STATE } from '@accords/connector-kit';
import type { Connector, ImageInfo, ProvisionedResource, ResourceKind } from '@accords/connector-kit';
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

const imageCache = new WeakMap<Connector, { at: number; images: Promise<ImageInfo[]> }>();

/**
 * Resolves a manifest's image (an image id, a full name, or a distribution such as
 * `ubuntu-24.04`) to one of the provider's images: the newest match for the architecture.
 *
 * @param input - connector, the wanted image, the architecture of the chosen offer, cancellation
 * @returns the provider's image id, or the name unchanged when the connector lists no images
 * @throws ConnectorError `invalid` when the provider has no such image
 * @example
 * const image = await resolveImage({ connector, image: 'debian-12', architecture: 'x86_64', signal });
 */
export async function resolveImage(input: { connector: Connector; image: string; architecture?: string; signal: AbortSignal }): Promise<string> {
  const { connector, image } = input;
  if (!connector.capabilities.images || !connector.images) return image;
  let cached = imageCache.get(connector);
  if (!cached || Date.now() - cached.at > 60_000) {
    cached = { at: Date.now(), images: connector.images({ signal: input.signal }) };
    cached.images.catch(() => imageCache.delete(connector));
    imageCache.set(connector, cached);
  }
  const all = await cached.images;
  const exact = all.find((i) => i.id === image || i.name === image);
  if (exact) return exact.id;
  const matches = all
    .filter((i) => i.distribution === image && (!input.architecture || !i.architecture || i.architecture === input.architecture))
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  if (matches[0]) return matches[0].id;
  throw new ConnectorError('invalid', `${connector.providerId} has no image ${image}${input.architecture ? ` for ${input.architecture}` : ''} (it has: ${[...new Set(all.map((i) => i.distribution ?? i.name))].join(', ')})`, {
    providerId: connector.providerId, operation: 'create', location: { pointer: '/image' },
  });
}
