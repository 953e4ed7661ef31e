import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './broker-fixtures/test-db';
import { ADMIN_TOKEN, startBrokerServer, type BrokerServer } from './broker-fixtures/broker-server';
// The sdk package's own process runner (the CLI bundled from source, run with node).
import { cliBundle, runCli } from '../../../packages/sdk/test/support/run-cli';

// `accords` plan, deploy, status and invoice as a real child process against the reference
// server with the broker on a sim fleet.

const WEB_SHOP = fileURLToPath(new URL('../../../docs/examples/web-shop.yaml', import.meta.url));
let s: BrokerServer;
let env: Record<string, string>;

beforeAll(async () => {
  await cliBundle();
  s = await startBrokerServer({ databaseUrl: backends[0]!.freshUrl() });
  env = { ACCORDS_URL: s.url, ACCORDS_TOKEN: ADMIN_TOKEN };
});
afterAll(async () => {
  await s?.close();
});

const accords = (...args: string[]) => runCli(args, { env });

describe('accords broker verbs against the reference broker', () => {
  it('plan: one row per instance with price, carbon and reason, as text and JSON', async () => {
    const text = await accords('plan', WEB_SHOP);
    expect(text.code, text.stderr).toBe(0);
    const rows = text.stdout.trim().split('\n').map((l) => l.split('\t'));
    expect(rows.map((r) => r[0]!.replace(/#\d+$/, '')).sort()).toEqual(['cache', 'db', 'web', 'web', 'web']);
    for (const r of rows) {
      expect(r).toHaveLength(8);
      expect(r[4]).toMatch(/^\d+\.\d{4} EUR$/);
      expect(r[7]!.length).toBeGreaterThan(10);
    }
    expect(text.stderr).toMatch(/^total: \d+\.\d{4} EUR per hour, [\d.]+ gCO2e per hour, 5 instance\(s\)\n$/);
    const json = await accords('plan', WEB_SHOP, '-o', 'json');
    expect(JSON.parse(json.stdout)).toMatchObject({ plan: { currency: 'EUR', unplaced: [] } });
    const table = await accords('plan', WEB_SHOP, '-o', 'table');
    expect(table.stdout.split('\n')[0]).toMatch(/^NODE\s+PROVIDER\s+REGION\s+OFFER\s+PRICE\/H\s+gCO2e\/H\s+SCORE\s+REASON$/);
  });

  it('deploy --yes: follows every node until the service runs; status shows it', async () => {
    const run = await accords('deploy', WEB_SHOP, '--yes', '-o', 'json');
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { agreement: string; manifest: string; state: string; nodes: Record<string, string> };
    expect(result.state).toBe('running');
    expect(result.nodes).toMatchObject({ web: 'running', db: 'running', cache: 'running' });
    expect(run.stderr).toMatch(/^web\trunning\t100%$/m);

    const status = await accords('status', result.agreement);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('state\taccepted\n');
    expect(status.stdout).toContain('accords.agreement.phase\trunning\n');
    expect(status.stdout).toMatch(/^price per hour\t\d+\.\d{4} EUR$/m);
    const byManifest = JSON.parse((await accords('status', result.manifest, '-o', 'json')).stdout) as { location: string; state: string };
    expect(byManifest).toMatchObject({ location: result.agreement, state: 'accepted' });
  });

  it('deploy without --yes and without a terminal refuses, sending nothing', async () => {
    const run = await accords('deploy', WEB_SHOP);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('add --yes');
  });

  it('deploy --no-wait returns once the plan is accepted', async () => {
    const run = await accords('deploy', WEB_SHOP, '--yes', '--no-wait');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\/agreement\/[0-9a-f-]{36}\n$/);
    expect(run.stderr).toMatch(/^NODE\tPROVIDER|^cache\t/m);
  });

  it('invoice lists the invoices (none before a billing period closes)', async () => {
    const run = await accords('invoice', '-o', 'json');
    expect(run.code, run.stderr).toBe(0);
    expect(Array.isArray(JSON.parse(run.stdout))).toBe(true);
  });

  it('status of an agreement that does not exist: exit 4', async () => {
    const run = await runCli(['status', '/agreement/00000000-0000-4000-8000-000000000000'], { env });
    expect(run.code).toBe(4);
  });
});
