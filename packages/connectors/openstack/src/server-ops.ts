import type { ComputeSpec, NormalizedAction, ProvisionedResource } from '@accords/connector-kit';
import { ConnectorError } from '@accords/connector-kit';
import type { OsContext, Run } from './context';
import { clientsOf, findOffer, notFound, orUndefined, regionClients, settleMs } from './context';
import { flavorIdOf } from './offers';
import { classifyServerFault } from './faults';
import { META, resourceName } from './ids';
import type { NovaAction, NovaClient, NovaServer } from './nova';
import type { RegionClients } from './region-clients';
import { isManaged, serverResource } from './server-resource';
import { pollUntil } from './wait';

const SETTLED = new Set(['ACTIVE', 'SHUTOFF', 'SUSPENDED', 'PAUSED', 'ERROR', 'VERIFY_RESIZE', 'SHELVED', 'SHELVED_OFFLOADED']);

/** Reads a server Accords manages, or undefined. */
export async function readServer(clients: RegionClients, id: string, run: Run): Promise<NovaServer | undefined> {
  const server = await orUndefined(() => clients.nova.getServer(id, run));
  return server && isManaged(server) && server.status !== 'DELETED' && server.status !== 'SOFT_DELETED' ? server : undefined;
}

/** Polls a server with backoff until it leaves BUILD (and any task), or the time runs out. */
export async function waitSettled(ctx: OsContext, clients: RegionClients, target: { id: string; run: Run; until?: (s: NovaServer) => boolean }): Promise<NovaServer> {
  return pollUntil(
    async () => {
      const s = await readServer(clients, target.id, target.run);
      if (!s) throw notFound(ctx, `server ${target.id}`, 'wait');
      return s;
    },
    (s) => (target.until ? target.until(s) : SETTLED.has(s.status) && !s['OS-EXT-STS:task_state']),
    { withinMs: settleMs(ctx), signal: target.run.signal, what: `server ${target.id}` },
  );
}

async function findByKey(nova: NovaClient, q: { name: string; key: string }, run: Run): Promise<NovaServer[]> {
  const servers = await nova.listServers({ name: `^${q.name}$`, ...run });
  return servers
    .filter((s) => s.metadata?.[META.key] === q.key && s.status !== 'DELETED')
    .sort((a, b) => (a.created ?? '').localeCompare(b.created ?? '') || a.id.localeCompare(b.id));
}

/**
 * The Glance image a spec names (its `os_tpl`): a Glance id, else the newest offered image whose
 * name or distribution (`os_distro-os_version`, e.g. `ubuntu-24.04`) matches.
 */
async function resolveImage(ctx: OsContext, q: { clients: RegionClients; region: string; image: string }, run: Run): Promise<string> {
  if (/^[0-9a-f-]{36}$/i.test(q.image)) {
    const found = await orUndefined(() => q.clients.glance.getImage(q.image, run));
    if (found?.status === 'active') return found.id;
  } else {
    const candidates = (await ctx.images()).filter((i) => (!i.regionIds || i.regionIds.includes(q.region)) && (i.name === q.image || i.distribution === q.image));
    const newest = candidates.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))[0];
    if (newest) return newest.id;
  }
  throw new ConnectorError('not_found', `no active image '${q.image}' in region ${q.region}`, { providerId: ctx.providerId, operation: 'create', location: { pointer: '/image', attribute: 'image' } });
}

async function resolveNetwork(clients: RegionClients, ref: string, run: Run): Promise<string> {
  if (/^[0-9a-f-]{36}$/i.test(ref)) return ref;
  const [net] = await clients.neutron.listNetworks({ name: ref }, run);
  if (!net) throw new ConnectorError('not_found', `default network '${ref}' does not exist`, { operation: 'create', location: { attribute: 'defaultNetwork' } });
  return net.id;
}

/**
 * Creates a server, or returns the one made before with the same key (found by its name and
 * metadata); waits until it leaves BUILD. A server that ends in ERROR is deleted and its fault
 * mapped (No valid host → capacity).
 */
