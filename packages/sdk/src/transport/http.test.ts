import { afterEach, describe, expect, it } from 'vitest';
import { closedPort, listen, type Listening } from '../../test/support/listen';
import { OcciClientError } from '../errors';
import { createTransport } from './http';

const fast = { retries: 3, minDelayMs: 1, maxDelayMs: 20, factor: 2 };
let server: Listening | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('createTransport', () => {
  it('sends the bearer token and resolves paths against the base URL', async () => {
    const seen: { url?: string; auth?: string } = {};
    server = await listen((req, res) => {
      seen.url = req.url;
      seen.auth = req.headers.authorization;
      res.end('ok');
    });
    const http = createTransport({ url: `${server.url}occi`, credentials: { token: 't0k' } });
    const res = await http.request({ method: 'GET', path: '-/', query: { category: 'a b', x: ['1', '2'], skip: undefined } });
    expect(res.body).toBe('ok');
    expect(seen.url).toBe('/occi/-/?category=a+b&x=1&x=2');
    expect(seen.auth).toBe('Bearer t0k');
  });

  it('encodes HTTP Basic credentials as UTF-8', async () => {
    let auth: string | undefined;
    server = await listen((req, res) => {
      auth = req.headers.authorization;
      res.end();
    });
    await createTransport({ url: server.url, credentials: { basic: { username: 'ana', password: 'pässwörd' } } }).request({ method: 'GET', path: '/' });
    expect(Buffer.from(auth!.replace('Basic ', ''), 'base64').toString('utf8')).toBe('ana:pässwörd');
  });

  it('never sends credentials to another origin: absolute locations keep only their path', async () => {
    let url: string | undefined;
    server = await listen((req, res) => {
      url = req.url;
      res.end();
    });
    await createTransport({ url: server.url, credentials: { token: 'x' } }).request({ method: 'GET', path: 'http://evil.example:9/compute/1?a=1' });
    expect(url).toBe('/compute/1?a=1');
  });

  it('retries an idempotent request on 503, honouring Retry-After, then succeeds', async () => {
    let calls = 0;
    server = await listen((_req, res) => {
      calls++;
      if (calls < 3) {
        res.writeHead(503, { 'Retry-After': '0' });
        res.end('busy');
      } else res.end('done');
    });
    const retries: number[] = [];
    const http = createTransport({ url: server.url, retries: fast, onRetry: (i) => retries.push(i.attempt) });
    const res = await http.request({ method: 'GET', path: '/x' });
    expect(res.body).toBe('done');
    expect(calls).toBe(3);
    expect(retries).toEqual([1, 2]);
  });

  it('gives up after the configured retries with the server error', async () => {
    let calls = 0;
    server = await listen((_req, res) => {
      calls++;
      res.writeHead(503, { 'Content-Type': 'text/plain' });
      res.end('maintenance');
    });
    const http = createTransport({ url: server.url, retries: { ...fast, retries: 2 } });
    const error = await http.request({ method: 'DELETE', path: '/x' }).catch((e: unknown) => e);
    expect(calls).toBe(3);
    expect(error).toBeInstanceOf(OcciClientError);
    expect(error).toMatchObject({ status: 503, code: 'service_unavailable', message: 'maintenance' });
  });

  it('does not repeat a POST the server may have acted on', async () => {
    let calls = 0;
    server = await listen((_req, res) => {
      calls++;
      res.writeHead(503);
      res.end();
    });
    const error = await createTransport({ url: server.url, retries: fast }).request({ method: 'POST', path: '/compute/', body: 'x' }).catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(error).toMatchObject({ status: 503 });
  });

  it('retries connection failures, then reports connection_failed with status 0', async () => {
    const port = await closedPort();
    const retries: string[] = [];
    const http = createTransport({ url: `http://127.0.0.1:${port}`, retries: fast, onRetry: (i) => retries.push(i.reason) });
    const error = await http.request({ method: 'POST', path: '/compute/' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OcciClientError);
    expect(error).toMatchObject({ status: 0, code: 'connection_failed' });
    expect((error as Error).message).toMatch(/cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    expect(retries).toHaveLength(3);
  });

  it('reads code, message and location from a JSON error body', async () => {
    server = await listen((_req, res) => {
      res.writeHead(400, { 'Content-Type': 'application/json', 'X-Request-Id': 'r-1' });
      res.end(JSON.stringify({ error: { code: 'invalid_attribute', message: 'occi.compute.cores must be an integer', location: { attribute: 'occi.compute.cores' } } }));
    });
    const error = await createTransport({ url: server.url }).request({ method: 'POST', path: '/compute/' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_attribute',
      message: 'occi.compute.cores must be an integer',
      location: { attribute: 'occi.compute.cores' },
      requestId: 'r-1',
      request: { method: 'POST' },
    });
  });

  it('cancels a request waiting for its retry when the signal aborts', async () => {
    server = await listen((_req, res) => {
      res.writeHead(503, { 'Retry-After': '60' });
      res.end();
    });
    const controller = new AbortController();
    const http = createTransport({ url: server.url, retries: { retries: 5, minDelayMs: 1, maxDelayMs: 60_000, factor: 2 } });
    const pending = http.request({ method: 'GET', path: '/', signal: controller.signal }).catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 20);
    expect(await pending).toMatchObject({ code: 'aborted', status: 0 });
  });

  it('times out a hanging attempt', async () => {
    server = await listen(() => undefined);
    const http = createTransport({ url: server.url, timeoutMs: 50, retries: 0 });
    const error = await http.request({ method: 'GET', path: '/' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'aborted', status: 0 });
    expect((error as Error).message).toContain('timed out');
  });

  it('rejects a base URL that is not http(s)', () => {
    expect(() => createTransport({ url: 'ftp://x' })).toThrow(/not an http\(s\) URL/);
    expect(() => createTransport({ url: 'nope' })).toThrow(/not a URL/);
  });
});
