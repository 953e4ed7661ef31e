import type { NetworkSpec, NormalizedAction, ProvisionedResource } from '@accords/connector-kit';
import { ConnectorError } from '@accords/connector-kit';
import type { OpsContext, Run } from './context';
import { checkRegion, notFound, orUndefined } from './context';
import { deterministicUuid, formatRef, safeName, shortHash } from './ids';
import type { NetworkInfo } from './network-xml';
import { parseIpv4Cidr } from './network-xml';

/** Maps a libvirt network onto a provisioned network resource (with the `ipnetwork` attributes). */
export function networkResource(ctx: Pick<OpsContext, 'providerId' | 'regionId'>, info: NetworkInfo, active: boolean): ProvisionedResource {
  const state = active ? 'active' : 'inactive';
  const m = info.metadata;
  const attributes: Record<string, string | number | boolean> = { 'occi.network.state': state, 'accords.libvirt.network': info.name, 'accords.libvirt.uuid': info.uuid };
  if (info.bridge) attributes['accords.libvirt.bridge'] = info.bridge;
  if (info.address) {
    const [gateway, prefix] = info.address.split('/');
    const c = parseIpv4Cidr(info.address);
    if (c) attributes['occi.network.address'] = `${[24, 16, 8, 0].map((s) => (c.network >>> s) & 255).join('.')}/${prefix}`;
    if (gateway) attributes['occi.network.gateway'] = gateway;
    attributes['occi.network.allocation'] = 'dynamic';
  }
  const resource: ProvisionedResource = {
    id: formatRef({ kind: 'network', uuid: info.uuid }),
    providerId: ctx.providerId,
    regionId: ctx.regionId,
    kind: 'network',
    name: m.name ?? info.name,
    state,
    attributes,
    addresses: info.address ? [info.address.split('/')[0]!] : [],
    createdAt: m.createdAt ?? new Date(0).toISOString(),
  };
  if (m.idempotencyKey !== undefined) resource.idempotencyKey = m.idempotencyKey;
  if (m.offerId !== undefined) resource.offerId = m.offerId;
  if (m.labels !== undefined) resource.labels = m.labels;
  return resource;
}

/** Reads one Accords network, or undefined. */
export async function readNetwork(ctx: OpsContext, uuid: string, run: Run): Promise<ProvisionedResource | undefined> {
  const info = await orUndefined(() => ctx.client.network(uuid, run));
  if (!info || info.metadata.idempotencyKey === undefined) return undefined;
  const active = await orUndefined(() => ctx.client.networkActive(uuid, run));
  return active === undefined ? undefined : networkResource(ctx, info, active);
}

/** Defines and starts a network, or returns the one made before with the same key. */
export async function createNetwork(ctx: OpsContext, spec: NetworkSpec, run: Run): Promise<ProvisionedResource> {
  const uuid = deterministicUuid({ providerId: ctx.providerId, kind: 'network', key: spec.idempotencyKey });
  const existing = await readNetwork(ctx, uuid, run);
  if (existing) return existing;
  checkRegion(ctx, spec.regionId);
  if (spec.cidr !== undefined && !parseIpv4Cidr(spec.cidr)) {
    throw new ConnectorError('invalid', `cidr '${spec.cidr}' must be an IPv4 range from /8 to /30`, { providerId: ctx.providerId, operation: 'create', location: { pointer: '/cidr', attribute: 'cidr' } });
  }
  const hash = shortHash(spec.idempotencyKey, 10);
  try {
    await ctx.client.defineNetwork(
      {
        uuid,
        name: `${safeName(spec.name)}-${hash.slice(0, 8)}`,
        bridge: `vbr${hash}`,
        ...(spec.cidr ? { cidr: spec.cidr } : {}),
        metadata: { idempotencyKey: spec.idempotencyKey, name: spec.name, createdAt: new Date().toISOString(), ...(spec.labels ? { labels: spec.labels } : {}) },
      },
      run,
    );
    if (!(await ctx.client.networkActive(uuid, run))) {
      // Another caller with the same key may have started the same UUID meanwhile.
      await ctx.client.networkCommand('net-start', uuid, run).catch(async (error: unknown) => {
        if (!(await ctx.client.networkActive(uuid, run))) throw error;
      });
    }
  } catch (error) {
    await orUndefined(() => ctx.client.networkCommand('net-destroy', uuid)).catch(() => undefined);
    await orUndefined(() => ctx.client.networkCommand('net-undefine', uuid)).catch(() => undefined);
    throw error;
  }
  const created = await readNetwork(ctx, uuid, run);
  if (!created) throw notFound(ctx, `network ${uuid}`, 'create');
  return created;
}

/** Brings a network up or down (`up`/`start`, `down`/`stop`). */
export async function actNetwork(ctx: OpsContext, target: { uuid: string; action: NormalizedAction }, run: Run): Promise<ProvisionedResource> {
  const current = await readNetwork(ctx, target.uuid, run);
  if (!current) throw notFound(ctx, `network ${target.uuid}`, 'act');
  const name = target.action.name;
  if (name === 'up' || name === 'start') {
    if (current.state !== 'active') await ctx.client.networkCommand('net-start', target.uuid, run);
  } else if (name === 'down' || name === 'stop') {
    if (current.state === 'active') await ctx.client.networkCommand('net-destroy', target.uuid, run);
  } else {
    throw new ConnectorError('unsupported', `network has no action '${name}' on libvirt`, { providerId: ctx.providerId, operation: 'act' });
  }
  const after = await readNetwork(ctx, target.uuid, run);
  if (!after) throw notFound(ctx, `network ${target.uuid}`, 'act');
  return after;
}

/** Every Accords network. */
export async function listNetworks(ctx: OpsContext, run: Run): Promise<ProvisionedResource[]> {
  const out: ProvisionedResource[] = [];
  for (const name of await ctx.client.listNetworks(run)) {
    const info = await orUndefined(() => ctx.client.network(name, run));
    if (!info || info.metadata.idempotencyKey === undefined) continue;
    const r = await readNetwork(ctx, info.uuid, run);
    if (r) out.push(r);
  }
  return out;
}

/** Stops and removes an Accords network. */
export async function deleteNetwork(ctx: OpsContext, uuid: string, run: Run): Promise<void> {
  const current = await readNetwork(ctx, uuid, run);
  if (!current) throw notFound(ctx, `network ${uuid}`, 'delete');
  if (current.state === 'active') await orUndefined(() => ctx.client.networkCommand('net-destroy', uuid, run));
  await ctx.client.networkCommand('net-undefine', uuid, run);
}
