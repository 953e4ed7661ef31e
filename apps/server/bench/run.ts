/**
 * `npm run bench -w @accords/server`: one JSON line per case, each beside a bare express route
 * returning the same bytes in the same run. The broker adds its cases in `broker-cases.ts`
 * (import it below and append to CASE_GROUPS).
 *
 * Run some cases only by naming them: `npm run bench -w @accords/server -- get-entity`
 * (or `BENCH_CASE=get-entity,post-create`); the data every case needs is still set up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../src/index';
import { bareServer, measure } from './measure';
import type { Target } from './measure';
import { brokerCases } from './broker-cases';
import { serverCases } from './server-cases';
import type { BenchContext } from './server-cases';



const ADMIN = 'bench-admin-token-0123456789';

/** The cases asked for (all when none is named). */
const SELECTED = new Set([...process.argv.slice(2), ...(process.env.BENCH_CASE ?? '').split(',')].map((n) => n.trim()).filter((n) => n !== ''));
const seen = new Set<string>();

/** Groups of cases; each returns the JSON lines it measured. */
const CASE_GROUPS: Array<(ctx: BenchContext) => Promise<void>> = [
  serverCases,
  // Submit-to-running for 10, 100 and 1,000 nodes (case name `broker`).
  async () => {
    seen.add('broker');
    if (SELECTED.size === 0 || SELECTED.has('broker')) await brokerCases();
  },
];

async function compare(ctx: BenchContext, name: string, target: Target): Promise<void> {
  seen.add(name);
  if (SELECTED.size > 0 && !SELECTED.has(name)) return;
  const sample = await fetch(ctx.url + target.path, { method: target.method, headers: target.headers, ...(target.body ? { body: target.body } : {}) });
  const body = await sample.text();
  if (sample.status >= 300) throw new Error(`${name}: ${sample.status} ${body}`);
  const bare = await bareServer({ status: sample.status, contentType: sample.headers.get('content-type') ?? 'text/plain', body });
  try {
    const server = await measure(ctx.url, target);
    const baseline = await measure(bare.url, target);
    const line = {
      case: name,
      database: ctx.database,
      bytes: Buffer.byteLength(body),
      server,
      bare: baseline,
      ratio: Number((server.requestsPerSecond / Math.max(1, baseline.requestsPerSecond)).toFixed(3)),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } finally {
    await bare.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'accords-bench-'));
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? `sqlite:${join(dir, 'bench.sqlite')}`;
  const server = await startServer({ databaseUrl, port: 0, adminToken: ADMIN, logLevel: 'silent' });
  const ctx: BenchContext = { url: server.url, token: ADMIN, database: databaseUrl.split(':')[0]!, compare: (name, target) => compare(ctx, name, target) };
  try {
    for (const group of CASE_GROUPS) await group(ctx);
    const unknown = [...SELECTED].filter((n) => !seen.has(n));
    if (unknown.length > 0) throw new Error(`no bench case named ${unknown.join(', ')}; the cases are ${[...seen].join(', ')}`);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
