import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authRequestBody, KeystoneSession, parseCatalog } from './keystone';
import { ServiceClient } from './service-client';

// A minimal identity and compute endpoint on a socket: it issues numbered tokens that expire after
// `ttlMs`, and the compute side refuses tokens listed in `revoked`.
describe('Keystone session (token renewal, shared issue, 401 re-authentication)', () => {
  let base: string;
  let issued = 0;
  let ttlMs = 3_600_000;
  const revoked = new Set<string>();
  const seenBodies: unknown[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.url === '/v3/auth/tokens') {
        seenBodies.push(JSON.parse(body));
        issued += 1;
        const token = {
          expires_at: new Date(Date.now() + ttlMs).toISOString(),
          project: { id: 'p1' },
          catalog: [{ type: 'compute', name: 'nova', endpoints: [{ interface: 'public', region_id: 'R1', url: `${base}/compute/` }] }],
        };
        setTimeout(() => res.writeHead(201, { 'x-subject-token': `tok-${issued}` }).end(JSON.stringify({ token })), 20);
        return;
      }
      const token = String(req.headers['x-auth-token']);
      if (revoked.has(token)) return void res.writeHead(401).end('{"error": {"message": "expired"}}');
      res.writeHead(200).end(JSON.stringify({ token }));
    });
  });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());
  const session = (renewBeforeMs?: number) =>
    new KeystoneSession({ authUrl: `${base}/v3`, credentials: { kind: 'password', username: 'u', projectName: 'p', password: async () => 'pw' }, renewBeforeMs, tokenCache: false });

  it('shares one authentication between concurrent callers', async () => {
    const s = session();
    const before = issued;
    const tokens = await Promise.all([s.getToken(), s.getToken(), s.getToken()]);
    expect(new Set(tokens.map((t) => t.value)).size).toBe(1);
    expect(issued - before).toBe(1);
    expect(tokens[0]!.projectId).toBe('p1');
  });

  it('renews the token before it expires', async () => {
    ttlMs = 1_000;
    const s = session(5_000);
    const first = await s.getToken();
    const second = await s.getToken();
    expect(second.value).not.toBe(first.value);
    ttlMs = 3_600_000;
  });

  it('re-authenticates once when a service answers 401', async () => {
    const s = session();
    const compute = new ServiceClient({ session: s, serviceType: 'compute', region: 'R1' });
    const first = await s.getToken();
    revoked.add(first.value);
    const res = await compute.call<{ token: string }>({ method: 'GET', path: '/servers' });
    expect(res.body.token).not.toBe(first.value);
    expect(await compute.endpoint()).toBe(`${base}/compute`);
  });

  it('shares a cached token between sessions with the same credentials only', async () => {
    const cache = new Map();
    const mk = (pw: string) => new KeystoneSession({ authUrl: `${base}/v3`, credentials: { kind: 'password', username: 'u', projectName: 'p', password: async () => pw }, tokenCache: cache });
    const a = await mk('pw').getToken();
    expect((await mk('pw').getToken()).value).toBe(a.value);
    expect((await mk('other').getToken()).value).not.toBe(a.value);
  });

  it('says which endpoint is missing from the catalogue', async () => {
    await expect(session().endpoint({ serviceType: 'volumev3', region: 'R1' })).rejects.toMatchObject({ status: 404, body: "no public endpoint for service type 'volumev3' in region 'R1'" });
  });

  it('builds password and application-credential requests', () => {
    expect(authRequestBody({ kind: 'password', username: 'u', projectName: 'p', password: async () => '' }, 's')).toEqual({
      auth: {
        identity: { methods: ['password'], password: { user: { name: 'u', domain: { name: 'Default' }, password: 's' } } },
        scope: { project: { name: 'p', domain: { name: 'Default' } } },
      },
    });
    expect(authRequestBody({ kind: 'application_credential', id: 'ac1', secret: async () => '' }, 's')).toEqual({
      auth: { identity: { methods: ['application_credential'], application_credential: { id: 'ac1', secret: 's' } } },
    });
    expect(authRequestBody({ kind: 'application_credential', name: 'n', username: 'u', secret: async () => '' }, 's')).toMatchObject({
      auth: { identity: { application_credential: { name: 'n', user: { name: 'u', domain: { name: 'Default' } } } } },
    });
    expect(parseCatalog([{ type: 'image', endpoints: [{ interface: 'public', region: 'R', url: 'http://g:9292/' }] }])).toEqual([
      { serviceType: 'image', serviceName: 'image', interface: 'public', region: 'R', url: 'http://g:9292' },
    ]);
  });
});
