import type { ComputeSpec, NormalizedAction, ProvisionedResource } from '@accords/connector-kit';
import { ConnectorError, sleep } from '@accords/connector-kit';
import { join } from 'node:path';
import type { OpsContext, Run } from './context';
import { checkRegion, findOffer, notFound, orUndefined } from './context';
import type { DomainDisk, DomainInfo } from './domain-xml';
import { deterministicUuid, formatRef, safeName, shortHash } from './ids';
import { computeStateOf } from './states';
import { child, parseXml, renderXml } from './xml';

/** Reads a domain Accords manages, or undefined when there is none with this UUID (or it is not ours). */
export async function readDomain(ctx: OpsContext, uuid: string, run: Run): Promise<ProvisionedResource | undefined> {
  const info = await orUndefined(() => ctx.client.domain(uuid, run));
  if (!info || info.metadata.idempotencyKey === undefined) return undefined;
  const state = await orUndefined(() => ctx.client.domainState(uuid, run));
  if (state === undefined) return undefined;
  return domainResource(ctx, info, computeStateOf(state));
}

/** Maps a domain onto a provisioned compute resource with its OCCI attributes. */
export function domainResource(ctx: Pick<OpsContext, 'providerId' | 'regionId'>, info: DomainInfo, state: ProvisionedResource['state']): ProvisionedResource {
  const m = info.metadata;
  const resource: ProvisionedResource = {
    id: formatRef({ kind: 'compute', uuid: info.uuid }),
    providerId: ctx.providerId,
    regionId: ctx.regionId,
    kind: 'compute',
    name: m.name ?? info.name,
    state,
    attributes: {
      'occi.compute.cores': info.vcpus,
      'occi.compute.memory': Math.round((info.memoryMiB / 1024) * 1000) / 1000,
      'occi.compute.hostname': info.name,
      'occi.compute.state': state,
      'accords.libvirt.domain': info.name,
      'accords.libvirt.uuid': info.uuid,
      'accords.libvirt.type': info.type,
      ...(m.imageId ? { 'accords.image': m.imageId } : {}),
      ...(info.interfaces.length > 0 ? { 'accords.libvirt.macs': info.interfaces.map((i) => i.mac).filter(Boolean).join(',') } : {}),
    },
    addresses: [],
    createdAt: m.createdAt ?? new Date(0).toISOString(),
  };
  if (m.idempotencyKey !== undefined) resource.idempotencyKey = m.idempotencyKey;
  if (m.offerId !== undefined) resource.offerId = m.offerId;
  if (m.labels !== undefined) resource.labels = m.labels;
  return resource;
}

function imageOf(ctx: OpsContext, imageId: string | undefined) {
  if (imageId === undefined) return undefined;
  // The spec names an image (its os_tpl) by id, else by name or distribution.
  const images = ctx.config.images ?? [];
  const image = images.find((i) => i.id === imageId) ?? images.find((i) => i.name === imageId || i.distribution === imageId);
  if (!image) {
    throw new ConnectorError('not_found', `no image '${imageId}' on ${ctx.providerId}`, { providerId: ctx.providerId, operation: 'create', location: { pointer: '/image', attribute: 'image' } });
  }
  return image;
}

