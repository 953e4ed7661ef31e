import { createLibvirtConnector } from './src/index';
const c = createLibvirtConnector({ providerId: 'lab', uri: 'test+unix:///default?socket=/tmp/lv-dev/run/libvirt/libvirt-sock', pool: 'default-pool', defaultNetwork: 'default',
  pricing: { currency: 'EUR', coreHour: 0.01, memoryGiBHour: 0.005, storageGiBMonth: 0.04 } });
console.log(await c.regions());
console.log(JSON.stringify(await c.offers()));
const t0 = Date.now();
const r = await c.create({ kind: 'compute', idempotencyKey: 'key-00000001', regionId: 'local', offerId: 'small', name: 'web 1', labels: { app: 'x' } });
console.log(r, Date.now() - t0);
const r2 = await c.create({ kind: 'compute', idempotencyKey: 'key-00000001', regionId: 'local', offerId: 'small', name: 'web 1' });
console.log(r2.id === r.id);
for (const a of ['suspend', 'resume', 'stop', 'start', 'restart', 'save'] as const) { const x = await c.act(r.id, a); console.log(a, x.state); }
await c.act(r.id, { name: 'stop', mode: 'force' });
console.log((await c.resize(r.id, 'medium')).attributes);
const v = await c.create({ kind: 'storage', idempotencyKey: 'key-00000002', regionId: 'local', name: 'data', sizeGiB: 2 });
console.log(v);
const n = await c.create({ kind: 'network', idempotencyKey: 'key-00000003', regionId: 'local', name: 'net', cidr: '10.55.0.0/24' });
console.log(n);
console.log((await c.act(n.id, 'down')).state);
console.log((await c.list()).map((x) => x.id));
for (const x of [r, v, n]) await c.delete(x.id);
try { await c.get(r.id); } catch (e) { console.log(e.code, e.message); }
console.log((await c.list()).length, Date.now() - t0);
await c.close();
