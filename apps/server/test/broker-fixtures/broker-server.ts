import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSimFleet } from '@accords/connector-sim';
import type { SimOptions } from '@accords/connector-sim';
import type { Connector } from '@accords/connector-kit';
import { demoCatalogue, demoSignals } from '@accords/model';
import { startServer } from '../../src/server';
import type { RunningServer } from '../../src/server';
import { createBrokerPlugin } from '../../src/broker';
import type { BrokerPlugin, BrokerPluginOptions } from '../../src/broker';

export const ADMIN_TOKEN = 'broker-test-admin-token-0123456789';

/** The web-shop example of the docs. */
export const WEB_SHOP = readFileSync(fileURLToPath(new URL('../../../../docs/examples/web-shop.yaml', import.meta.url)), 'utf8');

/** A server with the broker on a sim fleet, for HTTP tests. */
export interface BrokerServer {
  server: RunningServer;
  broker: BrokerPlugin;
  connectors: Connector[];
  url: string;
  /** fetch with the admin bearer token. */
  call(path: string, init?: RequestInit & { accept?: string }): Promise<Response>;
  /** GET as JSON (application/json). */
  json<T = Record<string, unknown>>(path: string): Promise<T>;
  close(): Promise<void>;
}

/** Starts a server on port 0 with the broker plugin over a sim fleet (or given connectors). */
export async function startBrokerServer(options: {
  databaseUrl: string;
  sim?: Omit<SimOptions, 'providerId'>;
  connectors?: Connector[];
  broker?: Partial<BrokerPluginOptions>;
}): Promise<BrokerServer> {
  const connectors = options.connectors ?? createSimFleet(options.sim ?? {});
  const from = Date.now() - 3_600_000;
  const broker = createBrokerPlugin({
    connectors, catalogue: demoCatalogue, signals: () => demoSignals({ from: new Date(from).toISOString(), hours: 72 }),
    providerPollMs: 5, watchMs: 0, jobs: { pollMs: 50 }, ...options.broker,
  });
  const server = await startServer({ databaseUrl: options.databaseUrl, port: 0, adminToken: ADMIN_TOKEN, logLevel: 'silent', plugins: [broker] });
  const call = (path: string, init: RequestInit & { accept?: string } = {}) =>
    fetch(server.url + path, { ...init, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, accept: init.accept ?? 'application/json', ...(init.headers as Record<string, string> | undefined) } });
  return {
    server, broker, connectors, url: server.url, call,
    async json<T>(path: string) {
      const res = await call(path);
      if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    close: () => server.close(),
  };
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function until<T>(check: () => Promise<T | undefined>, options: { timeoutMs?: number; what?: string } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${options.what ?? 'a condition'}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