/** Creates (defines and starts) a domain, or returns the one made before with the same key. */
export async function createCompute(ctx: OpsContext, spec: ComputeSpec, run: Run): Promise<ProvisionedResource> {
  const uuid = deterministicUuid({ providerId: ctx.providerId, kind: 'compute', key: spec.idempotencyKey });
  const existing = await readDomain(ctx, uuid, run);
  if (existing) return existing;
  checkRegion(ctx, spec.regionId);
  const offer = await findOffer(ctx, spec.offerId);
  const image = imageOf(ctx, spec.image);
  const name = `${safeName(spec.name)}-${shortHash(spec.idempotencyKey, 8)}`;
  const disks: DomainDisk[] = [];
  let clonedVolume: string | undefined;
  if (image?.volume && ctx.config.pool) {
    clonedVolume = `${name}-root.qcow2`;
    const pool = ctx.config.pool;
    const present = await orUndefined(() => ctx.client.volume(pool, clonedVolume!, run));
    if (!present) await ctx.client.cloneVolume({ pool, from: image.volume, to: clonedVolume }, run);
    disks.push({ source: 'volume', pool, volume: clonedVolume, target: 'vda', format: 'qcow2' });
  }
  try {
    await ctx.client.defineDomain(
      {
        uuid,
        name,
        type: await ctx.domainType(),
        arch: ctx.config.arch ?? 'x86_64',
        memoryMiB: Math.round(offer.memoryGiB * 1024),
        vcpus: offer.vcpu,
        ...(image?.kernel ? { kernel: image.kernel } : {}),
        ...(image?.initrd ? { initrd: image.initrd } : {}),
        ...(image?.cmdline ? { cmdline: image.cmdline } : {}),
        disks,
        interfaces: ctx.config.defaultNetwork ? [{ network: ctx.config.defaultNetwork }] : [],
        ...(ctx.config.consoleLogDir ? { serialLog: join(ctx.config.consoleLogDir, `${name}.log`) } : {}),
        metadata: {
          idempotencyKey: spec.idempotencyKey,
          offerId: offer.id,
          ...(image ? { imageId: image.id } : {}),
          name: spec.name,
          createdAt: new Date().toISOString(),
          ...(spec.labels ? { labels: spec.labels } : {}),
        },
      },
      run,
    );
    if (computeStateOf(await ctx.client.domainState(uuid, run)) !== 'active') {
      // Another caller with the same key may have defined and started the same UUID meanwhile.
      await ctx.client.domainCommand('start', uuid, run).catch(async (error: unknown) => {
        if (computeStateOf(await ctx.client.domainState(uuid, run)) !== 'active') throw error;
      });
    }
  } catch (error) {
    await undoCreate(ctx, { uuid, clonedVolume });
    throw error;
  }
  const created = await readDomain(ctx, uuid, run);
  if (!created) throw notFound(ctx, `domain ${uuid}`, 'create');
  return created;
}

/** Removes what a failed create left, so that nothing is half-made. */
async function undoCreate(ctx: OpsContext, made: { uuid: string; clonedVolume: string | undefined }): Promise<void> {
  await orUndefined(() => ctx.client.domainCommand('destroy', made.uuid)).catch(() => undefined);
  await orUndefined(() => ctx.client.undefineDomain(made.uuid)).catch(() => undefined);
  if (made.clonedVolume && ctx.config.pool) await orUndefined(() => ctx.client.deleteVolume(ctx.config.pool!, made.clonedVolume!)).catch(() => undefined);
}

async function waitForState(ctx: OpsContext, uuid: string, opts: { want: string; withinMs: number; run: Run }): Promise<boolean> {
  const until = Date.now() + opts.withinMs;
  let delay = 100;
  for (;;) {
    if (computeStateOf(await ctx.client.domainState(uuid, opts.run)) === opts.want) return true;
    if (Date.now() >= until) return false;
    await sleep(Math.min(delay, Math.max(0, until - Date.now())), { signal: opts.run.signal });
    delay = Math.min(delay * 2, 2000);
  }
}

function conflict(ctx: OpsContext, message: string): ConnectorError {
  return new ConnectorError('conflict', message, { providerId: ctx.providerId, operation: 'act' });
}

/** Runs an action on a domain; asking for the state it is already in changes nothing. */
export async function actCompute(ctx: OpsContext, target: { uuid: string; action: NormalizedAction }, run: Run): Promise<ProvisionedResource> {
  const { uuid, action } = target;
  const current = await readDomain(ctx, uuid, run);
  if (!current) throw notFound(ctx, `domain ${uuid}`, 'act');
  const state = current.state;
  const c = ctx.client;
  switch (action.name) {
    case 'start':
      if (state === 'suspended') await c.domainCommand('resume', uuid, run);
      else if (state !== 'active') await c.domainCommand('start', uuid, run);
      break;
    case 'stop':
      if (state === 'inactive') break;
      if (action.mode === 'force' || state === 'suspended') await c.domainCommand('destroy', uuid, run);
      else {
        await c.domainCommand('shutdown', uuid, run);
        const off = await waitForState(ctx, uuid, { want: 'inactive', withinMs: ctx.config.gracefulStopMs ?? 60_000, run });
        if (!off) await orUndefined(() => c.domainCommand('destroy', uuid, run));
      }
      break;
    case 'restart':
      if (state === 'inactive') await c.domainCommand('start', uuid, run);
      else if (state === 'suspended') throw conflict(ctx, `domain ${uuid} is suspended: resume it before a restart`);
      else await c.domainCommand(action.mode === 'force' ? 'reset' : 'reboot', uuid, run);
      break;
    case 'suspend':
      if (state === 'inactive') throw conflict(ctx, `domain ${uuid} is stopped and cannot be suspended`);
      if (state !== 'suspended') await c.domainCommand('suspend', uuid, run);
      break;
    case 'resume':
      if (state === 'inactive') throw conflict(ctx, `domain ${uuid} is stopped: start it instead`);
      if (state !== 'active') await c.domainCommand('resume', uuid, run);
      break;
    case 'save': {
      const snapshot = action.imageName ?? `${String(current.attributes['accords.libvirt.domain'])}-save-${Date.now()}`;
      await c.snapshotDomain(uuid, snapshot, run);
      const after = await readDomain(ctx, uuid, run);
      if (!after) throw notFound(ctx, `domain ${uuid}`, 'act');
      return { ...after, attributes: { ...after.attributes, 'accords.libvirt.snapshot': snapshot } };
    }
    default:
      throw new ConnectorError('unsupported', `compute has no action '${action.name}' on libvirt`, { providerId: ctx.providerId, operation: 'act' });
  }
  const after = await readDomain(ctx, uuid, run);
  if (!after) throw notFound(ctx, `domain ${uuid}`, 'act');
  return after;
}

