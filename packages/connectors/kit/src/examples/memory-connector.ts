/**
 * A minimal, complete connector over an in-memory "cloud": the example of
 * docs/guides/write-a-connector.md, built and run through the conformance suite by the kit's tests.
 */
import type { Offer, ProvisionedResource, Region, ResourceKind, ResourceSpec } from '@accords/model';
import { actionTargetState, checkResourceSpec, ConnectorError, normalizeAction, throwIfAborted } from '@accords/connector-kit';
import type { CallOptions, Connector, ConnectorCapabilities, OfferCatalogue, ResourceAction } from '@accords/connector-kit';

/** Options of {@link createMemoryConnector}. */
export interface MemoryConnectorOptions {
  /** Provider id (default `memory`). */
  providerId?: string;
  /** Clock for `createdAt` (default `Date.now`). */
  now?: () => number;
}

const CAPABILITIES: ConnectorCapabilities = {
  resourceKinds: ['compute', 'storage', 'network'],
  actions: {
    compute: ['start', 'stop', 'restart', 'suspend', 'resume'],
    storage: ['online', 'offline'],
    network: ['up', 'down'],
  },
  resize: false,
  usage: false,
  images: false,
  asyncProvisioning: false,
};

/**
 * Creates the example in-memory connector: one region, two offers, instant provisioning.
 * @param options - Provider id and clock.
 * @returns A {@link Connector} that keeps its resources in a `Map`.
 * @example
 * ```ts
 * const connector = createMemoryConnector();
 * const vm = await connector.create({ kind: 'compute', idempotencyKey: 'k-00000001', regionId: 'mem-1', offerId: 'mem-1.small', name: 'web' });
 * ```
 */
export function createMemoryConnector(options: MemoryConnectorOptions = {}): Connector {
  const providerId = options.providerId ?? 'memory';
  const now = options.now ?? Date.now;
  const asOf = new Date(now()).toISOString();
  const region: Region = {
    id: 'mem-1', providerId, name: 'Memory 1', country: 'FR', coordinates: { lat: 48.85, lon: 2.35 },
    timeZone: 'Europe/Paris', pue: 1.2, renewableShare: 0.5, heatReuse: 0, zone: 'FR',
  };
  const offer = ([id, vcpu, memoryGiB, pricePerHour]: [string, number, number, number]): Offer => ({
    id: `mem-1.${id}`, providerId, regionId: 'mem-1', instanceType: id, vcpu, memoryGiB, gpus: 0, architecture: 'x86_64',
    pricePerHour, currency: 'EUR', market: 'on-demand', availability: 99.9, capacity: 1000, asOf,
  });
  const offers = [offer(['small', 1, 2, 0.02]), offer(['large', 4, 16, 0.09])];
  const resources = new Map<string, ProvisionedResource>();
  const byKey = new Map<string, string>();

  const find = (id: string): ProvisionedResource => {
    const r = resources.get(id);
    if (!r) throw new ConnectorError('not_found', `no resource ${id}`, { providerId });
    return r;
  };
  const readyState = (kind: ResourceKind) => (kind === 'storage' ? 'online' : 'active');

  return {
    providerId,
    capabilities: CAPABILITIES,
    async regions(opts?: CallOptions) {
      throwIfAborted(opts?.signal, { providerId, operation: 'regions' });
      return [region];
    },
    async offers(opts?: CallOptions): Promise<OfferCatalogue> {
      throwIfAborted(opts?.signal, { providerId, operation: 'offers' });
      return { asOf, offers: [...offers] };
    },
    async create(input: ResourceSpec, opts?: CallOptions) {
      const spec = checkResourceSpec(input, CAPABILITIES);
      throwIfAborted(opts?.signal, { providerId, operation: 'create' });
      const existing = byKey.get(spec.idempotencyKey);
      if (existing) return { ...find(existing) };
      if (spec.regionId !== region.id) throw new ConnectorError('invalid', `unknown region ${spec.regionId}`, { providerId, location: { pointer: '/regionId' } });
      if (spec.kind === 'compute' && !offers.some((o) => o.id === spec.offerId)) {
        throw new ConnectorError('invalid', `unknown offer ${spec.offerId}`, { providerId, location: { pointer: '/offerId' } });
      }
      const r: ProvisionedResource = {
        id: crypto.randomUUID(), providerId, regionId: spec.regionId, kind: spec.kind, name: spec.name,
        state: readyState(spec.kind), attributes: {}, addresses: [], createdAt: new Date(now()).toISOString(),
        idempotencyKey: spec.idempotencyKey, ...(spec.offerId ? { offerId: spec.offerId } : {}),
      };
      resources.set(r.id, r);
      byKey.set(spec.idempotencyKey, r.id);
      return { ...r };
    },
    async get(id: string, opts?: CallOptions) {
      throwIfAborted(opts?.signal, { providerId, operation: 'get' });
      return { ...find(id) };
    },
    async list(opts?: CallOptions) {
      throwIfAborted(opts?.signal, { providerId, operation: 'list' });
      return [...resources.values()].map((r) => ({ ...r }));
    },
    async act(id: string, action: ResourceAction, opts?: CallOptions) {
      throwIfAborted(opts?.signal, { providerId, operation: 'act' });
      const r = find(id);
      const { name } = normalizeAction(action);
      const target = actionTargetState(r.kind, name);
      if (!target) throw new ConnectorError('invalid', `${name} does not apply to ${r.kind}`, { providerId });
      if (!(CAPABILITIES.actions[r.kind] ?? []).includes(name)) throw new ConnectorError('unsupported', `${name} is not supported`, { providerId });
      if (name === 'resume' && r.state !== 'suspended' && r.state !== 'active') {
        throw new ConnectorError('conflict', `cannot resume a ${r.state} compute`, { providerId });
      }
      r.state = target;
      return { ...r };
    },
    async delete(id: string, opts?: CallOptions) {
      throwIfAborted(opts?.signal, { providerId, operation: 'delete' });
      const r = find(id);
      resources.delete(id);
      if (r.idempotencyKey) byKey.delete(r.idempotencyKey);
    },
  };
}
