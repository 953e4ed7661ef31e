import {
  checkResourceSpec,
  ConnectorError,
  createOfferCache,
  createSingleFlight,
  isConnectorError,
  normalizeAction,
  systemClock,
  throwIfAborted,
  withDeadline,
} from '@accords/connector-kit';
import type { CallOptions, Connector, ConnectorCapabilities, ImageInfo, ProvisionedResource, ResourceKind, ResourceSpec } from '@accords/connector-kit';
import type { AnyEntityData } from '@accords/occi';
import type { Rendering, ServerModel } from '@accords/sdk';
import { planAction, READY_ACTION } from './actions';
import { readCatalogue } from './catalogue';
import type { RemoteCatalogue } from './catalogue';
import { KIND_ID, pathOf, toCreateInput, toProvisioned } from './entity';
import { formatMarker, parseMarker } from './marker';
import { checkOptions, DECLARED_ACTIONS } from './options';
import type { OcciConnectorOptions } from './options';
import { createRemote } from './remote';
import { stateOf, STATE_ATTRIBUTE } from './states';

/** A connector to a remote OCCI server, with what the SPI does not cover. */
export interface OcciConnector extends Connector {
  /** The remote's base URL. */
  readonly url: string;
  /** The remote's OS templates, filtered (always present on this connector). */
  images(opts?: CallOptions): Promise<ImageInfo[]>;
  /** Moves a compute to another offer of its region by swapping its resource template. */
  resize(id: string, offerId: string, opts?: CallOptions): Promise<ProvisionedResource>;
  /** The rendering currently spoken (it changes once under `rendering: 'auto'` after a 406 or 415). */
  rendering(): Rendering;
  /** Reads the remote's model, offers and images again now. */
  refresh(): Promise<void>;
  /** Stops the background refresh. */
  close(): Promise<void>;
}

interface Snapshot {
  model: ServerModel;
  catalogue: RemoteCatalogue;
}

const ALL_KINDS: readonly ResourceKind[] = ['compute', 'storage', 'network'];

/**
 * Creates a connector that drives any OCCI 1.2 server over HTTP through `@accords/sdk`: another
 * Accords (federation) or another vendor's OCCI endpoint. It discovers the remote's model through
 * its query interface (in the background, every `refreshMs`); offers come from `resource_tpl`
 * mixins, images from `os_tpl` mixins, regions from Accords region mixins (or one default region).
 * Creates carry the idempotency key in `occi.core.summary` and look it up first, so the same key
 * never creates twice.
 * @param options - provider id, URL, credentials (secret references), rendering, pricing and region facts
 * @returns the connector (its first discovery is already under way)
 * @throws {ConnectorError} `invalid` naming the first wrong option
 * @example
 * ```ts
 * const peer = createOcciConnector({ providerId: 'peer-paris', url: 'https://accords.paris.example', token: 'env:PEER_PARIS_TOKEN' });
 * const { offers } = await peer.offers();
 * const vm = await peer.create({ kind: 'compute', idempotencyKey: 'web-0-2026', regionId: offers[0].regionId, offerId: offers[0].id, name: 'web-0' });
 * ```
 */
