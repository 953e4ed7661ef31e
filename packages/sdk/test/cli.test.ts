import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBundle, runCli } from './support/run-cli';
import { startTextOcciServer, type TextOcciServer } from './support/text-occi-server';

// `accords` as a real process against the text-only test server and its mini broker.

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
let server: TextOcciServer;
let env: Record<string, string>;

beforeAll(async () => {
  await cliBundle();
  server = await startTextOcciServer({ token: 'cli-token', broker: true });
  env = { ACCORDS_URL: server.url, ACCORDS_TOKEN: 'cli-token', ACCORDS_RENDERING: 'text' };
});
afterAll(async () => {
  await server.close();
});

describe('accords against a text-only OCCI server', () => {
  it('creates, describes, acts on and deletes a compute, in text and JSON output', async () => {
    const created = await runCli(['--rendering', 'text', 'create', 'compute', '-a', 'occi.compute.cores=2', '-t', 'debian', '--title', 'web-1'], { env });
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const location = created.stdout.trim();
    expect(location).toMatch(/^\/compute\/\d{4}$/);

    const described = await runCli(['--rendering', 'text', 'describe', location, '-o', 'json'], { env });
    expect(described.code).toBe(0);
    expect(JSON.parse(described.stdout)).toMatchObject({ title: 'web-1', mixins: ['http://example.org/os#debian'], attributes: { 'occi.compute.cores': 2, 'occi.compute.state': 'inactive' } });

    expect((await runCli(['--rendering', 'text', 'trigger', location, 'start'], { env })).code).toBe(0);
    const again = await runCli(['--rendering', 'text', 'trigger', location, 'start'], { env });
    expect(again).toMatchObject({ code: 6, stdout: '' });
    expect(again.stderr).toBe('accords: start is not applicable in state active [HTTP 409 conflict]\n');

    const listed = await runCli(['--rendering', 'text', 'list', 'compute'], { env });
    expect(listed, listed.stderr).toMatchObject({ code: 0, stderr: '' });
    expect(listed.stdout).toContain(`${location}\tcompute\tweb-1\tactive\tdebian\n`);

    expect((await runCli(['--rendering', 'text', 'delete', location], { env })).stdout).toBe(`deleted ${location}\n`);
    expect((await runCli(['--rendering', 'text', 'describe', location], { env })).code).toBe(4);
  });

  it('plans a manifest: a table of placements with price, carbon and reason', async () => {
    const run = await runCli(['plan', fixture('two-tier.yaml'), '-o', 'text'], { env });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('web\tsim\tfr-par\tsim-fr-small\t0.0500 EUR\t3.1\t0.820\tcheapest low-carbon offer in the EU');
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(3);
    expect(run.stderr).toContain('total: 0.1500 EUR per hour, 9.3 gCO2e per hour, 3 instance(s)');
  });

  it('stops a manifest with a mistake before sending it, naming file, line and column', async () => {
    const before = server.log.length;
    const run = await runCli(['deploy', fixture('broken.yaml'), '--yes'], { env });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^accords: \S*broken\.yaml:5:\d+: Expected a number, found a string\. \(\/nodes\/0\/cores\)\n$/);
    expect(server.log.length).toBe(before);
  });

  it('deploys with --yes, following every node until it runs', async () => {
    const run = await runCli(['deploy', fixture('two-tier.yaml'), '--yes', '-o', 'json'], { env });
    expect(run.stderr).toContain('db\trunning\t100%');
    expect(run.stderr).toContain('web\t1/2 running\t70%');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { agreement: string; state: string; nodes: Record<string, string> };
    expect(result).toMatchObject({ state: 'running', nodes: { web: 'running', db: 'running' } });
    const status = await runCli(['status', result.agreement, '-o', 'json'], { env });
    expect(status.stderr).toBe('');
    expect(JSON.parse(status.stdout)).toMatchObject({ state: 'accepted', plan: { currency: 'EUR', decisions: [{ node: 'web' }, { node: 'web' }, { node: 'db' }] } });
  });

  it('refuses to deploy without --yes when nobody can confirm', async () => {
    const run = await runCli(['deploy', fixture('two-tier.yaml')], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('add --yes to accept it');
  });

  it('compares offers by price and carbon for a shape and jurisdictions', async () => {
    const run = await runCli(['offers', '--vcpu', '2', '-j', 'EU', '--sort', 'carbon', '-o', 'json'], { env });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { id: string }[]).map((o) => o.id)).toEqual(['sim-fr-small', 'sim-de-large', 'sim-pl-small']);
    const cheap = await runCli(['offers', '--vcpu', '8', '--sort', 'price', '-o', 'text'], { env });
    expect(cheap.stdout.split('\n')[0]).toMatch(/^sim-us-large\tsim\tus-east\tUS\tl8\t8\t32\t\t0\.2000 USD\t60\.0\tspot$/);
  });

  it('lists invoices', async () => {
    const run = await runCli(['invoice', '-o', 'text'], { env });
    expect(run.stdout).toMatch(/^\/invoice\/\d{4}\t\t2026-10-01 – 2026-10-31\tissued\t0\t12\.50\tEUR\n$/);
  });

  it('reads the server and token from a config file profile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'accords-cli-config-'));
    const file = join(dir, 'config.yaml');
    writeFileSync(file, `rendering: text\nprofiles:\n  test:\n    url: ${server.url}\n    token: cli-token\n`);
    const run = await runCli(['model', '--kinds', '-o', 'text', '--profile', 'test'], { env: { ACCORDS_CONFIG: file } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('kind\tcompute\thttp://schemas.ogf.org/occi/infrastructure#\t/compute/\tCompute Resource\n');
  });
});

describe('accords when a deployment goes wrong', () => {
  it('exits 10 when a node fails, saying which and why', async () => {
    const failing = await startTextOcciServer({ broker: { failNode: 'db' } });
    try {
      const run = await runCli(['deploy', fixture('two-tier.yaml'), '--yes'], { env: { ACCORDS_URL: failing.url, ACCORDS_RENDERING: 'text' } });
      expect(run.code).toBe(10);
      expect(run.stderr).toContain('accords: deployment failed: db failed: the provider ran out of capacity');
    } finally {
      await failing.close();
    }
  });

  it('exits 10 and rejects the agreement when a node cannot be placed', async () => {
    const partial = await startTextOcciServer({ broker: { unplacedNode: 'db' } });
    try {
      const run = await runCli(['deploy', fixture('two-tier.yaml'), '--yes'], { env: { ACCORDS_URL: partial.url, ACCORDS_RENDERING: 'text' } });
      expect(run.code).toBe(10);
      expect(run.stderr).toContain('1 node(s) cannot be placed: db (no offer with 64 GPUs)');
      const agreement = [...partial.entities.values()].find((e) => e.kind.endsWith('#agreement'));
      expect(agreement?.attributes['occi.agreement.state']).toBe('rejected');
    } finally {
      await partial.close();
    }
  });
});
