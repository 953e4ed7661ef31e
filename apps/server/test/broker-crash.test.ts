import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './broker-fixtures/test-db';
import { spareChild, startChild } from './broker-fixtures/processes';
import type { Child } from './broker-fixtures/processes';
import { until } from './broker-fixtures/broker-server';

const TOKEN = 'crash-test-admin-token-0123456789';

/** 50 nodes: a database and 49 workers that depend on it (and get its address). */
const fifty = (name: string) => `apiVersion: accords.dev/v1
name: ${name}
nodes:
  - name: db
    cores: 2
    memoryGiB: 4
    image: ubuntu-24.04
  - name: worker
    cores: 1
    memoryGiB: 2
    image: ubuntu-24.04
    count: { initial: 49 }
    userData: "DB=\${nodes.db.address}"
relations:
  - { from: worker, to: db, type: depends-on }
terms:
  price: { currency: EUR }
`;

type SimInfo = { providers: { providerId: string; url: string }[]; stats: string };
type ServerInfo = { url: string; pid: number };
type Entity = { attributes: Record<string, unknown> };

async function api(base: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(base + path, { ...init, headers: { authorization: `Bearer ${TOKEN}`, accept: 'application/json', ...(init.headers as Record<string, string>) } });
}

async function providerResources(sim: SimInfo, prefix: string): Promise<{ id: string; kind: string; state: string; name: string; idempotencyKey?: string }[]> {
  const lists = await Promise.all(sim.providers.map(async (p) => {
    const res = await fetch(`${p.url}/call/list`, { method: 'POST', body: '{"args":[]}', headers: { 'content-type': 'application/json' } });
    return ((await res.json()) as { value: { id: string; kind: string; state: string; name: string; idempotencyKey?: string }[] }).value;
  }));
  return lists.flat().filter((r) => r.name.startsWith(`${prefix}-`));
}

async function submitAndAccept(base: string, name: string): Promise<string> {
  const res = await api(base, '/manifest/', { method: 'POST', body: fifty(name), headers: { 'content-type': 'application/yaml' } });
  expect(res.status, await res.clone().text()).toBe(201);
  const manifest = (await (await api(base, new URL(res.headers.get('location')!).pathname)).json()) as Entity;
  const agreement = manifest.attributes['accords.manifest.agreement'] as string;
  const acc = await api(base, `${agreement}?action=accept`, { method: 'POST' });
  expect(acc.status, await acc.clone().text()).toBe(200);
  return agreement;
}

async function phase(base: string, agreement: string): Promise<string> {
  const a = (await (await api(base, agreement)).json()) as Entity;
  if (a.attributes['accords.agreement.phase'] === 'failed') throw new Error(`failed: ${String(a.attributes['accords.agreement.reason'])}`);
  return String(a.attributes['accords.agreement.phase']);
}

async function checkExactlyOnce(input: { base: string; agreement: string; sim: SimInfo; name: string }): Promise<void> {
  const at = await providerResources(input.sim, input.name);
  const computes = at.filter((r) => r.kind === 'compute');
  expect(computes).toHaveLength(50);
  expect(computes.every((r) => r.state === 'active')).toBe(true);
  expect(new Set(at.map((r) => r.idempotencyKey)).size).toBe(at.length);
  const links = (await (await api(input.base, '/agreement_link/')).json()) as { links?: { source: { location: string }; target: { location: string } }[] };
  const mine = (links.links ?? []).filter((l) => l.target.location.endsWith(input.agreement) && l.source.location.startsWith('/compute/'));
  expect(mine).toHaveLength(50);
  const known = new Set<string>();
  for (const l of mine) {
    const c = (await (await api(input.base, l.source.location)).json()) as Entity;
    known.add(String(c.attributes['accords.resource.providerResourceId']));
  }
  // every provider resource is one the broker knows: nothing orphaned, nothing twice
  expect(new Set(computes.map((r) => r.id))).toEqual(known);
}

describe.each(backends)('crash safety on $name', (backend) => {
  let sim: Child<SimInfo>;
  const servers: { kill(): Promise<void> }[] = [];
  beforeAll(async () => {
    sim = await startChild<SimInfo>('sim-host.ts', { SIM_OPTIONS: JSON.stringify({ delays: { provisionMs: { compute: 150 } } }) });
  }, 60_000);
  afterEach(async () => {
    for (const c of servers.splice(0)) await c.kill();
  });
  afterAll(async () => {
    await sim?.kill();
  });

  it.each([
    { faults: 'off', set: {} },
    { faults: 'on', set: { errorRate: 0.1, lostReplyRate: 0.05, throttleRate: 0.05, retryAfterMs: 20, operations: ['create', 'get', 'delete'] } },
  ])('SIGKILL mid-provisioning of 50 nodes, restart: each node runs exactly once (faults $faults)', async ({ faults, set }) => {
    const name = `crash-${faults}`;
    await fetch(`${sim.info.stats}/faults`, { method: 'POST', body: JSON.stringify(set) });
    const env = { DATABASE_URL: backend.freshUrl(), PROVIDERS: JSON.stringify(sim.info.providers), ADMIN_TOKEN: TOKEN, LEASE_MS: '1500', CONCURRENCY: '6' };
    // Both processes load in parallel; the second waits, loaded, until the first is killed.
    const [first, spare] = await Promise.all([startChild<ServerInfo>('server-main.ts', env), spareChild<ServerInfo>('server-main.ts', env)]);
    servers.push(first, spare);
    const agreement = await submitAndAccept(first.info.url, name);
    await until(async () => ((await providerResources(sim.info, name)).filter((r) => r.kind === 'compute').length >= 8 ? true : undefined), { what: 'provisioning to be under way', timeoutMs: 60_000 });
    await first.kill();
    const made = (await providerResources(sim.info, name)).filter((r) => r.kind === 'compute').length;
    expect(made).toBeLessThan(50);

    const second = await spare.go();
    await until(async () => ((await phase(second.info.url, agreement)) === 'running' ? true : undefined), { what: 'the agreement to run after the restart', timeoutMs: 90_000 });
    await checkExactlyOnce({ base: second.info.url, agreement, sim: sim.info, name });
  }, 180_000);
});
