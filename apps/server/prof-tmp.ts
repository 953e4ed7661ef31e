import { randomUUID } from 'node:crypto';
import { startServer } from '/work/main/apps/server/src/index';
const s = await startServer({ databaseUrl: 'sqlite::memory:', port: 0, adminToken: 'prof-admin-token-000000', logLevel: 'silent' });
const h = { authorization: 'Bearer prof-admin-token-000000', 'content-type': 'application/occi+json', accept: 'application/occi+json' };
for (let i = 0; i < 1000; i++) await (await fetch(s.url + '/compute/', { method: 'POST', headers: h, body: JSON.stringify({ id: randomUUID(), kind: 'http://schemas.ogf.org/occi/infrastructure#compute', attributes: { 'occi.compute.cores': 2 } }) })).arrayBuffer();
for (const accept of ['application/occi+json', 'text/uri-list']) {
  const t = performance.now();
  for (let i = 0; i < 10; i++) await (await fetch(s.url + '/compute/', { headers: { ...h, accept } })).arrayBuffer();
  console.log(accept, ((performance.now() - t) / 10).toFixed(1), 'ms');
}
await s.close();
