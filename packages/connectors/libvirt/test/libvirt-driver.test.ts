import { isConnectorError } from '@accords/connector-kit';
import { afterAll, describe, expect, it } from 'vitest';
import type { LibvirtConnector } from '../src/index';
import { createLibvirtConnector, parseDomainXml, parseNetworkXml } from '../src/index';
import { HAVE_LIBVIRT, testDriverConfig } from './backend';

const kindOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (isConnectorError(e) ? e.kind : `not a ConnectorError: ${String(e)}`),
  );
const key = (label: string) => `lv-${label}-${process.pid}-${Date.now().toString(36)}`;

describe.runIf(HAVE_LIBVIRT)('libvirt connector on the test driver: backend-specific behaviour', () => {
  const connectors: LibvirtConnector[] = [];
  const made: { c: LibvirtConnector; id: string }[] = [];
  const connector = (over: Record<string, unknown> = {}) => {
    const c = createLibvirtConnector(testDriverConfig(over));
    connectors.push(c);
    return c;
  };
  afterAll(async () => {
    for (const m of made) await m.c.delete(m.id).catch(() => undefined);
    for (const c of connectors) await c.close();
  });

  it('is idempotent across connector instances: the key names the domain UUID', async () => {
    const a = connector();
    const b = connector();
    const spec = { kind: 'compute' as const, idempotencyKey: key('twice'), regionId: 'lab-test:local', offerId: 'lab-test.tiny', name: 'twice' };
    const [one, two] = await Promise.all([a.create(spec), b.create(spec)]);
    made.push({ c: a, id: one.id });
    expect(two.id).toBe(one.id);
    expect((await a.list()).filter((r) => r.idempotencyKey === spec.idempotencyKey)).toHaveLength(1);
  });

  it('leaves domains it did not make alone', async () => {
    const c = connector();
    const uuids = await c.client.listDomainUuids();
    const foreign = [];
    for (const u of uuids) if ((await c.client.domain(u)).metadata.idempotencyKey === undefined) foreign.push(u);
    expect(foreign.length).toBeGreaterThan(0);
    const listed = (await c.list()).map((r) => r.id);
    for (const u of foreign) {
      expect(listed).not.toContain(`domain/${u}`);
      expect(await kindOf(c.get(`domain/${u}`))).toBe('not_found');
      expect(await kindOf(c.delete(`domain/${u}`))).toBe('not_found');
    }
  });

  it('saves a domain as a libvirt snapshot and resizes it by editing its definition', async () => {
    const c = connector();
    const r = await c.create({ kind: 'compute', idempotencyKey: key('save'), regionId: 'lab-test:local', offerId: 'lab-test.tiny', name: 'saver', labels: { team: 'a' } });
    made.push({ c, id: r.id });
    const uuid = String(r.attributes['accords.libvirt.uuid']);
    const saved = await c.act(r.id, { name: 'save', imageName: 'before-upgrade' });
    expect(saved.attributes['accords.libvirt.snapshot']).toBe('before-upgrade');
    expect(await c.client.listSnapshots(uuid)).toContain('before-upgrade');
    const resized = await c.resize(r.id, 'lab-test.mini');
    expect(resized).toMatchObject({ state: 'active', offerId: 'lab-test.mini', labels: { team: 'a' } });
    const def = parseDomainXml(await c.client.virsh.run(['dumpxml', uuid]));
    expect(def.ok && [def.value.vcpus, def.value.memoryMiB]).toEqual([2, 256]);
    expect(await kindOf(c.resize(r.id, 'lab-test.nope'))).toBe('not_found');
  });

  it('creates volumes in the pool and refuses one larger than the pool as capacity', async () => {
    const c = connector();
    const v = await c.create({ kind: 'storage', idempotencyKey: key('vol'), regionId: 'lab-test:local', name: 'data volume', sizeGiB: 3 });
    made.push({ c, id: v.id });
    expect(v).toMatchObject({ kind: 'storage', name: 'data volume', state: 'online', attributes: { 'occi.storage.size': 3, 'accords.libvirt.pool': 'default-pool' } });
    const info = await c.client.volume('default-pool', String(v.attributes['accords.libvirt.volume']));
    expect(info.capacityBytes).toBe(3 * 1024 ** 3);
    expect(await kindOf(c.create({ kind: 'storage', idempotencyKey: key('huge'), regionId: 'lab-test:local', name: 'huge', sizeGiB: 100_000 }))).toBe('capacity');
    expect(await kindOf(c.act(v.id, 'online'))).toBe('unsupported');
  });

  it('defines networks with the requested subnet and brings them down and up', async () => {
    const c = connector();
    const n = await c.create({ kind: 'network', idempotencyKey: key('net'), regionId: 'lab-test:local', name: 'backend', cidr: '10.77.3.0/24' });
    made.push({ c, id: n.id });
    expect(n.attributes).toMatchObject({ 'occi.network.address': '10.77.3.0/24', 'occi.network.gateway': '10.77.3.1', 'occi.network.state': 'active' });
    const uuid = String(n.attributes['accords.libvirt.uuid']);
    const def = parseNetworkXml(await c.client.virsh.run(['net-dumpxml', uuid]));
    expect(def.ok && def.value.address).toBe('10.77.3.1/24');
    expect((await c.act(n.id, 'down')).state).toBe('inactive');
    expect(await c.client.networkActive(uuid)).toBe(false);
    expect((await c.act(n.id, 'up')).state).toBe('active');
  });

  it('boots images kept as volumes from a copy of the volume, found by distribution', async () => {
    const c = connector({ images: [{ id: 'base', name: 'Debian base', distribution: 'debian-12', volume: 'accords-test-base.qcow2' }] });
    await c.client.createVolume('default-pool', { name: 'accords-test-base.qcow2', capacityBytes: 1024 ** 3 }).catch(() => undefined);
    const r = await c.create({ kind: 'compute', idempotencyKey: key('img'), regionId: 'lab-test:local', offerId: 'lab-test.tiny', name: 'from image', image: 'debian-12' });
    const domain = await c.client.domain(String(r.attributes['accords.libvirt.uuid']));
    const root = `${domain.name}-root.qcow2`;
    expect(domain.disks).toEqual([{ target: 'vda', pool: 'default-pool', volume: root }]);
    expect(r.attributes['accords.image']).toBe('base');
    expect(await c.client.listVolumes('default-pool')).toContain(root);
    await c.delete(r.id);
    expect(await c.client.listVolumes('default-pool')).not.toContain(root);
    expect(await kindOf(c.create({ kind: 'compute', idempotencyKey: key('noimg'), regionId: 'lab-test:local', offerId: 'lab-test.tiny', name: 'x', image: 'windows-11' }))).toBe('not_found');
  });

  it('maps an unreachable daemon to transient and honours timeoutMs', async () => {
    const gone = connector({ uri: 'test+unix:///default?socket=/nonexistent/libvirt-sock' });
    expect(await kindOf(gone.list())).toBe('transient');
    expect(await kindOf(connector().list({ timeoutMs: 1 }))).toBe('timeout');
  });
});
