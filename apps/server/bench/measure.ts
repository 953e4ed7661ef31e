import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import express from 'express';

/** One measured request: how to send it. */
export interface Target {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Throughput and tail latency of one autocannon run. */
export interface Figures {
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/** Seconds per measurement (BENCH_SECONDS, default 5). */
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

/**
 * Runs autocannon against a URL.
 * @param base - server base URL
 * @param target - the request
 * @returns the figures
 */
export async function measure(base: string, target: Target): Promise<Figures> {
  const result = await autocannon({
    url: base + target.path,
    method: target.method,
    headers: target.headers,
    ...(target.body !== undefined ? { body: target.body } : {}),
    connections: CONNECTIONS,
    // The load generator runs in a worker thread, off the event loop of the server it measures.
    workers: 1,
    duration: SECONDS,
  });
  return { requestsPerSecond: Math.round(result.requests.average), p99Ms: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

/**
 * Starts a bare express app that answers every request with fixed bytes: the baseline.
 * @param reply - status, content type and body to return
 * @returns its URL and a close function
 */
export async function bareServer(reply: { status: number; contentType: string; body: string }): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(express.raw({ type: () => true }));
  app.all('/{*path}', (_req, res) => {
    res.status(reply.status).setHeader('Content-Type', reply.contentType);
    res.send(reply.body);
  });
  const server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
