import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './broker-fixtures/test-db';
import { ADMIN_TOKEN, startBrokerServer, until, type BrokerServer } from './broker-fixtures/broker-server';
import { demoCatalogue, expandJurisdictions } from '@accords/model';

// The sdk package's own process runner (the CLI bundled from source, run with node).
import { cliBundle, runCli } from '../../../packages/sdk/test/support/run-cli';

/** An entity as the server's application/json rendering carries it. */
type Entity = { id: string; kind: string; mixins: string[]; title?: string; attributes: Record<string, unknown>; location?: string };

// `accords` plan, deploy, status, offers and invoice as a real child process against the
// reference server with the broker on a sim fleet (its watch every 250 ms, so that usage is
// recorded and rated into an invoice within seconds).

const WEB_SHOP = fileURLToPath(new URL('../../../docs/examples/web-shop.yaml', import.meta.url));
let s: BrokerServer;
let env: Record<string, string>;
let deployed: { agreement: string; manifest: string } | undefined;

beforeAll(async () => {
  await cliBundle();
  s = await startBrokerServer({ databaseUrl: backends[0]!.freshUrl(), broker: { watchMs: 250 } });
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
    deployed = result;
    // Progress on stderr, one line per change (no terminal): every node ends running, web after 1/3 and 2/3.
    for (const node of ['web', 'db', 'cache', 'front \\(network\\)', 'back \\(network\\)']) expect(run.stderr).toMatch(new RegExp(`^${node}\\trunning\\t100%$`, 'm'));
    expect(run.stderr).toMatch(/^web\t[12]\/3 running\t(33|67)%$/m);
    expect(Object.values(result.nodes).every((state) => state === 'running')).toBe(true);

    const status = await accords('status', result.agreement);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('state\taccepted\n');
    expect(status.stdout).toContain('accords.agreement.phase\trunning\n');
    expect(status.stdout).toMatch(/^price per hour\t\d+\.\d{4} EUR$/m);
    // Every attribute of the agreement the server holds is shown (the plan as its summary rows).
    const entity = await s.json<Entity>(result.agreement);
    for (const name of Object.keys(entity.attributes).filter((n) => n !== 'accords.agreement.plan' && n !== 'occi.agreement.state')) expect(status.stdout).toMatch(new RegExp(`^${name.replace(/\./g, '\\.')}\t`, 'm'));
    expect(status.stdout).toContain(`accords.agreement.phase\t${String(entity.attributes['accords.agreement.phase'])}\n`);
    expect(status.stdout.match(/^node \S+\t\S+\/\S+ \S+$/gm)).toHaveLength(5);
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

  it('invoice: lists the invoice of the deployed agreement and shows its usage lines, as text and JSON', async () => {
    expect(deployed).toBeDefined();
    const held = (await s.json<Entity>(deployed!.agreement)).attributes;
    const contract = String(held['accords.agreement.contract'] ?? held['accords.agreement.contractId']).split('/').pop();
    // The broker's watch records running seconds and rates them into the month's draft invoice.
    const ofContract = (e: Entity) => ((e.attributes['accords.invoice.contractId'] ?? (e.attributes['accords.invoice.document'] as { contractId?: string } | undefined)?.contractId) === contract);
    const served = await until(async () => {
      const list = await s.json<{ resources?: Entity[] }>('/invoice/');
      const inv = list.resources?.find(ofContract);
      const lines = (inv?.attributes['accords.invoice.lines'] as { type: string; quantity: number }[] | undefined) ?? [];
      return inv && lines.filter((l) => l.type === 'usage' && l.quantity > 0).length === 5 ? inv : undefined;
    }, { what: 'an invoice with a usage line per instance', timeoutMs: 20_000 });
    const location = `/invoice/${served.id}`;

    const list = await accords('invoice');
    expect(list.code, list.stderr).toBe(0);
    const row = list.stdout.split('\n').map((l) => l.split('\t')).find((r) => r[0] === location);
    expect(row).toBeDefined();
    expect(row!.slice(1)).toEqual([expect.stringMatching(/^web-shop \d{4}-\d{2}$/), expect.stringMatching(/^\d{4}-\d{2}-01T00:00:00\.000Z – /), 'draft', expect.stringMatching(/^\d+$/), expect.stringMatching(/^\d+\.\d{2}$/), 'EUR']);
    expect(Number(row![4])).toBeGreaterThanOrEqual(5);

    const one = await accords('invoice', location);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toContain(`invoice\t${location}\n`);
    expect(one.stdout).toMatch(/^status\tdraft$/m);
    expect(one.stdout).toMatch(/^total\t\d+\.\d{2} EUR$/m);
    const lines = one.stdout.match(/^line \d+\tusage {2}(cache|db|web): \S+ at \S+, \d+ s {2}[\d.]+ hour × [\d.]+ = \d+\.\d{2}$/gm) ?? [];
    expect(lines.length).toBeGreaterThanOrEqual(5);

    for (const rendering of ['json', 'text']) {
      const json = await accords('invoice', location, '-o', 'json', '--rendering', rendering);
      expect(json.code, json.stderr).toBe(0);
      const doc = JSON.parse(json.stdout) as { location: string; currency: string; total: number; lines: { type: string; node?: string; quantity: number; unitPrice: number; amount: number; offerId: string }[] };
      expect(doc).toMatchObject({ location, currency: 'EUR', status: 'draft' });
      const usage = doc.lines.filter((l) => l.type === 'usage');
      expect(usage.length).toBeGreaterThanOrEqual(5);
      for (const l of usage) {
        expect(l.quantity).toBeGreaterThan(0);
        expect(l.amount).toBeCloseTo(Math.round(l.quantity * l.unitPrice * 100) / 100, 2);
      }
      expect(doc.total).toBeCloseTo(doc.lines.reduce((t, l) => t + l.amount, 0), 2);
    }
  });

  it('offers: compares the served offers by price for a shape and jurisdictions, as text and JSON', async () => {
    const served = (await s.json<{ resources: Entity[] }>('/offer/')).resources;
    const country = new Map(demoCatalogue().regions.map((r) => [r.id, r.country]));
    const eu = expandJurisdictions(['EU']);
    const fits = served.filter((o) => Number(o.attributes['accords.offer.vcpu']) >= 4 && Number(o.attributes['accords.offer.memoryGiB']) >= 8 && eu.has(country.get(String(o.attributes['accords.offer.regionId']))!));
    expect(fits.length).toBeGreaterThan(3);
    const cheapest = fits.map((o) => Number(o.attributes['accords.offer.pricePerHour'])).sort((a, b) => a - b);

    const text = await accords('offers', '--vcpu', '4', '--memory', '8', '-j', 'EU', '-n', '100', '--sort', 'price');
    expect(text.code, text.stderr).toBe(0);
    const rows = text.stdout.trim().split('\n').map((l) => l.split('\t'));
    expect(rows).toHaveLength(Math.min(fits.length, 100));
    for (const r of rows) {
      expect(eu.has(r[3]!)).toBe(true);
      expect(country.get(r[2]!)).toBe(r[3]);
      expect(Number(r[5])).toBeGreaterThanOrEqual(4);
      expect(Number(r[6])).toBeGreaterThanOrEqual(8);
    }
    const prices = rows.map((r) => Number(r[8]!.split(' ')[0]));
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(prices.slice(0, 5)).toEqual(cheapest.slice(0, 5).map((p) => Number(p.toFixed(4))));

    const json = await accords('offers', '--vcpu', '2', '--memory', '4', '-j', 'CH,NO', '-n', '3', '-o', 'json');
    expect(json.code, json.stderr).toBe(0);
    const top = JSON.parse(json.stdout) as { id: string; location: string; country: string; region: string; vcpu: number; pricePerHour: number; currency: string }[];
    expect(top).toHaveLength(3);
    for (const o of top) {
      expect(['CH', 'NO']).toContain(o.country);
      expect(o.location).toBe(`/offer/${o.id}`);
      const entity = served.find((e) => e.id === o.id)!;
      expect(o).toMatchObject({ region: entity.attributes['accords.offer.regionId'], vcpu: entity.attributes['accords.offer.vcpu'], pricePerHour: entity.attributes['accords.offer.pricePerHour'], currency: entity.attributes['accords.offer.currency'] });
    }
    expect(top.map((o) => o.pricePerHour)).toEqual([...top.map((o) => o.pricePerHour)].sort((a, b) => a - b));

    const region = await accords('offers', '--region', top[0]!.region, '-o', 'json');
    expect((JSON.parse(region.stdout) as { region: string }[]).every((o) => o.region === top[0]!.region)).toBe(true);

    // The server publishes its regions and each offer's carbon per hour: --sort carbon ranks by it.
    const carbon = await accords('offers', '--vcpu', '2', '-j', 'EU', '--sort', 'carbon', '-n', '100', '-o', 'json');
    expect(carbon.code, carbon.stderr).toBe(0);
    expect(carbon.stderr).not.toContain('no carbon figures');
    const byCarbon = JSON.parse(carbon.stdout) as { id: string; country: string; pricePerHour: number; carbonGPerHour?: number }[];
    expect(byCarbon.length).toBeGreaterThan(3);
    const grams = byCarbon.map((o) => o.carbonGPerHour!);
    for (const [i, o] of byCarbon.entries()) {
      expect(eu.has(o.country)).toBe(true);
      expect(typeof o.carbonGPerHour).toBe('number');
      expect(o.carbonGPerHour).toBeGreaterThan(0);
      if (i > 0) expect(grams[i]! > grams[i - 1]! || (grams[i] === grams[i - 1] && o.pricePerHour >= byCarbon[i - 1]!.pricePerHour)).toBe(true);
    }
    // Not the price order in disguise.
    const carbonPrices = byCarbon.map((o) => o.pricePerHour);
    expect(carbonPrices).not.toEqual([...carbonPrices].sort((a, b) => a - b));
    const table = await accords('offers', '--vcpu', '2', '-j', 'EU', '--sort', 'carbon', '-n', '5');
    const column = table.stdout.trim().split('\n').map((l) => Number(l.split('\t')[9]));
    expect(column).toHaveLength(5);
    expect(column.every((g) => g > 0)).toBe(true);
    expect(column).toEqual([...column].sort((a, b) => a - b));
  });

  it('offers: a jurisdiction no region is in lists nothing and says so; a bad --sort is a usage error', async () => {
    const none = await accords('offers', '-j', 'AQ');
    expect(none).toMatchObject({ code: 0, stdout: '' });
    expect(none.stderr).toMatch(/\d+ offer\(s\), none with that shape and jurisdiction/);
    expect((await accords('offers', '--sort', 'cheapest')).code).toBe(2);
  });

  it('status of an agreement that does not exist: exit 4', async () => {
    const run = await runCli(['status', '/agreement/00000000-0000-4000-8000-000000000000'], { env });
    expect(run.code).toBe(4);
  });
});
