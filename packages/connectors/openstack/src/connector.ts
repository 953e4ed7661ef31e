import type {
  CallOptions,
  Connector,
  ConnectorCapabilities,
  ImageInfo,
  Offer,
  OfferCache,
  OfferCatalogue,
  ProvisionedResource,
  Region,
  ResourceAction,
  NetworkSpec,
  ResourceSpec,
  UsageQuery,
  UsageReading,
} from '@accords/connector-kit';
import { callBackend, checkResourceSpec, ConnectorError, createOfferCache, createSingleFlight, invalidConfigError, normalizeAction, resolveSecret } from '@accords/connector-kit';
import type { OpenStackConnectorConfig } from './config';
import { validateOpenStackConfig } from './config';
import type { OsContext, Run } from './context';
import { notFound, regionClients } from './context';
import { toConnectorError } from './errors';
import { imageFilterOf, imageInfo, isTemplate } from './images';
import { parseRef } from './ids';
import type { KeystoneCredentials } from './keystone';
import { KeystoneSession } from './keystone';
import { actNetwork, createNetwork, deleteNetwork, listNetworks, readNetwork } from './network-ops';
import { buildOffers, buildRegion, quotaRoom, regionIdOf } from './offers';
import { RegionClientPool } from './region-clients';
import { actServer, createServer, deleteServer, listServers, readServer, resizeServer } from './server-ops';
import { serverResource } from './server-resource';
import { usageReadings } from './usage';

function credentialsOf(config: OpenStackConnectorConfig): KeystoneCredentials {
  const c = config.credentials;
  if (c.kind === 'password') {
    return { kind: 'password', username: c.username, userDomainName: c.userDomainName, projectName: c.projectName, projectDomainName: c.projectDomainName, password: async () => (await resolveSecret(c.password)).reveal() };
  }
  return { kind: 'application_credential', id: c.id, name: c.name, username: c.username, userDomainName: c.userDomainName, secret: async () => (await resolveSecret(c.secret)).reveal() };
}

/**
 * The OpenStack connector: Nova servers and Neutron networks, offers from flavours and a price
 * list, Glance images, usage from Nova. Build it with {@link createOpenStackConnector}.
 * @example
 * ```ts
 * const os = createOpenStackConnector(config);
 * const vm = await os.create({ kind: 'compute', idempotencyKey: 'order-42-web-0', regionId: 'os:RegionOne', offerId, name: 'web' });
 * await os.act(vm.id, 'stop');
 * ```
 */
export class OpenStackConnector implements Connector {
  readonly providerId: string;
  readonly capabilities: ConnectorCapabilities = {
    resourceKinds: ['compute', 'network'],
    actions: { compute: ['start', 'stop', 'restart', 'suspend', 'resume', 'save'], network: ['up', 'down'] },
    resize: true,
    usage: true,
    images: true,
    asyncProvisioning: false,
  };
  /** The Keystone session (shared token, renewed before expiry). */
  readonly session: KeystoneSession;
  private readonly config: OpenStackConnectorConfig;
  private readonly pool: RegionClientPool;
  private readonly cache: OfferCache;
  private readonly ctx: OsContext;
  private started: Promise<void> | undefined;
  private regionList: Promise<string[]> | undefined;
  private readonly osRegionById = new Map<string, string>();
  private readonly creating = createSingleFlight<ProvisionedResource>();

  constructor(config: OpenStackConnectorConfig) {
    this.config = config;
    this.providerId = config.providerId;
    this.session = new KeystoneSession({ authUrl: config.authUrl, credentials: credentialsOf(config), timeoutMs: config.requestTimeoutMs });
    this.pool = new RegionClientPool({ session: this.session, interface: config.interface, timeoutMs: config.requestTimeoutMs });
    this.cache = createOfferCache({
      loadOffers: (signal) => this.loadOffers({ signal }),
      loadImages: (signal) => this.loadImages({ signal }),
      imageFilter: imageFilterOf(config),
      refreshMs: config.refreshMs,
      onError: () => undefined,
    });
    this.ctx = {
      providerId: this.providerId,
      config,
      pool: this.pool,
      regions: () => this.regionIds(),
      osRegion: (id) => this.osRegionById.get(id),
      offers: async () => {
        await this.ensureStarted();
        return this.cache.catalogue().offers;
      },
      images: async () => {
        await this.ensureStarted();
        return this.cache.images();
      },
    };
  }