export function createOcciConnector(options: OcciConnectorOptions): OcciConnector {
  checkOptions(options);
  const providerId = options.providerId;
  const clock = options.clock ?? systemClock;
  const kinds = ALL_KINDS.filter((k) => (options.kinds ?? ALL_KINDS).includes(k));
  const capabilities: ConnectorCapabilities = {
    resourceKinds: kinds,
    actions: Object.fromEntries(kinds.map((k) => [k, DECLARED_ACTIONS[k]])),
    resize: true,
    usage: false,
    images: true,
    asyncProvisioning: true,
  };
  const remote = createRemote(options);
  const discovery = createSingleFlight<Snapshot>();
  const firstSeen = new Map<string, string>();
  const locks = new Map<string, Promise<unknown>>();
  let snapshot: Snapshot | undefined;
  let lastError: unknown;

  const discover = (signal: AbortSignal) =>
    discovery.run('model', async () => {
      const model = await remote.run('discover', (c) => c.model({ refresh: true, signal }));
      const catalogue = readCatalogue({ categories: model.categories, options, asOf: new Date(clock.now()).toISOString() });
      for (const w of catalogue.warnings) options.onWarning?.(`${providerId}: ${w}`);
      snapshot = { model, catalogue };
      lastError = undefined;
      return snapshot;
    });

  const cache = createOfferCache({
    loadOffers: async (signal) => (await discover(signal)).catalogue.offers.map((o) => o.offer),
    loadImages: async (signal) => (await discover(signal)).catalogue.images.map((i) => i.image),
    imageFilter: options.imageFilter,
    refreshMs: options.refreshMs ?? 600_000,
    clock,
    onError: (error) => {
      lastError = error;
      options.onWarning?.(`${providerId}: reading the remote's model failed`, error);
    },
  });
  const ready = cache.start();

  const call = async <T>(operation: string, opts: CallOptions | undefined, fn: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> => {
    throwIfAborted(opts?.signal, { providerId, operation });
    return withDeadline(fn, { timeoutMs: opts?.timeoutMs, signal: opts?.signal, clock, providerId, operation });
  };

  const loaded = async (operation: string): Promise<Snapshot> => {
    await ready;
    // Nothing was ever read (the first discovery failed): this call cannot be served without it.
    if (!snapshot) await cache.refresh();
    if (snapshot) return snapshot;
    if (isConnectorError(lastError)) throw lastError;
    throw new ConnectorError('transient', `${providerId}: the remote's model has not been read yet`, { providerId, operation, cause: lastError, retryAfterMs: 5_000 });
  };

  const createdAt = (id: string): string => {
    let at = firstSeen.get(id);
    if (!at) {
      at = new Date(clock.now()).toISOString();
      firstSeen.set(id, at);
    }
    return at;
  };

  const kindOf = (snap: Snapshot, id: string): ResourceKind => {
    const safe = typeof id === 'string' && /^\/[^?#\s]*[^/]$/.test(id) && !id.split('/').includes('..');
    for (const kind of safe ? kinds : []) {
      const location = snap.model.categories.kinds.find((k) => k.scheme + k.term === KIND_ID[kind])?.location;
      if (location && id.startsWith(location) && id.length > location.length && !id.slice(location.length).includes('/')) return kind;
    }
    throw new ConnectorError('not_found', `${providerId}: no resource ${JSON.stringify(id)} (ids are locations such as /compute/<id>)`, { providerId });
  };

  const mapped = (snap: Snapshot, kind: ResourceKind, entity: AnyEntityData): ProvisionedResource =>
    toProvisioned(entity, { providerId, kind, catalogue: snap.catalogue, createdAt: createdAt(pathOf(entity.location ?? entity.id)) });

  const fetchEntity = (id: string, signal?: AbortSignal) => remote.run('get', (c) => c.entities.get(id, { signal }));

  const ours = (entity: AnyEntityData): boolean => parseMarker('summary' in entity ? entity.summary : undefined)?.providerId === providerId;

  const findByKey = async (input: { snap: Snapshot; kind: ResourceKind; key: string; signal?: AbortSignal }): Promise<AnyEntityData[]> => {
    const summary = formatMarker({ providerId, idempotencyKey: input.key });
    const collection = input.snap.model.locationOf(KIND_ID[input.kind]);
    const scan = async (filtered: boolean) => {
      const found: AnyEntityData[] = [];
      await remote.run('create', async (c) => {
        found.length = 0;
        const filter = filtered ? { attributes: { 'occi.core.summary': summary } } : undefined;
        for await (const e of c.entities.list(collection, { signal: input.signal, ...(filter ? { filter } : {}) })) {
          // A server may ignore the filter: the marker is checked here in any case.
          if ('summary' in e && e.summary === summary) found.push(e);
        }
      });
      return found;
    };
    try {
      return await scan(true);
    } catch (error) {
      // A server that does not take attribute filters answers 400: look through everything.
      if (isConnectorError(error) && error.kind === 'invalid') return scan(false);
      throw error;
    }
  };

  const withKeyLock = <T>(key: string, signal: AbortSignal | undefined, fn: () => Promise<T>): Promise<T> => {
    const previous = locks.get(key) ?? Promise.resolve();
    const run = previous.then(() => {
      throwIfAborted(signal, { providerId, operation: 'create' });
      return fn();
    });
    const tail = run.catch(() => undefined);
    locks.set(key, tail);
    void tail.then(() => {
      if (locks.get(key) === tail) locks.delete(key);
    });
    return run;
  };

  const makeReady = async (input: { snap: Snapshot; kind: ResourceKind; entity: AnyEntityData; signal?: AbortSignal }): Promise<AnyEntityData> => {
    const { kind, entity, signal } = input;
    const step = READY_ACTION[kind];
    if (options.startOnCreate === false || stateOf(kind, entity.attributes[STATE_ATTRIBUTE[kind]]) !== step.from) return entity;
    try {
      await remote.run('create', (c) => c.entities.trigger(pathOf(entity.location!), step.term, { signal }));
    } catch (error) {
      // Another caller started it in between: read what it is now.
      if (!(isConnectorError(error) && error.kind === 'conflict')) throw error;
    }
    return fetchEntity(pathOf(entity.location!), signal);
  };

  const sameRequest = (input: { spec: ResourceSpec; found: ProvisionedResource }): void => {
    const { spec, found } = input;
    const differs = found.name !== spec.name || found.regionId !== spec.regionId || (spec.kind === 'compute' && found.offerId !== undefined && found.offerId !== spec.offerId);
    if (differs) {
      throw new ConnectorError('conflict', `${providerId}: idempotency key ${spec.idempotencyKey} was used for another request (${found.id}, ${found.name} in ${found.regionId})`, {
        providerId,
        operation: 'create',
        location: { pointer: '/idempotencyKey' },
      });
    }
  };

  const connector: OcciConnector = {
    providerId,
    capabilities,
    url: options.url,
    rendering: () => remote.rendering(),
    refresh: () => cache.refresh(),

    regions: (opts) => call('regions', opts, async () => (await loaded('regions')).catalogue.regions.map((r) => ({ ...r.region }))),

    offers: (opts) =>
      call('offers', opts, async () => {
        await loaded('offers');
        return cache.catalogue();
      }),

    images: (opts) =>
      call('images', opts, async () => {
        await loaded('images');
        return cache.images();
      }),

    async create(input, opts) {
      const spec = checkResourceSpec(input, capabilities);
      return call('create', opts, async (signal) => {
        const snap = await loaded('create');
        const body = toCreateInput(spec, { providerId, catalogue: snap.catalogue, model: snap.model });
        return withKeyLock(spec.idempotencyKey, signal, async () => {
          const existing = (await findByKey({ snap, kind: spec.kind, key: spec.idempotencyKey, signal })).sort((a, b) => (pathOf(a.location ?? '') < pathOf(b.location ?? '') ? -1 : 1))[0];
          if (existing) sameRequest({ spec, found: mapped(snap, spec.kind, existing) });
          const made = existing ?? (await remote.run('create', (c) => c.entities.create(body, { signal })));
          return mapped(snap, spec.kind, await makeReady({ snap, kind: spec.kind, entity: made, signal }));
        });
      });
    },

    get: (id, opts) =>
      call('get', opts, async (signal) => {
        const snap = await loaded('get');
        const kind = kindOf(snap, id);
        return mapped(snap, kind, await fetchEntity(id, signal));
      }),

    list: (opts) =>
      call('list', opts, async (signal) => {
        const snap = await loaded('list');
        const out: ProvisionedResource[] = [];
        for (const kind of kinds) {
          const kindData = snap.model.categories.kinds.find((k) => k.scheme + k.term === KIND_ID[kind]);
          if (!kindData?.location) continue;
          await remote.run('list', async (c) => {
            for await (const e of c.entities.list(kindData.location!, { signal })) if (ours(e)) out.push(mapped(snap, kind, e));
          });
        }
        return out;
      }),

    act: (id, action, opts) =>
      call('act', opts, async (signal) => {
        const wanted = normalizeAction(action);
        const snap = await loaded('act');
        const kind = kindOf(snap, id);
        if (!(capabilities.actions[kind] ?? []).includes(wanted.name)) {
          const foreign = !DECLARED_ACTIONS[kind].includes(wanted.name);
          throw new ConnectorError(foreign ? 'invalid' : 'unsupported', `${providerId}: ${wanted.name} is not an action of ${kind} resources here`, { providerId, operation: 'act', location: { attribute: 'action' } });
        }
        const entity = await fetchEntity(id, signal);
        const state = stateOf(kind, entity.attributes[STATE_ATTRIBUTE[kind]]);
        const term = wanted.name === 'resume' ? 'start' : wanted.name;
        let declared: string[] = [];
        try {
          declared = Object.keys(snap.model.action(term, KIND_ID[kind]).attributes ?? {});
        } catch {
          throw new ConnectorError('unsupported', `${providerId}: the remote offers no ${term} action on ${kind}`, { providerId, operation: 'act' });
        }
        const plan = planAction({ kind, state, action: wanted, declared });
        if (plan.noop) return mapped(snap, kind, entity);
        await remote.run('act', (c) => c.entities.trigger(id, plan.term, { signal, attributes: plan.attributes }));
        return mapped(snap, kind, await fetchEntity(id, signal));
      }),

    resize: (id, offerId, opts) =>
      call('resize', opts, async (signal) => {
        const snap = await loaded('resize');
        if (kindOf(snap, id) !== 'compute') throw new ConnectorError('invalid', `${providerId}: only compute resources are resized`, { providerId, operation: 'resize' });
        const current = mapped(snap, 'compute', await fetchEntity(id, signal));
        const target = snap.catalogue.offers.find((o) => o.offer.id === offerId && o.offer.regionId === current.regionId);
        if (!target) {
          throw new ConnectorError('invalid', `${providerId}: no offer ${offerId} in region ${current.regionId}`, { providerId, operation: 'resize', location: { pointer: '/offerId', attribute: 'offerId' } });
        }
        if (current.offerId === offerId) return current;
        const previous = snap.catalogue.offers.find((o) => o.offer.id === current.offerId);
        // OCCI resizes by swapping the resource template: leave the old one, then join the new one
        // with its size; if joining fails, the old template is put back.
        if (previous) await remote.run('resize', (c) => c.mixins.dissociate(previous.mixinId, [id], { signal }));
        try {
          const attributes = { 'occi.compute.cores': target.offer.vcpu, 'occi.compute.memory': target.offer.memoryGiB };
          await remote.run('resize', (c) => c.entities.update(id, { mixins: [target.mixinId], attributes }, { signal }));
        } catch (error) {
          if (previous) await remote.run('resize', (c) => c.mixins.associate(previous.mixinId, [id])).catch(() => undefined);
          throw error;
        }
        return mapped(snap, 'compute', await fetchEntity(id, signal));
      }),

    delete: (id, opts) =>
      call('delete', opts, async (signal) => {
        const snap = await loaded('delete');
        kindOf(snap, id);
        await remote.run('delete', (c) => c.entities.delete(id, { signal }));
        firstSeen.delete(id);
      }),

    async close() {
      cache.stop();
    },
  };
  return connector;
}
