/**
 * Child process for crash and multi-process tests: runs the sim fleet in its own process, each
 * provider served over loopback HTTP, so that its state survives the broker being killed. Prints
 * one JSON line `{ providers: [{ providerId, url }], stats }` and counts `create` calls per
 * idempotency key (GET <stats>/ answers them); POST <stats>/faults sets the fault injection.
 *
 * Environment: SIM_OPTIONS (JSON of SimOptions without providerId).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSimFleet } from '@accords/connector-sim';
import type { Connector } from '@accords/connector-kit';
import { serveConnector } from '../../src/broker';

const options = JSON.parse(process.env.SIM_OPTIONS ?? '{}') as Parameters<typeof createSimFleet>[0];
const fleet = createSimFleet(options);
const creates = new Map<string, number>();
const providers: { providerId: string; url: string }[] = [];
for (const sim of fleet) {
  const counted: Connector = Object.create(sim) as Connector;
  counted.create = (spec, opts) => {
    creates.set(spec.idempotencyKey, (creates.get(spec.idempotencyKey) ?? 0) + 1);
    return sim.create(spec, opts);
  };
  const host = await serveConnector({ connector: counted });
  providers.push({ providerId: sim.providerId, url: host.url });
}
const stats = createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  if (req.method === 'POST' && req.url === '/faults') {
    let body = '';
    req.on('data', (d: Buffer) => { body += d.toString(); });
    req.on('end', () => {
      for (const sim of fleet) sim.setFaults(JSON.parse(body) as Parameters<typeof sim.setFaults>[0]);
      res.end('{}');
    });
    return;
  }
  res.end(JSON.stringify({ creates: Object.fromEntries(creates) }));
});
await new Promise<void>((r) => stats.listen(0, '127.0.0.1', r));
process.stdout.write(`${JSON.stringify({ providers, stats: `http://127.0.0.1:${(stats.address() as AddressInfo).port}` })}\n`);
