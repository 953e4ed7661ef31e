import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allowedCountries, checkManifest, countryAllowed, parseManifest, validateManifest } from '../src/index';

const dir = fileURLToPath(new URL('../../../docs/examples/', import.meta.url));
const read = (name: string) => parseManifest(readFileSync(dir + name, 'utf8'), { source: name });

describe('docs/examples', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

  it('has the four required real-world manifests', () => {
    expect(files).toEqual(expect.arrayContaining(['web-shop.yaml', 'hpc-batch.yaml', 'ha-three-region.yaml', 'confidential-analytics.yaml']));
  });

  it.each(files)('%s parses, passes the schema and the semantic checks', (file) => {
    const manifest = read(file);
    expect(validateManifest(manifest).ok).toBe(true);
    expect(checkManifest(manifest)).toEqual([]);
  });

  it('web-shop keeps the confidential database in the EU', () => {
    const m = read('web-shop.yaml');
    const db = m.nodes.find((n) => n.name === 'db')!;
    expect(db.dataClassification).toBe('confidential');
    expect(countryAllowed('FR', m.terms.jurisdiction, db.jurisdiction)).toBe(true);
    expect(countryAllowed('US', m.terms.jurisdiction, db.jurisdiction)).toBe(false);
    expect(countryAllowed('US', m.terms.jurisdiction, m.nodes[0]!.jurisdiction)).toBe(true);
  });

  it('hpc-batch has a deadline and a carbon objective', () => {
    const m = read('hpc-batch.yaml');
    expect(m.nodes.every((n) => n.batch?.deadline)).toBe(true);
    expect(m.terms.carbon?.maxIntensity).toBeGreaterThan(0);
    expect(m.terms.objectives?.carbon).toBeGreaterThan(m.terms.objectives?.price ?? 0);
  });

  it('ha-three-region spreads every tier over regions', () => {
    const m = read('ha-three-region.yaml');
    for (const node of m.nodes) {
      expect(node.count?.initial).toBe(3);
      expect(m.groups?.some((g) => g.policy === 'anti-affinity' && g.scope === 'region' && g.nodes.includes(node.name))).toBe(true);
    }
  });

  it('confidential-analytics is restricted to one country', () => {
    const m = read('confidential-analytics.yaml');
    expect([...allowedCountries(m.terms.jurisdiction)!]).toEqual(['DE']);
    expect(m.terms.dataClassification).toBe('restricted');
  });

  it('breaks with a precise error when the EU rule is contradicted', () => {
    const text = readFileSync(dir + 'web-shop.yaml', 'utf8').replace('forbidden: [RU, BY]', 'forbidden: [RU, BY, EU]');
    expect(() => parseManifest(text, { source: 'web-shop.yaml' })).toThrow(/web-shop\.yaml:\d+:\d+: Node "db" has no jurisdiction left/);
  });
});