export async function createServer(ctx: OsContext, spec: ComputeSpec, run: Run): Promise<ProvisionedResource> {
  const clients = await regionClients(ctx, spec.regionId, 'create');
  const region = { providerId: ctx.providerId, region: spec.regionId };
  const name = resourceName({ name: spec.name, key: spec.idempotencyKey });
  const [existing] = await findByKey(clients.nova, { name, key: spec.idempotencyKey }, run);
  if (existing) return serverResource(region, existing.status === 'BUILD' ? await waitSettled(ctx, clients, { id: existing.id, run }) : existing);
  const offer = await findOffer(ctx, { region: spec.regionId, offerId: spec.offerId });
  const imageId = spec.image === undefined ? undefined : await resolveImage(ctx, { clients, region: spec.regionId, image: spec.image }, run);
  const metadata: Record<string, string> = { [META.key]: spec.idempotencyKey, [META.offer]: offer.id, [META.name]: spec.name.slice(0, 255) };
  if (imageId) metadata[META.image] = imageId;
  for (const [k, v] of Object.entries(spec.labels ?? {})) metadata[`${META.labelPrefix}${k}`.slice(0, 255)] = v.slice(0, 255);
  const networks = ctx.config.defaultNetwork ? [{ uuid: await resolveNetwork(clients, ctx.config.defaultNetwork, run) }] : [];
  const id = await clients.nova.createServer(
    { name, flavorRef: flavorIdOf(offer), ...(imageId ? { imageRef: imageId } : {}), metadata, networks, ...(spec.userData ? { userData: spec.userData } : {}) },
    run,
  );
  // Another caller with the same key may have raced us: the oldest server wins, the others go.
  const twins = await findByKey(clients.nova, { name, key: spec.idempotencyKey }, run);
  const winner = twins[0]?.id ?? id;
  if (winner !== id) {
    await clients.nova.deleteServer(id, run).catch(() => undefined);
    return serverResource(region, await waitSettled(ctx, clients, { id: winner, run }));
  }
  const settled = await waitSettled(ctx, clients, { id, run });
  if (settled.status === 'ERROR') {
    const fault = classifyServerFault(settled.fault);
    await clients.nova.deleteServer(id, run).catch(() => undefined);
    throw new ConnectorError(fault.kind, `OpenStack compute (create): server went to ERROR: ${fault.message}`, {
      providerId: ctx.providerId,
      operation: 'create',
      backendCode: settled.fault?.code,
    });
  }
  return serverResource(region, settled);
}

function novaActionFor(action: NormalizedAction, server: NovaServer): NovaAction | undefined {
  const s = server.status;
  switch (action.name) {
    case 'start':
      return s === 'SHUTOFF' ? { 'os-start': null } : s === 'SUSPENDED' ? { resume: null } : s === 'PAUSED' ? { unpause: null } : undefined;
    case 'stop':
      return s === 'SHUTOFF' ? undefined : { 'os-stop': null };
    case 'restart':
      return s === 'SHUTOFF' ? { 'os-start': null } : { reboot: { type: action.mode === 'force' ? 'HARD' : 'SOFT' } };
    case 'suspend':
      return s === 'SUSPENDED' ? undefined : { suspend: null };
    case 'resume':
      return s === 'SUSPENDED' ? { resume: null } : s === 'PAUSED' ? { unpause: null } : undefined;
    default:
      return undefined;
  }
}