/**
 * Moves a domain to another compute offer by editing its definition: a running domain is stopped
 * (gracefully, then forcibly), redefined and started again, as a cloud's cold resize does.
 */
export async function resizeCompute(ctx: OpsContext, target: { uuid: string; offerId: string }, run: Run): Promise<ProvisionedResource> {
  const current = await readDomain(ctx, target.uuid, run);
  if (!current) throw notFound(ctx, `domain ${target.uuid}`, 'resize');
  const offer = await findOffer(ctx, target.offerId);
  if (current.offerId === offer.id) return current;
  if (current.state !== 'inactive' && current.state !== 'active') {
    throw new ConnectorError('conflict', `domain ${target.uuid} is ${current.state}: resize needs it running or stopped`, { providerId: ctx.providerId, operation: 'resize' });
  }
  const wasRunning = current.state === 'active';
  if (wasRunning) await actCompute(ctx, { uuid: target.uuid, action: { name: 'stop', mode: 'graceful' } }, run);
  const parsed = parseXml(await ctx.client.domainXml(target.uuid, run));
  if (!parsed.ok) throw new ConnectorError('unknown', `unreadable domain XML: ${parsed.issues[0]?.message}`, { providerId: ctx.providerId, operation: 'resize' });
  const root = parsed.value;
  const memKiB = String(Math.round(offer.memoryGiB * 1024 * 1024));
  for (const tag of ['memory', 'currentMemory']) {
    const el = child(root, tag);
    if (el) {
      el.text = memKiB;
      el.attributes.unit = 'KiB';
    }
  }
  const vcpu = child(root, 'vcpu');
  if (vcpu) {
    vcpu.text = String(offer.vcpu);
    delete vcpu.attributes.current;
  }
  const meta = child(root, 'metadata')?.children.find((e) => e.name.endsWith('resource'));
  if (meta) meta.attributes.offer = offer.id;
  await ctx.client.defineDomainXml(renderXml(root), run);
  if (wasRunning) await ctx.client.domainCommand('start', target.uuid, run);
  const after = await readDomain(ctx, target.uuid, run);
  if (!after) throw notFound(ctx, `domain ${target.uuid}`, 'resize');
  return after;
}

/** Stops (forcibly) and removes a domain, with the root volume copied for it. */
export async function deleteCompute(ctx: OpsContext, uuid: string, run: Run): Promise<void> {
  const info = await orUndefined(() => ctx.client.domain(uuid, run));
  if (!info || info.metadata.idempotencyKey === undefined) throw notFound(ctx, `domain ${uuid}`, 'delete');
  const state = await ctx.client.domainState(uuid, run);
  if (computeStateOf(state) !== 'inactive') await orUndefined(() => ctx.client.domainCommand('destroy', uuid, run));
  for (const snap of await orUndefined(() => ctx.client.listSnapshots(uuid, run)).then((s) => s ?? [])) {
    await ctx.client.virsh.run(['snapshot-delete', uuid, snap], run).catch(() => undefined);
  }
  await ctx.client.undefineDomain(uuid, run);
  for (const disk of info.disks) {
    if (disk.pool && disk.volume && disk.volume.endsWith('-root.qcow2')) await orUndefined(() => ctx.client.deleteVolume(disk.pool!, disk.volume!, run));
  }
}
