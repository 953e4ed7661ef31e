import { negotiateMicroversion } from './microversion';
import type { ServiceClient, ServiceCall } from './service-client';
import { OpenStackHttpError } from './http';

/** A Nova flavour, as listed by `GET /flavors/detail`. */
export interface NovaFlavor {
  id: string;
  name: string;
  vcpus: number;
  ram: number;
  disk: number;
  'OS-FLV-DISABLED:disabled'?: boolean;
  'os-flavor-access:is_public'?: boolean;
  extra_specs?: Record<string, string>;
}

/** A Nova server (the fields the connector reads). */
export interface NovaServer {
  id: string;
  name: string;
  status: string;
  'OS-EXT-STS:task_state'?: string | null;
  'OS-EXT-STS:vm_state'?: string;
  'OS-EXT-AZ:availability_zone'?: string;
  metadata?: Record<string, string>;
  flavor?: { original_name?: string; vcpus?: number; ram?: number; disk?: number; id?: string };
  image?: { id?: string } | string;
  addresses?: Record<string, { addr: string; version: number; 'OS-EXT-IPS-MAC:mac_addr'?: string }[]>;
  fault?: { code?: number; message?: string; details?: string };
  created?: string;
  updated?: string;
}

/** One server's usage over an interval, from `os-simple-tenant-usage`. */
export interface NovaServerUsage {
  instance_id: string;
  name: string;
  hours: number;
  flavor: string;
  vcpus: number;
  memory_mb: number;
  local_gb: number;
  started_at: string;
  ended_at: string | null;
  state: string;
}

/** What {@link NovaClient.createServer} sends. */
export interface NovaServerCreate {
  name: string;
  flavorRef: string;
  imageRef?: string;
  metadata?: Record<string, string>;
  /** Network uuids or port ids; empty means `none`. */
  networks?: ({ uuid: string } | { port: string })[];
  userData?: string;
  keyName?: string;
  availabilityZone?: string;
}

/** Nova actions the connector uses (the body of `POST /servers/{id}/action`). */
export type NovaAction =
  | { 'os-start': null }
  | { 'os-stop': null }
  | { reboot: { type: 'SOFT' | 'HARD' } }
  | { suspend: null }
  | { resume: null }
  | { pause: null }
  | { unpause: null }
  | { resize: { flavorRef: string } }
  | { confirmResize: null }
  | { revertResize: null }
  | { createImage: { name: string; metadata?: Record<string, string> } };

/** The microversions this client is written against: 2.47 embeds the flavour in servers. */
export const NOVA_CLIENT_MICROVERSIONS = { min: '2.47', max: '2.90' } as const;

type CallOpts = Pick<ServiceCall, 'signal' | 'timeoutMs'>;

/**
 * Nova (compute) over raw HTTP, with microversion negotiation on first use.
 * @example
 * ```ts
 * const nova = new NovaClient(new ServiceClient({ session, serviceType: 'compute', region: 'RegionOne' }));
 * const flavors = await nova.listFlavors();
 * ```
 */
export class NovaClient {
  private readonly service: ServiceClient;
  private version: Promise<string> | undefined;

  constructor(service: ServiceClient) {
    this.service = service;
  }

  /** The negotiated microversion (negotiated once, on first call). @throws OpenStackHttpError 501 when no common version exists */
  microversion(opts: CallOpts = {}): Promise<string> {
    if (!this.version) {
      this.version = this.negotiate(opts).catch((error: unknown) => {
        this.version = undefined;
        throw error;
      });
    }
    return this.version;
  }

  private async negotiate(opts: CallOpts): Promise<string> {
    const res = await this.service.call<{ version?: { version?: string; min_version?: string } }>({ method: 'GET', path: '/', signal: opts.signal, timeoutMs: opts.timeoutMs });
    const result = negotiateMicroversion({ min: res.body.version?.min_version, max: res.body.version?.version }, NOVA_CLIENT_MICROVERSIONS);
    if (!result.ok) throw new OpenStackHttpError({ status: 501, service: 'compute', method: 'GET', url: '/', body: `microversion negotiation failed: ${result.reason}` });
    return result.version;
  }

  private async call<T>(call: ServiceCall): Promise<T> {
    const v = await this.microversion({ signal: call.signal, timeoutMs: call.timeoutMs });
    const res = await this.service.call<T>({ ...call, headers: { 'openstack-api-version': `compute ${v}`, 'x-openstack-nova-api-version': v, ...call.headers } });
    return res.body;
  }

  /** Lists flavours with details. */
  async listFlavors(opts: CallOpts = {}): Promise<NovaFlavor[]> {
    const body = await this.call<{ flavors: NovaFlavor[] }>({ method: 'GET', path: '/flavors/detail', query: { is_public: 'None' }, ...opts });
    return body.flavors;
  }

  /** Lists servers with details, optionally filtered by a name regular expression. */
  async listServers(filter: { name?: string } & CallOpts = {}): Promise<NovaServer[]> {
    const out: NovaServer[] = [];
    let marker: string | undefined;
    for (;;) {
      const body = await this.call<{ servers: NovaServer[] }>({
        method: 'GET',
        path: '/servers/detail',
        query: { name: filter.name, limit: 200, marker },
        signal: filter.signal,
        timeoutMs: filter.timeoutMs,
      });
      out.push(...body.servers);
      if (body.servers.length < 200) return out;
      marker = body.servers[body.servers.length - 1]?.id;
    }
  }

  /** Reads one server. @throws OpenStackHttpError 404 when it does not exist */
  async getServer(id: string, opts: CallOpts = {}): Promise<NovaServer> {
    const body = await this.call<{ server: NovaServer }>({ method: 'GET', path: `/servers/${encodeURIComponent(id)}`, ...opts });
    return body.server;
  }

