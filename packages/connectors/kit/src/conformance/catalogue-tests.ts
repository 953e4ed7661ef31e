import { expect, it } from 'vitest';
import { actionsForKind } from '../actions';
import type { Harness } from './harness';

/** Declares the tests of capabilities, regions, offers and images. */
export function catalogueTests(h: () => Harness, timeout: number): void {
  it('declares a well-formed capability record', () => {
    const { connector } = h();
    const caps = connector.capabilities;
    expect(connector.providerId).toMatch(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/);
    expect(caps.resourceKinds.length).toBeGreaterThan(0);
    expect(new Set(caps.resourceKinds).size).toBe(caps.resourceKinds.length);
    for (const [kind, actions] of Object.entries(caps.actions)) {
      expect(caps.resourceKinds, `actions declared for undeclared kind ${kind}`).toContain(kind);
      for (const a of actions ?? []) expect(actionsForKind(kind as 'compute'), `action ${a} on ${kind}`).toContain(a);
    }
    const compute = caps.actions.compute ?? [];
    if (compute.includes('resume')) expect(compute, 'resume needs suspend').toContain('suspend');
    expect(typeof connector.resize === 'function', 'capabilities.resize matches resize()').toBe(caps.resize);
    expect(typeof connector.usage === 'function', 'capabilities.usage matches usage()').toBe(caps.usage);
    expect(typeof connector.images === 'function', 'capabilities.images matches images()').toBe(caps.images);
  });

  it('lists regions of its own provider, with unique ids', { timeout }, async () => {
    const { connector } = h();
    const regions = await connector.regions();
    expect(regions.length).toBeGreaterThan(0);
    expect(new Set(regions.map((r) => r.id)).size).toBe(regions.length);
    for (const r of regions) expect(r.providerId).toBe(connector.providerId);
  });

  it('serves a dated offer catalogue whose offers sit in its regions', { timeout }, async () => {
    const { connector } = h();
    const regionIds = new Set((await connector.regions()).map((r) => r.id));
    const catalogue = await connector.offers();
    expect(Number.isNaN(Date.parse(catalogue.asOf)), `asOf ${catalogue.asOf}`).toBe(false);
    expect(new Set(catalogue.offers.map((o) => o.id)).size).toBe(catalogue.offers.length);
    for (const o of catalogue.offers) {
      expect(o.providerId).toBe(connector.providerId);
      expect(regionIds.has(o.regionId), `offer ${o.id} in unknown region ${o.regionId}`).toBe(true);
      expect(o.pricePerHour).toBeGreaterThanOrEqual(0);
    }
    if (connector.capabilities.resourceKinds.includes('compute')) expect(catalogue.offers.length).toBeGreaterThan(0);
  });

  it('lists images with unique ids when it declares them', { timeout }, async () => {
    const { connector } = h();
    if (!connector.images) {
      expect(connector.capabilities.images).toBe(false);
      return;
    }
    const images = await connector.images();
    expect(new Set(images.map((i) => i.id)).size).toBe(images.length);
    for (const i of images) expect(i.name.length).toBeGreaterThan(0);
  });
}
