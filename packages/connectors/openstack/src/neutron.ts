import type { ServiceCall, ServiceClient } from './service-client';

/** A Neutron network. */
export interface NeutronNetwork {
  id: string;
  name: string;
  status: string;
  admin_state_up: boolean;
  subnets: string[];
  shared?: boolean;
  'router:external'?: boolean;
  description?: string;
  tags?: string[];
}

/** A Neutron subnet. */
export interface NeutronSubnet {
  id: string;
  name: string;
  network_id: string;
  cidr: string;
  ip_version: number;
  gateway_ip: string | null;
  enable_dhcp?: boolean;
}

/** A Neutron port. */
export interface NeutronPort {
  id: string;
  name: string;
  network_id: string;
  mac_address: string;
  status: string;
  device_id: string;
  device_owner?: string;
  fixed_ips: { subnet_id: string; ip_address: string }[];
}

type CallOpts = Pick<ServiceCall, 'signal' | 'timeoutMs'>;

/**
 * Neutron (networking) v2.0 over raw HTTP.
 * @example
 * ```ts
 * const nets = await new NeutronClient(new ServiceClient({ session, serviceType: 'network' })).listNetworks({ name: 'private' });
 * ```
 */
export class NeutronClient {
  private readonly service: ServiceClient;

  constructor(service: ServiceClient) {
    this.service = service;
  }

  private async get<T>(path: string, query: Record<string, string | undefined>, opts: CallOpts): Promise<T> {
    return (await this.service.call<T>({ method: 'GET', path, query, ...opts })).body;
  }

  /** Lists networks, optionally filtered by name or tag. */
  async listNetworks(filter: { name?: string; description?: string; tags?: string } = {}, opts: CallOpts = {}): Promise<NeutronNetwork[]> {
    return (await this.get<{ networks: NeutronNetwork[] }>('/v2.0/networks', filter, opts)).networks;
  }

  /** Reads one network. @throws OpenStackHttpError 404 */
  async getNetwork(id: string, opts: CallOpts = {}): Promise<NeutronNetwork> {
    return (await this.get<{ network: NeutronNetwork }>(`/v2.0/networks/${encodeURIComponent(id)}`, {}, opts)).network;
  }

  /** Creates a network. */
  async createNetwork(spec: { name: string; description?: string; adminStateUp?: boolean }, opts: CallOpts = {}): Promise<NeutronNetwork> {
    const res = await this.service.call<{ network: NeutronNetwork }>({
      method: 'POST',
      path: '/v2.0/networks',
      body: { network: { name: spec.name, description: spec.description ?? '', admin_state_up: spec.adminStateUp ?? true } },
      ...opts,
    });
    return res.body.network;
  }

  /** Changes a network's administrative state (the connector's start/stop of a network). */
  async setNetworkAdminState(id: string, up: boolean, opts: CallOpts = {}): Promise<NeutronNetwork> {
    const res = await this.service.call<{ network: NeutronNetwork }>({ method: 'PUT', path: `/v2.0/networks/${encodeURIComponent(id)}`, body: { network: { admin_state_up: up } }, ...opts });
    return res.body.network;
  }

  /** Deletes a network (its subnets and unbound ports go with it). */
  async deleteNetwork(id: string, opts: CallOpts = {}): Promise<void> {
    await this.service.call({ method: 'DELETE', path: `/v2.0/networks/${encodeURIComponent(id)}`, ...opts });
  }

  /** Lists subnets, optionally of one network. */
  async listSubnets(filter: { network_id?: string } = {}, opts: CallOpts = {}): Promise<NeutronSubnet[]> {
    return (await this.get<{ subnets: NeutronSubnet[] }>('/v2.0/subnets', filter, opts)).subnets;
  }

  /** Creates a subnet. */
  async createSubnet(spec: { networkId: string; cidr: string; name?: string; gatewayIp?: string | null; enableDhcp?: boolean }, opts: CallOpts = {}): Promise<NeutronSubnet> {
    const subnet: Record<string, unknown> = { network_id: spec.networkId, cidr: spec.cidr, ip_version: spec.cidr.includes(':') ? 6 : 4, name: spec.name ?? '' };
    if (spec.gatewayIp !== undefined) subnet.gateway_ip = spec.gatewayIp;
    if (spec.enableDhcp !== undefined) subnet.enable_dhcp = spec.enableDhcp;
    return (await this.service.call<{ subnet: NeutronSubnet }>({ method: 'POST', path: '/v2.0/subnets', body: { subnet }, ...opts })).body.subnet;
  }

  /** Lists ports, optionally of one device or network. */
  async listPorts(filter: { device_id?: string; network_id?: string } = {}, opts: CallOpts = {}): Promise<NeutronPort[]> {
    return (await this.get<{ ports: NeutronPort[] }>('/v2.0/ports', filter, opts)).ports;
  }

  /** Creates a port on a network. */
  async createPort(spec: { networkId: string; name?: string }, opts: CallOpts = {}): Promise<NeutronPort> {
    const res = await this.service.call<{ port: NeutronPort }>({ method: 'POST', path: '/v2.0/ports', body: { port: { network_id: spec.networkId, name: spec.name ?? '' } }, ...opts });
    return res.body.port;
  }

  /** Deletes a port. */
  async deletePort(id: string, opts: CallOpts = {}): Promise<void> {
    await this.service.call({ method: 'DELETE', path: `/v2.0/ports/${encodeURIComponent(id)}`, ...opts });
  }
}
