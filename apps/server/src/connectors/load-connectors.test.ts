import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCatalogue } from '@accords/model';
import { describe, expect, it } from 'vitest';
import { loadConnectors, parseConnectorList } from './load-connectors';

const dir = mkdtempSync(join(tmpdir(), 'accords-connectors-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('parseConnectorList', () => {
  it('defaults to the simulated cloud', () => {
    expect(parseConnectorList(undefined)).toEqual([{ name: 'sim', index: 0 }]);
    expect(parseConnectorList('  ')).toEqual([{ name: 'sim', index: 0 }]);
  });

  it('reads names and configuration files in order', () => {
    expect(parseConnectorList('sim, occi=/etc/peer.json ,libvirt=lab.json')).toEqual([
      { name: 'sim', index: 0 },
      { name: 'occi', file: '/etc/peer.json', index: 1 },
      { name: 'libvirt', file: 'lab.json', index: 2 },
    ]);
  });

  it('names the entry that is wrong', () => {
    expect(() => parseConnectorList('sim,azure')).toThrow(/unknown connector "azure" in entry 2/);
    expect(() => parseConnectorList('openstack')).toThrow(/needs a configuration file/);
    expect(() => parseConnectorList('sim=')).toThrow(/names no configuration file/);
    try {
      parseConnectorList('sim,nope');
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid_configuration', location: { attribute: 'ACCORDS_CONNECTORS[1]' } });
    }
  });
});

describe('loadConnectors', () => {
  it('loads one simulated connector per sim provider of the demo catalogue', async () => {
    const connectors = await loadConnectors('sim');
    const simProviders = demoCatalogue().providers.filter((p) => p.connector === 'sim').map((p) => p.id);
    expect(connectors.map((c) => c.providerId)).toEqual(simProviders);
    const regions = await connectors[0]!.regions();
    expect(regions.length).toBeGreaterThan(0);
  });

  it('passes a configuration file to the connector and rejects a bad one with its cause', async () => {
    const good = file('sim.json', JSON.stringify({ seed: 7, policy: { timeoutMs: 5_000 } }));
    expect((await loadConnectors(`sim=${good}`)).length).toBeGreaterThan(0);
    await expect(loadConnectors(`sim=${join(dir, 'missing.json')}`)).rejects.toThrow(/cannot read the configuration/);
    const broken = file('broken.json', '{ "seed": ');
    await expect(loadConnectors(`sim=${broken}`)).rejects.toThrow(/not valid JSON/);
    const array = file('array.json', '[]');
    await expect(loadConnectors(`sim=${array}`)).rejects.toThrow(/must be a JSON object/);
    const badOpenStack = file('os.json', JSON.stringify({ providerId: 'lab' }));
    await expect(loadConnectors(`openstack=${badOpenStack}`)).rejects.toMatchObject({ code: 'invalid_configuration' });
  });

  it('refuses two connectors with the same provider id', async () => {
    await expect(loadConnectors('sim,sim')).rejects.toThrow(/already used by entry 1/);
  });
});
