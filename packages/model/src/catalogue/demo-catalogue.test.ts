import { describe, expect, it } from 'vitest';
import { averageIntensity, marginalIntensity } from '@tgwf/co2/data';
import { demoCatalogue } from './demo-catalogue';
import { COUNTRY_CARBON } from './country-carbon';
import { validate } from '../validate/validate';

describe('demoCatalogue', () => {
  const catalogue = demoCatalogue();

  it('is a valid catalogue whose references all resolve', () => {
    const r = validate('Catalogue', catalogue);
    expect(r.ok).toBe(true);
    const providers = new Set(catalogue.providers.map((p) => p.id));
    const regions = new Map(catalogue.regions.map((r) => [r.id, r]));
    expect(regions.size).toBe(catalogue.regions.length);
    expect(new Set(catalogue.offers.map((o) => o.id)).size).toBe(catalogue.offers.length);
    for (const r of catalogue.regions) expect(providers.has(r.providerId)).toBe(true);
    for (const o of catalogue.offers) expect(regions.get(o.regionId)?.providerId).toBe(o.providerId);
  });

  it('spans several providers, at least 12 regions, six continents and many time zones', () => {
    expect(catalogue.providers.length).toBeGreaterThanOrEqual(5);
    expect(catalogue.regions.length).toBeGreaterThanOrEqual(12);
    const zones = new Set(catalogue.regions.map((r) => r.timeZone.split('/')[0]));
    expect([...zones].sort()).toEqual(['Africa', 'America', 'Asia', 'Atlantic', 'Australia', 'Europe']);
    expect(new Set(catalogue.regions.map((r) => r.timeZone)).size).toBeGreaterThanOrEqual(15);
    expect(catalogue.regions.some((r) => r.coordinates.lat < 0)).toBe(true);
  });

  it('has GPU, arm64, dedicated, spot and heat-reuse supply, every region with a carbon figure', () => {
    const { offers, regions } = catalogue;
    for (const model of ['L4', 'A100', 'H100']) expect(offers.some((o) => o.gpuModel === model)).toBe(true);
    expect(offers.some((o) => o.architecture === 'arm64')).toBe(true);
    expect(offers.some((o) => o.share === 'dedicated')).toBe(true);
    expect(offers.some((o) => o.market === 'spot')).toBe(true);
    expect(regions.filter((r) => r.heatReuse >= 0.5).length).toBeGreaterThanOrEqual(3);
    for (const r of regions) expect(COUNTRY_CARBON[r.country]).toBeDefined();
  });

  it('prices like a real market: spot below on-demand, memory-rich above lean, GPUs dear', () => {
    const byId = new Map(catalogue.offers.map((o) => [o.id, o]));
    for (const o of catalogue.offers.filter((x) => x.market === 'spot')) {
      const onDemand = byId.get(o.id.replace(/:spot$/, ''))!;
      expect(o.pricePerHour).toBeLessThan(onDemand.pricePerHour);
      expect(o.availability).toBeLessThan(onDemand.availability);
    }
    const gp = byId.get('nimbus-us-east:gp.4x')!;
    const mem = byId.get('nimbus-us-east:mem.4x')!;
    expect(gp.pricePerHour).toBeGreaterThan(0.1);
    expect(gp.pricePerHour).toBeLessThan(0.3);
    expect(mem.pricePerHour).toBeGreaterThan(gp.pricePerHour);
    expect(byId.get('voltgpu-ca-mtl:h100.1')!.pricePerHour).toBeGreaterThan(2);
  });

  it('is deterministic and a fresh copy each time', () => {
    const again = demoCatalogue();
    expect(again).toEqual(catalogue);
    again.regions[0]!.pue = 3;
    expect(demoCatalogue().regions[0]!.pue).not.toBe(3);
    expect(demoCatalogue({ asOf: '2027-02-03T04:05:06Z' }).offers[0]!.asOf).toBe('2027-02-03T04:05:06.000Z');
  });
});

describe('COUNTRY_CARBON', () => {
  it('is what the generator reads from @tgwf/co2 (run npm run generate:carbon when it changes)', () => {
    const alpha3: Record<string, string> = { FR: 'FRA', DE: 'DEU', SE: 'SWE', US: 'USA', IN: 'IND', ZA: 'ZAF', SG: 'SGP' };
    for (const [a2, a3] of Object.entries(alpha3)) {
      expect(COUNTRY_CARBON[a2]!.average).toBe((averageIntensity.data as Record<string, number>)[a3]);
      expect(COUNTRY_CARBON[a2]!.marginal).toBe(Number((marginalIntensity.data as Record<string, string>)[a3]));
    }
  });
});
