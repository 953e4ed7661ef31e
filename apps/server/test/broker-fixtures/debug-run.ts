import { startBrokerServer, WEB_SHOP } from './broker-server';
const s = await startBrokerServer({ databaseUrl: `sqlite:/tmp/bdbg/db-${Date.now()}.sqlite` });
const t0 = Date.now();
const res = await s.call('/manifest/', { method: 'POST', body: WEB_SHOP, headers: { 'content-type': 'application/yaml' } });
console.log('submit', res.status, Date.now() - t0);
const loc = new URL(res.headers.get('location')!).pathname;
const m = await s.json<any>(loc);
const aloc = m.attributes['accords.manifest.agreement'];
const acc = await s.call(`${aloc}?action=accept`, { method: 'POST' });
console.log('accept', acc.status, (await acc.text()).slice(0, 300));
for (let i = 0; i < 20; i++) {
  await new Promise((r) => setTimeout(r, 500));
  const a = await s.json<any>(aloc);
  const jobs = await s.broker.runtime.db!.query('SELECT kind, state, attempts, last_error FROM accords_job');
  console.log(a.attributes['accords.agreement.phase'], a.attributes['accords.agreement.reason'], JSON.stringify(jobs.slice(0, 4)), jobs.map((j: any) => j.state).join(','));
  if (a.attributes['accords.agreement.phase'] !== 'provisioning') break;
}
await s.close();
process.exit(0);
