import type { ProvisionedResource, StorageSpec } from '@accords/connector-kit';
import { ConnectorError } from '@accords/connector-kit';
import type { OpsContext, Run } from './context';
import { checkRegion, notFound, orUndefined } from './context';
import { formatRef, parseVolumeName, volumeName } from './ids';
import type { VolumeInfo } from './volume-xml';
import { sizeToBytes } from './volume-xml';
import { child, parseXml, textAt } from './xml';

const GiB = 1024 ** 3;

function poolOf(ctx: OpsContext): string {
  const pool = ctx.config.pool;
  if (!pool) throw new ConnectorError('unsupported', `${ctx.providerId} has no storage pool configured`, { providerId: ctx.providerId });
  return pool;
}

/** Maps a volume onto a provisioned storage resource. */
export function volumeResource(ctx: Pick<OpsContext, 'providerId' | 'regionId'>, pool: string, info: VolumeInfo): ProvisionedResource | undefined {
  const decoded = parseVolumeName(info.name);
  if (!decoded) return undefined;
  return {
    id: formatRef({ kind: 'storage', pool, volume: info.name }),
    providerId: ctx.providerId,
    regionId: ctx.regionId,
    kind: 'storage',
    name: decoded.name,
    state: 'online',
    attributes: {
      'occi.storage.size': Math.round((info.capacityBytes / GiB) * 1000) / 1000,
      'occi.storage.state': 'online',
      'accords.libvirt.pool': pool,
      'accords.libvirt.volume': info.name,
      ...(info.path ? { 'accords.libvirt.path': info.path } : {}),
    },
    addresses: [],
    createdAt: new Date(0).toISOString(),
    idempotencyKey: decoded.key,
  };
}

/** Reads one Accords volume, or undefined. */
export async function readVolume(ctx: OpsContext, ref: { pool: string; volume: string }, run: Run): Promise<ProvisionedResource | undefined> {
  if (ref.pool !== ctx.config.pool) return undefined;
  const info = await orUndefined(() => ctx.client.volume(ref.pool, ref.volume, run));
  return info ? volumeResource(ctx, ref.pool, info) : undefined;
}

/** Creates a volume in the pool, or returns the one made before with the same key. */
export async function createStorage(ctx: OpsContext, spec: StorageSpec, run: Run): Promise<ProvisionedResource> {
  const pool = poolOf(ctx);
  const volume = volumeName({ key: spec.idempotencyKey, name: spec.name });
  const existing = await readVolume(ctx, { pool, volume }, run);
  if (existing) return existing;
  checkRegion(ctx, spec.regionId);
  const available = await poolAvailableBytes(ctx, pool, run);
  if (available !== undefined && spec.sizeGiB * GiB > available) {
    throw new ConnectorError('capacity', `pool ${pool} has ${Math.floor(available / GiB)} GiB free, ${spec.sizeGiB} GiB asked`, { providerId: ctx.providerId, operation: 'create' });
  }
  await ctx.client.createVolume(pool, { name: volume, capacityBytes: Math.ceil(spec.sizeGiB * GiB), format: 'qcow2' }, run).catch(async (error: unknown) => {
    // Another caller with the same key may have made the volume meanwhile.
    if (!(await readVolume(ctx, { pool, volume }, run))) throw error;
  });
  const created = await readVolume(ctx, { pool, volume }, run);
  if (!created) throw notFound(ctx, `volume ${volume}`, 'create');
  return created;
}

/** Free bytes of a pool, from `pool-dumpxml`. */
async function poolAvailableBytes(ctx: OpsContext, pool: string, run: Run): Promise<number | undefined> {
  const parsed = parseXml(await ctx.client.virsh.run(['pool-dumpxml', pool], run));
  if (!parsed.ok) return undefined;
  return sizeToBytes(textAt(parsed.value, 'available'), child(parsed.value, 'available')?.attributes.unit);
}

/** Every Accords volume of the pool. */
export async function listStorage(ctx: OpsContext, run: Run): Promise<ProvisionedResource[]> {
  const pool = ctx.config.pool;
  if (!pool) return [];
  const out: ProvisionedResource[] = [];
  for (const volume of await ctx.client.listVolumes(pool, run)) {
    if (!parseVolumeName(volume)) continue;
    const r = await readVolume(ctx, { pool, volume }, run);
    if (r) out.push(r);
  }
  return out;
}

/** Deletes an Accords volume. */
export async function deleteStorage(ctx: OpsContext, ref: { pool: string; volume: string }, run: Run): Promise<void> {
  if (!(await readVolume(ctx, ref, run))) throw notFound(ctx, `volume ${ref.volume}`, 'delete');
  await ctx.client.deleteVolume(ref.pool, ref.volume, run);
}