  private call<T>(operation: string, opts: CallOptions | undefined, fn: (run: Run) => Promise<T>): Promise<T> {
    return callBackend({ providerId: this.providerId, operation, options: opts, mapError: toConnectorError }, fn);
  }

  private ensureStarted(): Promise<void> {
    this.started ??= this.cache.start();
    return this.started;
  }

  /** Accords ids of the configured regions that the catalogue has a compute endpoint in. */
  private regionIds(): Promise<string[]> {
    this.regionList ??= this.session.regions('compute').then((found) => {
      const ids: string[] = [];
      for (const os of found.filter((r) => r in this.config.regions)) {
        const id = regionIdOf(this.config, os);
        this.osRegionById.set(id, os);
        ids.push(id);
      }
      return ids;
    });
    this.regionList.catch(() => (this.regionList = undefined));
    return this.regionList;
  }

  private async loadOffers(run: Run): Promise<Offer[]> {
    const offers: Offer[] = [];
    for (const regionId of await this.regionIds()) {
      const nova = this.pool.get(this.osRegionById.get(regionId)!).nova;
      const [flavors, limits] = await Promise.all([nova.listFlavors(run), nova.limits(run)]);
      offers.push(...buildOffers({ config: this.config, regionId, flavors, room: quotaRoom(limits), asOf: new Date().toISOString() }));
    }
    return offers;
  }

  private async loadImages(run: Run): Promise<ImageInfo[]> {
    const images: ImageInfo[] = [];
    for (const regionId of await this.regionIds()) {
      for (const img of await this.pool.get(this.osRegionById.get(regionId)!).glance.listImages({}, run)) if (isTemplate(img)) images.push(imageInfo(img, regionId));
    }
    return images;
  }

  /** Regions of the catalogue that have a compute endpoint (narrowed by the configuration). */
  async regions(opts?: CallOptions): Promise<Region[]> {
    return this.call('regions', opts, async () => (await this.regionIds()).map((id) => buildRegion(this.config, this.osRegionById.get(id)!)));
  }

  /** Flavours as priced offers, plus a network offer per region (cached, refreshed in the background). */
  async offers(opts?: CallOptions): Promise<OfferCatalogue> {
    return this.call('offers', opts, async () => {
      await this.ensureStarted();
      return this.cache.catalogue();
    });
  }

  /** Active Glance images, filtered (their ids are the `os_tpl` terms). */
  async images(opts?: CallOptions): Promise<ImageInfo[]> {
    return this.call('images', opts, async () => {
      await this.ensureStarted();
      return this.cache.images();
    });
  }

  /** Creates a server or a network; idempotent on the key. */
  async create(spec: ResourceSpec, opts?: CallOptions): Promise<ProvisionedResource> {
    const checked = checkResourceSpec(spec, this.capabilities);
    const key = `${checked.kind}\u0000${checked.regionId}\u0000${checked.idempotencyKey}`;
    return this.creating.run(key, () =>
      this.call('create', opts, (run) => (checked.kind === 'compute' ? createServer(this.ctx, checked, run) : createNetwork(this.ctx, checked as NetworkSpec, run))),
    );
  }

  private ref(id: string, operation: string) {
    const ref = parseRef(id);
    if (!ref) throw new ConnectorError('not_found', `'${id}' is not an OpenStack resource id of ${this.providerId}`, { providerId: this.providerId, operation });
    return ref;
  }

  /** Reads one resource. */
  async get(id: string, opts?: CallOptions): Promise<ProvisionedResource> {
    return this.call('get', opts, async (run) => {
      const ref = this.ref(id, 'get');
      if (ref.kind === 'network') {
        const net = await readNetwork(this.ctx, { region: ref.region, id: ref.uuid }, run);
        if (!net) throw notFound(this.ctx, id, 'get');
        return net;
      }
      const server = await readServer(await regionClients(this.ctx, ref.region, 'get'), ref.uuid, run);
      if (!server) throw notFound(this.ctx, id, 'get');
      return serverResource({ providerId: this.providerId, region: ref.region }, server);
    });
  }

