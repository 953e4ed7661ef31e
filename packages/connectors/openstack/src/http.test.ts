import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultMessage, OpenStackHttpError, parseRetryAfter, requestJson } from './http';

describe('requestJson over a real socket', () => {
  let base: string;
  const server = createServer((req, res) => {
    if (req.url === '/ok') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"a":1}');
    if (req.url === '/empty') return void res.writeHead(204).end();
    if (req.url?.startsWith('/throttle')) return void res.writeHead(429, { 'retry-after': '3' }).end('{"message": "slow down"}');
    if (req.url === '/broken') return void res.writeHead(200).end('not json');
    if (req.url === '/echo') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => res.writeHead(200).end(JSON.stringify({ method: req.method, type: req.headers['content-type'], token: req.headers['x-auth-token'], body })));
      return;
    }
    // '/hang' never answers
  });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('sends JSON and parses the answer', async () => {
    expect((await requestJson({ method: 'GET', url: `${base}/ok`, service: 't' })).body).toEqual({ a: 1 });
    expect((await requestJson({ method: 'DELETE', url: `${base}/empty`, service: 't' })).body).toBeUndefined();
    const echo = await requestJson<{ body: string; type: string; token: string }>({ method: 'POST', url: `${base}/echo`, service: 't', body: { x: [1] }, headers: { 'x-auth-token': 'tok' } });
    expect(echo.body).toMatchObject({ body: '{"x":[1]}', type: 'application/json', token: 'tok' });
  });

  it('turns an error answer into OpenStackHttpError with Retry-After', async () => {
    const err = await requestJson({ method: 'GET', url: `${base}/throttle?q=1`, service: 'compute' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenStackHttpError);
    expect(err).toMatchObject({ status: 429, service: 'compute', retryAfterMs: 3000, message: `compute GET ${base}/throttle -> 429: slow down` });
  });

  it('reports unparseable JSON and refused connections', async () => {
    await expect(requestJson({ method: 'GET', url: `${base}/broken`, service: 't' })).rejects.toMatchObject({ status: 200, body: 'invalid JSON: not json' });
    await expect(requestJson({ method: 'GET', url: 'http://127.0.0.1:1/', service: 't' })).rejects.toMatchObject({ status: 0 });
  });

  it('honours timeouts and the caller abort', async () => {
    const timedOut = await requestJson({ method: 'GET', url: `${base}/hang`, service: 't', timeoutMs: 50 }).catch((e: unknown) => e);
    expect((timedOut as Error).name).toBe('TimeoutError');
    const controller = new AbortController();
    const pending = requestJson({ method: 'GET', url: `${base}/hang`, service: 't', signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });

  it('reads fault messages and Retry-After forms', () => {
    expect(faultMessage('{"itemNotFound": {"code": 404, "message": "gone"}}')).toBe('gone');
    expect(faultMessage('{"message": "top"}')).toBe('top');
    expect(faultMessage('<html/>')).toBeUndefined();
    expect(parseRetryAfter('2.5')).toBe(2500);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(5000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
