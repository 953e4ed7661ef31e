import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import type { ServerOptions } from './config/options';
import { DEFAULT_LIMITS } from './config/options';

/** A server that listens. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:43117` (no trailing slash). */
  url: string;
  /** The port actually bound. */
  port: number;
  /**
   * The administrator token: the configured one, or the one minted at this (first) start;
   * undefined when the database already had an administrator token and none was configured.
   */
  adminToken: string | undefined;
  /** Stops listening, stops plugin services and closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the database (running migrations), seeds the model, starts plugins and listens.
 * @param options - database URL, listener, administrator token, plugins, limits
 * @returns the running server
 * @throws AccordsError when the options are invalid; the driver's error when the database is unreachable
 * @example
 * ```ts
 * const server = await startServer({ databaseUrl: 'sqlite::memory:', port: 0, adminToken: 'a-long-admin-token' });
 * await fetch(`${server.url}/healthz`);
 * await server.close();
 * ```
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const built = await createApp({ ...options, limits });
  const server = createServer({ maxHeaderSize: limits.headerBytes, requestTimeout: limits.requestTimeoutMs + 5_000 }, built.app);
  server.headersTimeout = Math.min(60_000, limits.requestTimeoutMs + 5_000);
  server.keepAliveTimeout = 5_000;
  server.listen(options.port ?? 8080, options.host ?? '127.0.0.1');
  try {
    await once(server, 'listening');
  } catch (error) {
    await built.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  try {
    await built.startServices();
  } catch (error) {
    server.close();
    await built.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    adminToken: built.adminToken,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        await built.close();
      })();
      return closing;
    },
  };
}