/** Runs an action and waits for the server to settle; asking for the current state changes nothing. */
export async function actServer(ctx: OsContext, target: { region: string; id: string; action: NormalizedAction }, run: Run): Promise<ProvisionedResource> {
  const clients = await regionClients(ctx, target.region, 'act');
  const region = { providerId: ctx.providerId, region: target.region };
  let server = await readServer(clients, target.id, run);
  if (!server) throw notFound(ctx, `server ${target.id}`, 'act');
  if (server['OS-EXT-STS:task_state'] || server.status === 'BUILD') server = await waitSettled(ctx, clients, { id: target.id, run });
  const { action } = target;
  if (action.name === 'save') {
    const imageName = action.imageName ?? `${server.name}-save-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    const { imageId } = await clients.nova.action(target.id, { createImage: { name: imageName, metadata: { accords_source: target.id } } }, run);
    const after = await waitSettled(ctx, clients, { id: target.id, run });
    const resource = serverResource(region, after);
    return { ...resource, attributes: { ...resource.attributes, ...(imageId ? { 'accords.openstack.savedImage': imageId } : {}), 'accords.openstack.savedImageName': imageName } };
  }
  if (!['start', 'stop', 'restart', 'suspend', 'resume'].includes(action.name)) {
    throw new ConnectorError('unsupported', `compute has no action '${action.name}' on OpenStack`, { providerId: ctx.providerId, operation: 'act' });
  }
  if (action.name === 'suspend' && server.status === 'SHUTOFF') throw new ConnectorError('conflict', `server ${target.id} is stopped and cannot be suspended`, { providerId: ctx.providerId, operation: 'act' });
  if (action.name === 'resume' && server.status === 'SHUTOFF') throw new ConnectorError('conflict', `server ${target.id} is stopped: start it instead`, { providerId: ctx.providerId, operation: 'act' });
  const nova = novaActionFor(action, server);
  if (!nova) return serverResource(region, server);
  await clients.nova.action(target.id, nova, run);
  const wanted: Record<string, string[]> = { start: ['ACTIVE'], stop: ['SHUTOFF'], restart: ['ACTIVE'], suspend: ['SUSPENDED'], resume: ['ACTIVE'] };
  const after = await waitSettled(ctx, clients, {
    id: target.id,
    run,
    until: (s) => !s['OS-EXT-STS:task_state'] && (wanted[action.name]!.includes(s.status) || s.status === 'ERROR'),
  });
  return serverResource(region, after);
}

/** Resizes a server to another flavour and confirms the resize; a resize that Nova could not place is reported as `capacity`. */
export async function resizeServer(ctx: OsContext, target: { region: string; id: string; offerId: string }, run: Run): Promise<ProvisionedResource> {
  const clients = await regionClients(ctx, target.region, 'resize');
  const region = { providerId: ctx.providerId, region: target.region };
  const server = await readServer(clients, target.id, run);
  if (!server) throw notFound(ctx, `server ${target.id}`, 'resize');
  const offer = await findOffer(ctx, { region: target.region, offerId: target.offerId });
  if (server.metadata?.[META.offer] === offer.id) return serverResource(region, server);
  await clients.nova.action(target.id, { resize: { flavorRef: flavorIdOf(offer) } }, run);
  const moved = await waitSettled(ctx, clients, { id: target.id, run, until: (s) => !s['OS-EXT-STS:task_state'] && s.status !== 'RESIZE' });
  if (moved.status !== 'VERIFY_RESIZE') {
    const why = (await clients.nova.lastActionFailure(target.id, 'resize', run).catch(() => undefined)) ?? `server is ${moved.status} after the resize`;
    const fault = classifyServerFault({ message: why });
    throw new ConnectorError(fault.kind === 'unknown' ? 'conflict' : fault.kind, `OpenStack compute (resize): ${why}`, { providerId: ctx.providerId, operation: 'resize' });
  }
  await clients.nova.action(target.id, { confirmResize: null }, run);
  const after = await waitSettled(ctx, clients, { id: target.id, run, until: (s) => !s['OS-EXT-STS:task_state'] && s.status !== 'VERIFY_RESIZE' && s.status !== 'RESIZE' });
  await clients.nova.setMetadataItem(target.id, { key: META.offer, value: offer.id }, run);
  return serverResource(region, (await readServer(clients, target.id, run)) ?? after);
}

/**
 * Deletes a server. Nova deletes asynchronously: the call returns once Nova has accepted the
 * deletion; until the server is gone, `get` reports it as `pending`, then `not_found`.
 */
export async function deleteServer(ctx: OsContext, target: { region: string; id: string }, run: Run): Promise<void> {
  const clients = await regionClients(ctx, target.region, 'delete');
  const server = await readServer(clients, target.id, run);
  if (!server || server['OS-EXT-STS:task_state'] === 'deleting') throw notFound(ctx, `server ${target.id}`, 'delete');
  await clients.nova.deleteServer(target.id, run);
}

/** Every server Accords made in a region. */
export async function listServers(ctx: OsContext, region: string, run: Run): Promise<ProvisionedResource[]> {
  const clients = clientsOf(ctx, region);
  return (await clients.nova.listServers(run)).filter(isManaged).map((s) => serverResource({ providerId: ctx.providerId, region }, s));
}