  /** Every server and network Accords made, in every region. */
  async list(opts?: CallOptions): Promise<ProvisionedResource[]> {
    return this.call('list', opts, async (run) => {
      const out: ProvisionedResource[] = [];
      for (const region of await this.regionIds()) out.push(...(await listServers(this.ctx, region, run)), ...(await listNetworks(this.ctx, region, run)));
      return out;
    });
  }

  /** Runs an action and waits until the server settles. */
  async act(id: string, action: ResourceAction, opts?: CallOptions): Promise<ProvisionedResource> {
    return this.call('act', opts, async (run) => {
      const ref = this.ref(id, 'act');
      const normalized = normalizeAction(action);
      if (ref.kind === 'network') return actNetwork(this.ctx, { region: ref.region, id: ref.uuid, action: normalized }, run);
      return actServer(this.ctx, { region: ref.region, id: ref.uuid, action: normalized }, run);
    });
  }

  /** Resizes a server to another flavour offer and confirms it. */
  async resize(id: string, offerId: string, opts?: CallOptions): Promise<ProvisionedResource> {
    return this.call('resize', opts, async (run) => {
      const ref = this.ref(id, 'resize');
      if (ref.kind !== 'compute') throw new ConnectorError('unsupported', 'only servers can be resized', { providerId: this.providerId, operation: 'resize' });
      return resizeServer(this.ctx, { region: ref.region, id: ref.uuid, offerId }, run);
    });
  }

  /** Deletes a server (waiting until it is gone) or a network. */
  async delete(id: string, opts?: CallOptions): Promise<void> {
    return this.call('delete', opts, async (run) => {
      const ref = this.ref(id, 'delete');
      if (ref.kind === 'network') return deleteNetwork(this.ctx, { region: ref.region, id: ref.uuid }, run);
      return deleteServer(this.ctx, { region: ref.region, id: ref.uuid }, run);
    });
  }

  /** Server hours from Nova's usage API, priced at the flavour's offer. */
  async usage(q: UsageQuery, opts?: CallOptions): Promise<UsageReading[]> {
    return this.call('usage', opts, async (run) => {
      if (!(Date.parse(q.start) < Date.parse(q.end))) throw new ConnectorError('invalid', 'usage query needs start < end (RFC 3339)', { providerId: this.providerId, operation: 'usage', location: { pointer: '/start' } });
      const token = await this.session.getToken(run.signal);
      if (!token.projectId) throw new ConnectorError('unsupported', 'usage needs a project-scoped token', { providerId: this.providerId, operation: 'usage' });
      const out: UsageReading[] = [];
      for (const region of await this.regionIds()) {
        const nova = this.pool.get(this.osRegionById.get(region)!).nova;
        const usages = await nova.usage(token.projectId, { start: new Date(q.start).toISOString(), end: new Date(q.end).toISOString(), ...run });
        out.push(...usageReadings({ providerId: this.providerId, region, query: q, usages }));
      }
      return out;
    });
  }

  /** Stops the background refresh. */
  async close(): Promise<void> {
    this.cache.stop();
  }
}

/**
 * Creates an OpenStack connector from an untrusted configuration.
 * @param config - The configuration (validated here; secrets are references, resolved at each authentication).
 * @returns The connector.
 * @throws {ConnectorError} `invalid` naming the JSON pointer of every wrong field.
 * @example
 * ```ts
 * const os = createOpenStackConnector({
 *   providerId: 'my-openstack', authUrl: 'https://keystone.example.org:5000/v3',
 *   credentials: { kind: 'application_credential', id: 'a1b2...', secret: 'env:OS_APP_SECRET' },
 *   pricing: { currency: 'EUR', coreHour: 0.02, memoryGiBHour: 0.01 },
 * });
 * ```
 */
export function createOpenStackConnector(config: unknown): OpenStackConnector {
  const result = validateOpenStackConfig(config);
  if (!result.ok) throw invalidConfigError('OpenStack', result.issues);
  return new OpenStackConnector(result.value);
}
