/**
 * Child process for crash and multi-process tests: the server with the broker over remote sim
 * connectors (see sim-host.ts). Prints one JSON line `{ url }` once listening.
 *
 * Environment: DATABASE_URL, PROVIDERS (JSON [{ providerId, url }]), LEASE_MS, ADMIN_TOKEN.
 * With WAIT_FOR_GO=1 it loads everything, prints `{ ready: true }` and waits for a line on stdin
 * before it touches the database (a warm spare for the crash test's restart).
 */
import { createInterface } from 'node:readline';
import { demoCatalogue, demoSignals } from '@accords/model';
import { startServer } from '../../src/server';
import { createBrokerPlugin, remoteConnector } from '../../src/broker';

if (process.env.WAIT_FOR_GO === '1') {
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
  await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));
}
const providers = JSON.parse(process.env.PROVIDERS ?? '[]') as { url: string }[];
const connectors = await Promise.all(providers.map((p) => remoteConnector({ url: p.url })));
const from = new Date(Date.now() - 3_600_000).toISOString();
const broker = createBrokerPlugin({
  connectors, catalogue: demoCatalogue, signals: () => demoSignals({ from, hours: 72 }),
  providerPollMs: 10, watchMs: Number(process.env.WATCH_MS ?? 0),
  jobs: { leaseMs: Number(process.env.LEASE_MS ?? 2000), pollMs: 50, concurrency: Number(process.env.CONCURRENCY ?? 8), backoff: { baseMs: 20, maxMs: 500 } },
});
const server = await startServer({ databaseUrl: process.env.DATABASE_URL!, port: 0, adminToken: process.env.ADMIN_TOKEN!, logLevel: 'silent', plugins: [broker] });
process.stdout.write(`${JSON.stringify({ url: server.url, pid: process.pid })}\n`);
