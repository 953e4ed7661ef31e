import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseDomainXml, parseXml, renderDomainXml, Virsh } from '../src/index';
import { measure } from '@accords/connector-kit/bench';

const N = 5_000;
const spec = {
  name: 'web-1-25e78447',
  type: 'kvm',
  memoryMiB: 2048,
  vcpus: 2,
  disks: [{ source: 'volume' as const, pool: 'default', volume: 'web-root.qcow2', target: 'vda' }],
  interfaces: [{ network: 'default' }],
  metadata: { idempotencyKey: 'key-00000001', offerId: 'lab.small', name: 'web 1', labels: { app: 'shop', env: 'prod' } },
};
const xml = renderDomainXml(spec).replace('</name>', '</name><uuid>14cca45f-4258-8a0d-9169-1b4538157083</uuid>');
const json = JSON.stringify(parseXml(xml));

await measure('baseline: JSON.parse of the same tree', { n: N, run: () => { for (let i = 0; i < N; i++) JSON.parse(json); } });
await measure('parseXml (domain dump)', { n: N, baseline: 'baseline: JSON.parse of the same tree', run: () => { for (let i = 0; i < N; i++) parseXml(xml); } });
await measure('parseDomainXml', { n: N, baseline: 'baseline: JSON.parse of the same tree', run: () => { for (let i = 0; i < N; i++) parseDomainXml(xml); } });
await measure('renderDomainXml', { n: N, baseline: 'baseline: JSON.parse of the same tree', run: () => { for (let i = 0; i < N; i++) renderDomainXml(spec); } });

// The real cost of an operation is a virsh process: measured against spawning `true`.
const uri = process.env.ACCORDS_TEST_LIBVIRT_URI;
if (uri) {
  const M = 20;
  const run = promisify(execFile);
  await measure('baseline: spawn /bin/true', { n: M, run: async () => { for (let i = 0; i < M; i++) await run('true'); } });
  const virsh = new Virsh({ uri });
  await measure('virsh list --all --uuid (test driver)', { n: M, baseline: 'baseline: spawn /bin/true', run: async () => { for (let i = 0; i < M; i++) await virsh.run(['list', '--all', '--uuid']); } });
}
