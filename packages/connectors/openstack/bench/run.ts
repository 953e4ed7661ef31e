import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { classifyHttpFault, negotiateMicroversion, OpenStackHttpError, requestJson } from '../src/index';
import { measure } from '@accords/connector-kit/bench';

const N = 20_000;
const quota = new OpenStackHttpError({ status: 403, service: 'compute', method: 'POST', url: 'http://x/servers', body: JSON.stringify({ forbidden: { code: 403, message: 'Quota exceeded for instances: Requested 1, but already used 10 of 10 instances' } }) });
const body = quota.body;
await measure('baseline: JSON.parse of a fault body', { n: N, run: () => { for (let i = 0; i < N; i++) JSON.parse(body); } });
await measure('classifyHttpFault (quota)', { n: N, baseline: 'baseline: JSON.parse of a fault body', run: () => { for (let i = 0; i < N; i++) classifyHttpFault(quota); } });
await measure('negotiateMicroversion', { n: N, baseline: 'baseline: JSON.parse of a fault body', run: () => { for (let i = 0; i < N; i++) negotiateMicroversion({ min: '2.1', max: '2.95' }, { min: '2.47', max: '2.90' }); } });

// The HTTP layer against a local socket, against plain fetch.
const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"servers": []}'));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/servers`;
const M = 500;
await measure('baseline: fetch + json()', { n: M, run: async () => { for (let i = 0; i < M; i++) await (await fetch(url)).json(); } });
await measure('requestJson (headers, timeout, errors)', { n: M, baseline: 'baseline: fetch + json()', run: async () => { for (let i = 0; i < M; i++) await requestJson({ method: 'GET', url, service: 'compute', timeoutMs: 5_000 }); } });
server.close();
