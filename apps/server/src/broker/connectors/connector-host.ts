import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isConnectorError } from '@accords/connector-kit';
import type { Connector } from '@accords/connector-kit';

const METHODS = new Set(['regions', 'offers', 'images', 'create', 'get', 'list', 'act', 'resize', 'delete', 'usage']);

/** A connector served over loopback HTTP, for {@link remoteConnector}. */
export interface ConnectorHost {
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a connector over a small JSON protocol (`GET /describe`, `POST /call/<method>` with
 * `{ args }`), so that it can live in another process than the broker — its state then survives
 * a broker crash, as a real cloud's does.
 *
 * @param options - the connector, and the port (default 0: any free port) on 127.0.0.1
 * @returns the listening host
 * @example
 * const host = await serveConnector({ connector: createSimConnector() });
 * const remote = await remoteConnector({ url: host.url });
 */
export async function serveConnector(options: { connector: Connector; port?: number }): Promise<ConnectorHost> {
  const { connector } = options;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body ?? null));
      };
      if (req.method === 'GET' && req.url === '/describe') {
        reply(200, { providerId: connector.providerId, capabilities: connector.capabilities });
        return;
      }
      const method = req.url?.startsWith('/call/') ? req.url.slice('/call/'.length) : '';
      const fn = (connector as unknown as Record<string, unknown>)[method];
      if (req.method !== 'POST' || !METHODS.has(method) || typeof fn !== 'function') {
        reply(404, { error: { kind: 'unsupported', message: `no method ${method}` } });
        return;
      }
      let args: unknown[];
      try {
        args = (JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { args?: unknown[] }).args ?? [];
      } catch {
        reply(400, { error: { kind: 'invalid', message: 'body is not JSON' } });
        return;
      }
      Promise.resolve((fn as (...a: unknown[]) => unknown).apply(connector, args)).then(
        (value) => reply(200, { value: value ?? null }),
        (err: unknown) =>
          reply(200, {
            error: isConnectorError(err)
              ? { kind: err.kind, message: err.message, retryAfterMs: err.retryAfterMs }
              : { kind: 'unknown', message: err instanceof Error ? err.message : String(err) },
          }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
