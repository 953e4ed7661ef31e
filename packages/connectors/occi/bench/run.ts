import { Secret } from '@accords/connector-kit';
import { createClient } from '@accords/sdk';
import { createOcciConnector, readCatalogue } from '../src/index';
import { startTextOcciServer } from '../test/support/text-occi-server';
import { measure } from '@accords/connector-kit/bench';

// What the connector adds over the SDK on the request path (mapping, checks), against a local
// text/plain OCCI server, and the cost of reading a remote's catalogue.
const server = await startTextOcciServer({ username: 'bench', password: 'bench-password' });
const basic = { username: 'bench', password: 'bench-password' };
const connector = createOcciConnector({ providerId: 'bench', url: server.url, rendering: 'text/plain', basic: { username: 'bench', password: new Secret('bench-password', 'bench') } });
const made = await connector.create({ kind: 'compute', idempotencyKey: 'bench-key-0001', regionId: 'bench.default', offerId: 'bench.default:tiny', name: 'b' });
const client = createClient({ url: server.url, rendering: 'text/plain', basic, retries: 0 });
await client.model();

const N = 300;
// Warm the loopback connections and both code paths before either is timed.
for (let i = 0; i < 2 * N; i++) await Promise.all([client.entities.get(made.id), connector.get(made.id)]);
await measure('baseline: sdk entities.get over loopback (text/plain)', { n: N, run: async () => { for (let i = 0; i < N; i++) await client.entities.get(made.id); } });
await measure('connector.get (sdk get + mapping)', { n: N, baseline: 'baseline: sdk entities.get over loopback (text/plain)', run: async () => { for (let i = 0; i < N; i++) await connector.get(made.id); } });

const categories = (await client.model()).categories;
const M = 2_000;
await measure('baseline: structuredClone of the query interface', { n: M, run: () => { for (let i = 0; i < M; i++) structuredClone(categories); } });
await measure('readCatalogue (regions, offers, images)', {
  n: M,
  baseline: 'baseline: structuredClone of the query interface',
  run: () => { for (let i = 0; i < M; i++) readCatalogue({ categories, options: { providerId: 'bench', url: server.url }, asOf: '2026-01-01T00:00:00Z' }); },
});

await connector.delete(made.id);
await connector.close();
await server.close();