  /** Creates a server; returns its id (the server is in BUILD). */
  async createServer(spec: NovaServerCreate, opts: CallOpts = {}): Promise<string> {
    const server: Record<string, unknown> = {
      name: spec.name,
      flavorRef: spec.flavorRef,
      networks: spec.networks && spec.networks.length > 0 ? spec.networks : 'none',
    };
    if (spec.imageRef) server.imageRef = spec.imageRef;
    if (spec.metadata) server.metadata = spec.metadata;
    if (spec.userData) server.user_data = Buffer.from(spec.userData, 'utf8').toString('base64');
    if (spec.keyName) server.key_name = spec.keyName;
    if (spec.availabilityZone) server.availability_zone = spec.availabilityZone;
    const body = await this.call<{ server: { id: string } }>({ method: 'POST', path: '/servers', body: { server }, ...opts });
    return body.server.id;
  }

  /** Runs one server action. Returns the `Location` of an image for `createImage`, when given. */
  async action(id: string, action: NovaAction, opts: CallOpts = {}): Promise<{ imageId?: string }> {
    const body = await this.call<{ image_id?: string } | undefined>({ method: 'POST', path: `/servers/${encodeURIComponent(id)}/action`, body: action, ...opts });
    return { imageId: body?.image_id };
  }

  /** Sets one metadata item of a server. */
  async setMetadataItem(id: string, item: { key: string; value: string }, opts: CallOpts = {}): Promise<void> {
    await this.call({ method: 'PUT', path: `/servers/${encodeURIComponent(id)}/metadata/${encodeURIComponent(item.key)}`, body: { meta: { [item.key]: item.value } }, ...opts });
  }

  /** The most recent instance actions of a server, with their events (to explain a failed resize). */
  async lastActionFailure(id: string, action: string, opts: CallOpts = {}): Promise<string | undefined> {
    const list = await this.call<{ instanceActions: { request_id: string; action: string; message: string | null }[] }>({ method: 'GET', path: `/servers/${encodeURIComponent(id)}/os-instance-actions`, ...opts });
    const latest = list.instanceActions.find((a) => a.action === action);
    if (!latest) return undefined;
    const detail = await this.call<{ instanceAction: { message: string | null; events?: { event: string; result: string | null; traceback?: string | null; details?: string | null }[] } }>({
      method: 'GET',
      path: `/servers/${encodeURIComponent(id)}/os-instance-actions/${encodeURIComponent(latest.request_id)}`,
      ...opts,
    });
    const failed = (detail.instanceAction.events ?? []).find((e) => e.result === 'Error');
    if (!failed && !detail.instanceAction.message) return undefined;
    return [detail.instanceAction.message, failed?.details, failed?.event].filter(Boolean).join(': ');
  }

  /** Creates a flavour (admin; used by tests and operators' set-up scripts). */
  async createFlavor(spec: { name: string; vcpus: number; ram: number; disk: number; id?: string }, opts: CallOpts = {}): Promise<NovaFlavor> {
    const body = await this.call<{ flavor: NovaFlavor }>({ method: 'POST', path: '/flavors', body: { flavor: { ...spec, id: spec.id ?? null } }, ...opts });
    return body.flavor;
  }

  /** Deletes a flavour (admin). */
  async deleteFlavor(id: string, opts: CallOpts = {}): Promise<void> {
    await this.call({ method: 'DELETE', path: `/flavors/${encodeURIComponent(id)}`, ...opts });
  }

  /** Reads or changes the compute quota of a project (admin). */
  async setQuota(projectId: string, quota: Record<string, number>, opts: CallOpts = {}): Promise<Record<string, number>> {
    const body = await this.call<{ quota_set: Record<string, number> }>({ method: 'PUT', path: `/os-quota-sets/${encodeURIComponent(projectId)}`, body: { quota_set: quota }, ...opts });
    return body.quota_set;
  }

  /** Server usage of a project over an interval (`os-simple-tenant-usage`). */
  async usage(projectId: string, range: { start: string; end: string } & CallOpts): Promise<NovaServerUsage[]> {
    const body = await this.call<{ tenant_usage: { server_usages?: NovaServerUsage[] } }>({
      method: 'GET',
      path: `/os-simple-tenant-usage/${encodeURIComponent(projectId)}`,
      query: { start: range.start.replace(/Z$/, ''), end: range.end.replace(/Z$/, '') },
      signal: range.signal,
      timeoutMs: range.timeoutMs,
    });
    return body.tenant_usage.server_usages ?? [];
  }

  /** Deletes a server (asynchronous in Nova). */
  async deleteServer(id: string, opts: CallOpts = {}): Promise<void> {
    await this.call({ method: 'DELETE', path: `/servers/${encodeURIComponent(id)}`, ...opts });
  }

  /** Absolute limits of the project (`GET /limits`). */
  async limits(opts: CallOpts = {}): Promise<Record<string, number>> {
    const body = await this.call<{ limits: { absolute: Record<string, number> } }>({ method: 'GET', path: '/limits', ...opts });
    return body.limits.absolute;
  }

  /** Availability zones (`GET /os-availability-zone`). */
  async availabilityZones(opts: CallOpts = {}): Promise<string[]> {
    const body = await this.call<{ availabilityZoneInfo: { zoneName: string; zoneState: { available: boolean } }[] }>({ method: 'GET', path: '/os-availability-zone', ...opts });
    return body.availabilityZoneInfo.filter((z) => z.zoneState.available).map((z) => z.zoneName);
  }
}
