import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/index';
// The sdk package's own process runner (the CLI bundled from source, run with node).
import { cliBundle, runCli } from '../../../packages/sdk/test/support/run-cli';
import { closedPort } from '../../../packages/sdk/test/support/listen';

// `accords` as a real child process against the real reference server: every OCCI verb, the
// three output modes, and the mistakes users make.

const ADMIN = 'cli-test-admin-token-0123456789abcdef';
const fixture = (name: string): string => fileURLToPath(new URL(`../../../packages/sdk/test/fixtures/${name}`, import.meta.url));
let server: RunningServer;
let env: Record<string, string>;

beforeAll(async () => {
  await cliBundle();
  server = await startServer({ databaseUrl: 'sqlite::memory:', port: 0, adminToken: ADMIN, logLevel: 'silent' });
  env = { ACCORDS_URL: server.url, ACCORDS_TOKEN: ADMIN };
});
afterAll(async () => {
  await server?.close();
});

const accords = (...args: string[]) => runCli(args, { env });
const json = async <T = Record<string, unknown>>(...args: string[]): Promise<T> => {
  const run = await accords(...args, '-o', 'json');
  expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(run.stdout) as T;
};

describe('accords against the reference server', () => {
  it('model: the query interface as text, JSON and a table', async () => {
    const text = await accords('model', '--kinds');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('kind\tcompute\thttp://schemas.ogf.org/occi/infrastructure#\t/compute/\tCompute Resource\n');
    const model = await json<{ kinds: { term: string }[]; mixins: unknown[]; actions: unknown[] }>('model', '--kinds');
    expect(model.kinds.map((k) => k.term)).toContain('storagelink');
    expect(model.mixins).toEqual([]);
    const table = await accords('model', 'tpl', '--mixins', '-o', 'table');
    expect(table.stdout.split('\n')[0]).toMatch(/^CLASS\s+TERM\s+SCHEME\s+LOCATION\s+TITLE$/);
    expect(table.stdout, table.stdout).toMatch(/^mixin\s+debian_12\s+http:\/\/schemas\.accords\.dev\/occi\/os_tpl#\s+\S+\s+Debian 12/m);
  });

  it('create, describe, update, trigger, list and delete a compute', async () => {
    const created = await accords('create', 'compute', '-a', 'occi.compute.cores=2', '-a', 'occi.compute.hostname=007', '-t', 'debian_12', '-t', 'small', '--title', 'web-1');
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const vm = created.stdout.trim();
    expect(vm).toMatch(/^\/compute\/[0-9a-f-]{36}$/);

    const described = await json<{ title: string; mixins: string[]; attributes: Record<string, unknown> }>('describe', vm);
    expect(described.title).toBe('web-1');
    expect(described.mixins).toHaveLength(2);
    // The server says hostname is a string: "007" stays "007".
    expect(described.attributes).toMatchObject({ 'occi.compute.cores': 2, 'occi.compute.hostname': '007', 'occi.compute.state': 'inactive' });
    const asText = await accords('describe', vm);
    expect(asText.stdout).toContain('occi.compute.state\tinactive\n');

    expect((await json('update', vm, '-a', 'occi.compute.memory=8')).attributes).toMatchObject({ 'occi.compute.memory': 8, 'occi.compute.cores': 2 });
    expect((await json('update', vm, '--replace', '-a', 'occi.compute.cores=4')).attributes).toMatchObject({ 'occi.compute.memory': 8, 'occi.compute.cores': 4 });

    expect(await accords('trigger', vm, 'start')).toMatchObject({ code: 0, stdout: `start ${vm}\n` });
    const twice = await accords('trigger', vm, 'start');
    expect(twice.code).toBe(6);
    expect(twice.stderr).toMatch(/^accords: .*not legal in state "active".* \[HTTP 409 invalid_state\]\n$/);

    const listed = await accords('list', 'compute', '-f', 'occi.compute.state=active');
    expect(listed.stdout).toBe(`${vm}\tcompute\tweb-1\tactive\tdebian_12,small\n`);
    const table = await accords('list', 'compute', '-o', 'table');
    expect(table.stdout.split('\n')[0]).toMatch(/^LOCATION\s+KIND\s+TITLE\s+STATE\s+MIXINS$/);
    expect((await json<unknown[]>('list', 'compute'))).toHaveLength(1);
    expect((await accords('list', 'compute', '-q')).stdout).toBe(`${vm}\n`);

    expect(await accords('delete', vm)).toMatchObject({ code: 0, stdout: `deleted ${vm}\n` });
    const gone = await accords('describe', vm);
    expect(gone).toMatchObject({ code: 4, stdout: '' });
    expect(gone.stderr).toContain('[HTTP 404 not_found]');
  });

  it('create with an inline link, and link two resources', async () => {
    const disk = (await accords('create', 'storage', '-a', 'occi.storage.size=10')).stdout.trim();
    const vm = await json<{ location: string; links: { kind: string; target: { location: string } }[] }>('create', 'compute', '--link', `${disk},kind=storagelink,occi.storagelink.deviceid=vda`);
    expect(vm.links.map((l) => [l.kind, l.target.location])).toEqual([['http://schemas.ogf.org/occi/infrastructure#storagelink', disk]]);
    const other = (await accords('create', 'compute')).stdout.trim();
    const link = await accords('link', other, disk, '-k', 'storagelink', '-a', 'occi.storagelink.deviceid=vdb');
    expect(link.stdout).toMatch(/^\/storagelink\/[0-9a-f-]{36}\n$/);
    const described = await json<{ source: { location: string }; target: { location: string } }>('describe', link.stdout.trim());
    expect([described.source.location, described.target.location]).toEqual([other, disk]);
    expect((await accords('delete', '--all', 'compute')).stdout).toBe('deleted all compute\n');
  });

  it('mixin create, associate, members, dissociate and delete', async () => {
    const vm = (await accords('create', 'compute')).stdout.trim();
    expect(await accords('mixin', 'create', 'https://example.org/tags#prod', '--title', 'Production')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^https:\/\/example\.org\/tags#prod at \//) });
    expect((await accords('mixin', 'associate', 'prod', vm)).stdout).toBe(`associated ${vm}\n`);
    expect((await accords('mixin', 'members', 'prod')).stdout).toBe(`${vm}\n`);
    expect(await json('mixin', 'dissociate', 'prod', vm)).toEqual({ mixin: 'prod', dissociated: [vm] });
    expect((await accords('mixin', 'members', 'prod')).stdout).toBe('');
    expect((await accords('mixin', 'delete', 'prod')).code).toBe(0);
    const provider = await accords('mixin', 'delete', 'os_tpl');
    expect(provider.code).toBe(5);
    expect(provider.stderr).toContain('[HTTP 403 forbidden]');
  });

  it('--help on every command, with examples', async () => {
    for (const command of [[], ['model'], ['list'], ['describe'], ['create'], ['update'], ['delete'], ['trigger'], ['link'], ['mixin'], ['mixin', 'create'], ['plan'], ['deploy'], ['status'], ['offers'], ['invoice']]) {
      const run = await accords(...command, '--help');
      expect(run.code, command.join(' ')).toBe(0);
      expect(run.stdout, command.join(' ')).toMatch(/^Usage: accords/);
      if (!['describe', 'status', 'mixin delete'].includes(command.join(' '))) expect(run.stdout, command.join(' ')).toContain('Examples:\n  $ accords');
    }
  });
});

describe('accords: the mistakes users make', () => {
  it('a wrong URL: exit 9 and one line saying what to check', async () => {
    const port = await closedPort();
    const run = await runCli(['list', 'compute', '--retries', '0'], { env: { ACCORDS_URL: `http://127.0.0.1:${port}`, ACCORDS_TOKEN: ADMIN } });
    expect(run).toMatchObject({ code: 9, stdout: '', stderr: `accords: cannot reach http://127.0.0.1:${port} (ECONNREFUSED) (is the server running? set it with --url or ACCORDS_URL)\n` });
    const notUrl = await runCli(['list', 'compute', '--url', 'localhost:8080'], { env: {} });
    expect(notUrl).toMatchObject({ code: 3, stderr: expect.stringContaining('not a URL: "localhost:8080"') });
  });

  it('a bad token: exit 5', async () => {
    const run = await runCli(['list', 'compute', '--token', 'wrong'], { env: { ACCORDS_URL: server.url } });
    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(/^accords: .*\[HTTP 401 unauthorized\] \(check --token, ACCORDS_TOKEN or the config file\)\n$/);
  });

  it('with --verbose, the request, its id and the cause', async () => {
    const run = await accords('describe', '/compute/00000000-0000-4000-8000-000000000000', '-v');
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/\n {2}request: GET http:\/\/127\.0\.0\.1:\d+\/compute\/0{8}-0{4}-4000-8000-0{12}\n {2}request id: [0-9a-f-]{36}\n {2}code: not_found, HTTP 404\n/);
  });

  it('a value of the wrong type, an unknown kind, a typo in a command', async () => {
    const wrongType = await accords('create', 'compute', '-a', 'occi.compute.cores=two');
    expect(wrongType).toMatchObject({ code: 3, stderr: 'accords: occi.compute.cores must be an integer, got "two"\n' });
    const unknown = await accords('create', 'compte');
    expect(unknown).toMatchObject({ code: 3, stderr: 'accords: the server has no kind "compte" (did you mean compute?)\n' });
    const typo = await accords('lst', 'compute');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("unknown command 'lst'");
    expect((await accords('list', 'compute', '-o', 'yaml')).code).toBe(2);
  });

  it('a manifest with a mistake: exit 3 with file, line and column, nothing sent', async () => {
    const run = await accords('plan', fixture('broken.yaml'));
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^accords: \S*broken\.yaml:5:\d+: Expected a number, found a string\. \(\/nodes\/0\/cores\)\n$/);
  });
});
