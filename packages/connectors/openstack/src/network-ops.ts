import type { NetworkSpec, NormalizedAction, ProvisionedResource } from '@accords/connector-kit';
import { ConnectorError } from '@accords/connector-kit';
import type { OsContext, Run } from './context';
import { clientsOf, notFound, orUndefined, regionClients } from './context';
import { formatRef } from './ids';
import type { NeutronNetwork, NeutronSubnet } from './neutron';
import type { RegionClients } from './region-clients';
import { networkStateOf } from './states';

const PREFIX = 'accords:';

/** The idempotency key Accords wrote in a network's description, if any. */
export function keyOf(network: Pick<NeutronNetwork, 'description'>): string | undefined {
  return network.description?.startsWith(PREFIX) ? network.description.slice(PREFIX.length) : undefined;
}

/** Maps a Neutron network (and its subnets) onto a provisioned network resource with `ipnetwork` attributes. */
export function networkResource(ctx: { providerId: string; region: string }, net: NeutronNetwork, subnets: NeutronSubnet[]): ProvisionedResource {
  const state = networkStateOf(net.status, net.admin_state_up);
  const subnet = subnets[0];
  const resource: ProvisionedResource = {
    id: formatRef({ kind: 'network', region: ctx.region, uuid: net.id }),
    providerId: ctx.providerId,
    regionId: ctx.region,
    kind: 'network',
    name: net.name,
    state,
    attributes: {
      'occi.network.state': state,
      'accords.openstack.network': net.id,
      'accords.openstack.status': net.status,
      ...(subnet ? { 'occi.network.address': subnet.cidr, 'occi.network.allocation': subnet.enable_dhcp === false ? 'static' : 'dynamic', 'accords.openstack.subnet': subnet.id } : {}),
      ...(subnet?.gateway_ip ? { 'occi.network.gateway': subnet.gateway_ip } : {}),
    },
    addresses: subnet?.gateway_ip ? [subnet.gateway_ip] : [],
    createdAt: (net as { created_at?: string }).created_at ?? new Date(0).toISOString(),
  };
  const key = keyOf(net);
  if (key !== undefined) resource.idempotencyKey = key;
  return resource;
}

async function readManaged(clients: RegionClients, id: string, run: Run): Promise<NeutronNetwork | undefined> {
  const net = await orUndefined(() => clients.neutron.getNetwork(id, run));
  return net && keyOf(net) !== undefined ? net : undefined;
}

/** Reads one network Accords made, or undefined. */
export async function readNetwork(ctx: OsContext, target: { region: string; id: string }, run: Run): Promise<ProvisionedResource | undefined> {
  const clients = await regionClients(ctx, target.region, 'get');
  const net = await readManaged(clients, target.id, run);
  if (!net) return undefined;
  return networkResource({ providerId: ctx.providerId, region: target.region }, net, await clients.neutron.listSubnets({ network_id: net.id }, run));
}

/** Creates a network (and its subnet when a CIDR is given), or returns the one made before with the same key. */
export async function createNetwork(ctx: OsContext, spec: NetworkSpec, run: Run): Promise<ProvisionedResource> {
  const clients = await regionClients(ctx, spec.regionId, 'create');
  const region = { providerId: ctx.providerId, region: spec.regionId };
  const description = `${PREFIX}${spec.idempotencyKey}`;
  const found = (await clients.neutron.listNetworks({ description }, run)).filter((n) => n.description === description);
  if (found[0]) return networkResource(region, found[0], await clients.neutron.listSubnets({ network_id: found[0].id }, run));
  const net = await clients.neutron.createNetwork({ name: spec.name, description }, run);
  let subnets: NeutronSubnet[] = [];
  try {
    if (spec.cidr) subnets = [await clients.neutron.createSubnet({ networkId: net.id, cidr: spec.cidr, name: `${spec.name}-subnet` }, run)];
  } catch (error) {
    await clients.neutron.deleteNetwork(net.id).catch(() => undefined);
    throw error;
  }
  return networkResource(region, net, subnets);
}

/** `up`/`start` and `down`/`stop` set the network's administrative state. */
export async function actNetwork(ctx: OsContext, target: { region: string; id: string; action: NormalizedAction }, run: Run): Promise<ProvisionedResource> {
  const clients = await regionClients(ctx, target.region, 'act');
  const net = await readManaged(clients, target.id, run);
  if (!net) throw notFound(ctx, `network ${target.id}`, 'act');
  const name = target.action.name;
  const up = name === 'up' || name === 'start' ? true : name === 'down' || name === 'stop' ? false : undefined;
  if (up === undefined) throw new ConnectorError('unsupported', `network has no action '${name}' on OpenStack`, { providerId: ctx.providerId, operation: 'act' });
  const after = net.admin_state_up === up ? net : await clients.neutron.setNetworkAdminState(target.id, up, run);
  return networkResource({ providerId: ctx.providerId, region: target.region }, after, await clients.neutron.listSubnets({ network_id: net.id }, run));
}

/** Deletes a network Accords made (with its subnets). */
export async function deleteNetwork(ctx: OsContext, target: { region: string; id: string }, run: Run): Promise<void> {
  const clients = await regionClients(ctx, target.region, 'delete');
  if (!(await readManaged(clients, target.id, run))) throw notFound(ctx, `network ${target.id}`, 'delete');
  await clients.neutron.deleteNetwork(target.id, run);
}

/** Every network Accords made in a region. */
export async function listNetworks(ctx: OsContext, region: string, run: Run): Promise<ProvisionedResource[]> {
  const clients = clientsOf(ctx, region);
  const nets = (await clients.neutron.listNetworks({}, run)).filter((n) => keyOf(n) !== undefined);
  const subnets = await clients.neutron.listSubnets({}, run);
  return nets.map((n) => networkResource({ providerId: ctx.providerId, region }, n, subnets.filter((s) => s.network_id === n.id)));
}
