/**
 * Broker benchmark cases: submit-to-running time of a manifest of N nodes on the sim fleet with zero
 * provisioning delay (the broker's own overhead: HTTP, planning, the durable job queue, OCCI
 * entities, links), beside the time the scheduler alone takes to plan the same manifest.
 * Each case runs after three whole 10-node warm-up runs (steady state, not the first request's
 * compilation). `cpu_per_node_ms` is this process's CPU time (server included) per node: steadier
 * than wall time on a shared machine.
 * Prints one JSON line per case. `bench/run.ts` calls {@link brokerCases}; alone:
 * `node --import tsx --conditions=@accords/source bench/broker-submit.ts`
 * (ACCORDS_BENCH_DATABASE_URL selects the database, default a fresh sqlite file;
 * ACCORDS_BENCH_SIZES the node counts, default 10,100,1000).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimFleet } from '@accords/connector-sim';
import { demoCatalogue, demoSignals, parseManifest } from '@accords/model';
import { startServer } from '../src/server';
import { createBrokerPlugin, planManifest, readSupply } from '../src/broker';

const TOKEN = 'bench-admin-token-0123456789abcdef';
/** Whole 10-node runs before each timed case. */
const WARM_UP_RUNS = 3;
const sizes = (process.env.ACCORDS_BENCH_SIZES ?? '10,100,1000').split(',').map(Number);

const manifestOf = (n: number) => `apiVersion: accords.dev/v1
name: bench-${n}
nodes:
  - { name: app, cores: 1, memoryGiB: 2, image: ubuntu-24.04, count: { initial: ${n} } }
terms: { price: { currency: EUR } }
`;

const headers = { authorization: `Bearer ${TOKEN}`, accept: 'application/json' };

/**
 * Submits a manifest, accepts its agreement and waits until the agreement's phase is running.
 * @param run - the server's URL, the broker plugin and the manifest text
 * @returns the submit time (POST and reading the manifest back) and the accept time, in ms
 */
async function submitToRunning(run: { server: string; broker: ReturnType<typeof createBrokerPlugin>; text: string }): Promise<{ submitMs: number; acceptMs: number }> {
  const t0 = performance.now();
  const res = await fetch(`${run.server}/manifest/`, { method: 'POST', body: run.text, headers: { ...headers, 'content-type': 'application/yaml' } });
  if (res.status !== 201) throw new Error(`submit: ${res.status} ${await res.text()}`);
  const loc = new URL(res.headers.get('location')!).pathname;
  const m = (await (await fetch(run.server + loc, { headers })).json()) as { attributes: Record<string, string> };
  const agreement = m.attributes['accords.manifest.agreement']!;
  const submitMs = performance.now() - t0;
  const acc = await fetch(`${run.server}${agreement}?action=accept`, { method: 'POST', headers });
  if (acc.status !== 200) throw new Error(`accept: ${acc.status} ${await acc.text()}`);
  const acceptMs = performance.now() - t0 - submitMs;
  for (;;) {
    const rows = await run.broker.runtime.db!.query<{ phase: string }>(`SELECT phase FROM accords_broker_agreement WHERE id = ?`, [agreement.split('/').pop()]);
    if (rows[0]?.phase === 'running') break;
    if (rows[0]?.phase === 'failed') {
      const why = await run.broker.runtime.db!.query<{ error: string }>(`SELECT error FROM accords_broker_resource WHERE agreement_id = ? AND error IS NOT NULL LIMIT 1`, [agreement.split('/').pop()]);
      throw new Error(`provisioning failed: ${why[0]?.error ?? 'no resource error recorded'}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  return { submitMs, acceptMs };
}

/** Runs the submit-to-running cases, one JSON line each. */
export async function brokerCases(): Promise<void> {
  for (const n of sizes) {
    const url = process.env.ACCORDS_BENCH_DATABASE_URL ?? `sqlite:${join(mkdtempSync(join(tmpdir(), 'accords-bench-')), 'db.sqlite')}`;
    const fleet = createSimFleet({ regionCapacity: 100_000, offerCapacity: 100_000 });
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const signals = demoSignals({ from, hours: 72 });
    const broker = createBrokerPlugin({ connectors: fleet, catalogue: demoCatalogue, signals: () => signals, providerPollMs: 1, watchMs: 0, jobs: { concurrency: 32, pollMs: 20 } });
    const server = await startServer({ databaseUrl: url, port: 0, adminToken: TOKEN, logLevel: 'silent', plugins: [broker] });
    // Experiment switch: what sqlite's `synchronous = NORMAL` (WAL: no fsync per commit, still
    // safe against a process crash) would change; the server decides its own setting.
    if (process.env.ACCORDS_BENCH_SQLITE_SYNC_NORMAL === '1' && url.startsWith('sqlite')) await broker.runtime.db!.dataSource.query('PRAGMA synchronous = NORMAL');
    const text = manifestOf(n);
    // scheduler alone, same manifest and supply (warm: parsed and planned once before timing)
    const supply = await readSupply({ connectors: fleet, catalogue: demoCatalogue, signals: () => signals });
    const manifest = parseManifest(text);
    planManifest({ manifest, supply, now: Date.now() });
    const s0 = performance.now();
    const plan = planManifest({ manifest, supply, now: Date.now() });
    const schedulerMs = performance.now() - s0;
    if (plan.unplaced.length > 0) throw new Error(`bench manifest not placeable: ${plan.unplaced[0]!.reason}`);

    // Warm-up outside the timing: whole small runs (submit, accept, provision), so the figures are
    // a running server's cost per node, not the first requests' compilation and JIT warm-up.
    for (let i = 0; i < WARM_UP_RUNS; i++) await submitToRunning({ server: server.url, broker, text: manifestOf(10) });
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const { submitMs, acceptMs } = await submitToRunning({ server: server.url, broker, text });
    const totalMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const db = url.startsWith('sqlite') ? 'sqlite' : 'postgres';
    process.stdout.write(`${JSON.stringify({
      case: `broker-submit-to-running-${n}`, n_nodes: n, database: db, total_ms: Math.round(totalMs), submit_ms: Math.round(submitMs),
      accept_ms: Math.round(acceptMs), scheduler_ms: Math.round(schedulerMs * 100) / 100,
      broker_overhead_per_node_ms: Math.round(((totalMs - schedulerMs) / n) * 100) / 100,
      cpu_per_node_ms: Math.round(((cpu.user + cpu.system) / 1000 / n) * 100) / 100, baseline: 'scheduler_ms: planning the same manifest alone',
    })}\n`);
    await server.close();
  }
}

