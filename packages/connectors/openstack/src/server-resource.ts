import type { ProvisionedResource } from '@accords/connector-kit';
import { formatRef, META } from './ids';
import type { NovaServer } from './nova';
import { computeStateOf } from './states';

/** Whether Accords made this server (it carries the idempotency key in its metadata). */
export function isManaged(server: NovaServer): boolean {
  return typeof server.metadata?.[META.key] === 'string';
}

/** Maps a Nova server onto a provisioned compute resource with its OCCI attributes. */
export function serverResource(ctx: { providerId: string; region: string }, server: NovaServer): ProvisionedResource {
  const state = computeStateOf(server.status, server['OS-EXT-STS:task_state']);
  const meta = server.metadata ?? {};
  const addresses = Object.values(server.addresses ?? {}).flatMap((list) => list.map((a) => a.addr));
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(meta)) if (k.startsWith(META.labelPrefix)) labels[k.slice(META.labelPrefix.length)] = v;
  const imageId = typeof server.image === 'object' ? server.image?.id : undefined;
  const resource: ProvisionedResource = {
    id: formatRef({ kind: 'compute', region: ctx.region, uuid: server.id }),
    providerId: ctx.providerId,
    regionId: ctx.region,
    kind: 'compute',
    name: meta[META.name] ?? server.name,
    state,
    attributes: {
      ...(server.flavor?.vcpus !== undefined ? { 'occi.compute.cores': server.flavor.vcpus } : {}),
      ...(server.flavor?.ram !== undefined ? { 'occi.compute.memory': Math.round((server.flavor.ram / 1024) * 1000) / 1000 } : {}),
      'occi.compute.hostname': server.name,
      'occi.compute.state': state,
      'accords.openstack.server': server.id,
      'accords.openstack.status': server.status,
      ...(server.flavor?.original_name ? { 'accords.openstack.flavor': server.flavor.original_name } : {}),
      ...(imageId ? { 'accords.image': imageId } : {}),
      ...(server['OS-EXT-AZ:availability_zone'] ? { 'accords.openstack.availabilityZone': server['OS-EXT-AZ:availability_zone'] } : {}),
      ...(server.fault?.message ? { 'accords.openstack.fault': server.fault.message } : {}),
    },
    addresses,
    createdAt: server.created ?? new Date(0).toISOString(),
  };
  if (meta[META.key] !== undefined) resource.idempotencyKey = meta[META.key];
  if (meta[META.offer] !== undefined) resource.offerId = meta[META.offer];
  if (Object.keys(labels).length > 0) resource.labels = labels;
  return resource;
}
