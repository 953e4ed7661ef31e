import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KIND, createStandardModel, parse, render } from '@accords/occi';
import type { LinkData, ResourceData } from '@accords/occi';
import { ACCORDS_CATEGORIES, createAccordsModel, registerAccordsCategories } from './categories';
import { ACCORDS_BROKER_SCHEME, OCCI_MAPPINGS } from './mappings';
import { fromOcci, toOcci } from './convert';
import type { OcciTypeName } from './convert';
import { demoCatalogue } from '../catalogue/demo-catalogue';
import { demoSignals } from '../catalogue/demo-signals';
import { parseManifest } from '../parse/parse-manifest';
import { schemas } from '../schema/registry';
import type { Agreement, Invoice, ProvisionedResource } from '../types';

const model = createAccordsModel();
const examples = fileURLToPath(new URL('../../../../docs/examples/', import.meta.url));
const webShop = parseManifest(readFileSync(examples + 'web-shop.yaml', 'utf8'));
const catalogue = demoCatalogue();

const agreement: Agreement = {
  id: '6c1d8c52-4d4e-4a8a-9f57-0c6a4f0f3a11',
  manifestId: '0b7e3c52-1111-4a8a-9f57-0c6a4f0f3a11',
  state: 'accepted',
  terms: webShop.terms,
  termStates: [{ name: 'shop-availability', state: 'fulfilled', measured: 99.97, evaluatedAt: '2026-02-01T00:00:00Z' }],
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-02T00:00:00Z',
};
const invoice: Invoice = {
  id: 'inv-2026-01',
  contractId: 'c1',
  periodStart: '2026-01-01T00:00:00Z',
  periodEnd: '2026-02-01T00:00:00Z',
  currency: 'EUR',
  lines: [
    { type: 'usage', description: 'web ×3', offerId: 'aurora-fr-par:b.2x', quantity: 2232, unit: 'hour', unitPrice: 0.0842, amount: 187.93 },
    { type: 'credit', description: 'availability below 99.9%', guarantee: 'shop-availability', quantity: 1, unit: 'each', unitPrice: -18.79, amount: -18.79 },
  ],
  subtotal: 187.93,
  penalties: 0,
  credits: -18.79,
  total: 169.14,
  status: 'issued',
  issuedAt: '2026-02-01T00:05:00Z',
};
const resource: ProvisionedResource = {
  id: 'vm-42',
  providerId: 'aurora',
  regionId: 'aurora-fr-par',
  kind: 'compute',
  name: 'web-0',
  state: 'pending',
  offerId: 'aurora-fr-par:b.2x',
  attributes: { 'occi.compute.cores': 2, 'occi.compute.memory': 8, 'occi.compute.hostname': 'web-0' },
  addresses: ['10.0.0.5'],
  createdAt: '2026-01-01T00:00:00Z',
  idempotencyKey: 'agreement-1/web/0',
};

function roundTrip<K extends OcciTypeName>(type: K, value: unknown) {
  const entity = toOcci(type, value as never);
  const back = fromOcci(type, entity);
  expect(back).toEqual({ ok: true, value });
  return entity;
}

describe('Accords OCCI categories', () => {
  it('register into a standard model, with every broker kind at its documented location', () => {
    for (const term of ['manifest', 'placement', 'contract', 'offer', 'invoice', 'usage', 'service'])
      expect(model.getKind(ACCORDS_BROKER_SCHEME + term)?.location).toBe(`/${term}/`);
    expect(model.getMixin(ACCORDS_BROKER_SCHEME + 'agreement')?.applies).toEqual([KIND.agreement]);
    expect(() => registerAccordsCategories(model)).toThrow(/already registered/);
    expect(() => registerAccordsCategories(createStandardModel())).not.toThrow();
  });

  it('generate one attribute per schema property, with the schema’s type, enum, pattern and requiredness', () => {
    const offer = model.getKind(ACCORDS_BROKER_SCHEME + 'offer')!;
    const attrs = Object.fromEntries([...offer.attributes].map(([n, d]) => [n, d.toSpec()]));
    const properties = Object.keys((schemas.Offer as { properties: object }).properties).filter((p) => p !== 'id');
    expect(Object.keys(attrs).sort()).toEqual([...properties, 'carbonGPerHour'].map((p) => `accords.offer.${p}`).sort());
    expect(attrs['accords.offer.market']).toMatchObject({ type: 'enum', enum: ['on-demand', 'spot'], required: true, mutable: false });
    expect(attrs['accords.offer.asOf']).toMatchObject({ type: 'datetime', required: true });
    expect(attrs['accords.offer.gpuModel']).toMatchObject({ type: 'string', required: false });
    expect(attrs['accords.offer.currency']).toMatchObject({ pattern: '^[A-Z]{3}$' });
    expect(attrs['accords.offer.capacity']).toMatchObject({ type: 'integer' });
  });

  it('add the broker’s extra attributes beside the generated ones, produced by the broker only', () => {
    const agreementMixin = model.getMixin(ACCORDS_BROKER_SCHEME + 'agreement')!;
    const spec = (name: string) => agreementMixin.attributes.get(name)?.toSpec();
    expect(spec('accords.agreement.phase')).toMatchObject({ type: 'enum', required: false, mutable: false });
    expect(spec('accords.agreement.phase')?.enum).toContain('provisioning');
    expect(spec('accords.agreement.contract')).toMatchObject({ type: 'uri' });
    expect(spec('accords.agreement.moves')).toMatchObject({ type: 'array' });
    expect(spec('accords.agreement.termStates')).toMatchObject({ type: 'array', required: true });
    const provisioned = model.getMixin(ACCORDS_BROKER_SCHEME + 'provisioned')!;
    expect(provisioned.attributes.get('accords.resource.replica')?.toSpec()).toMatchObject({ type: 'integer', mutable: false });
    for (const term of ['usage', 'contract', 'invoice'])
      expect(model.getKind(ACCORDS_BROKER_SCHEME + term)!.attributes.get(`accords.${term}.agreement`)?.toSpec()).toMatchObject({ type: 'uri', required: false });
    // Extras are not part of the model value: a round-trip ignores them.
    const entity = toOcci('Agreement', agreement) as ResourceData;
    entity.attributes['accords.agreement.phase'] = 'running';
    expect(fromOcci('Agreement', entity)).toEqual({ ok: true, value: agreement });
    expect(model.validateEntity(entity, { mode: 'create', actor: 'provider' }).ok).toBe(true);
    entity.attributes['accords.agreement.phase'] = 'sleeping';
    expect(model.validateEntity(entity, { mode: 'create', actor: 'provider' }).ok).toBe(false);
  });

  it('give an offer the broker’s expected carbon per hour, a number outside the model value', () => {
    const offerKind = model.getKind(ACCORDS_BROKER_SCHEME + 'offer')!;
    expect(offerKind.attributes.get('accords.offer.carbonGPerHour')?.toSpec()).toMatchObject({ type: 'number', required: false, mutable: false });
    const offer = catalogue.offers[0]!;
    const entity = toOcci('Offer', offer) as ResourceData;
    expect(entity.attributes['accords.offer.carbonGPerHour']).toBeUndefined();
    entity.attributes['accords.offer.carbonGPerHour'] = 12.5;
    expect(fromOcci('Offer', entity)).toEqual({ ok: true, value: offer });
    expect(model.validateEntity(entity, { mode: 'create', actor: 'provider' }).ok).toBe(true);
    entity.attributes['accords.offer.carbonGPerHour'] = 'low';
    expect(model.validateEntity(entity, { mode: 'create', actor: 'provider' }).ok).toBe(false);
  });

  it('carry a service’s measurements on an OCCI Monitoring sensor', () => {
    const monitored = model.getMixin(ACCORDS_BROKER_SCHEME + 'monitored')!;
    expect(monitored.applies).toEqual([KIND.sensor]);
    const sensor: ResourceData = {
      id: 's1', kind: KIND.sensor, mixins: [monitored.id], links: [],
      attributes: { 'occi.sensor.period': 30, 'accords.sensor.availability': 99.5, 'accords.sensor.measurements': [{ metric: 'availability', value: 99.5 }] },
    };
    expect(model.validateEntity(sensor, { mode: 'create', actor: 'provider' }).ok).toBe(true);
    sensor.attributes['accords.sensor.availability'] = 'high';
    expect(model.validateEntity(sensor, { mode: 'create', actor: 'provider' }).ok).toBe(false);
  });

  it('cover every mapped type once, and the service kind with its actions', () => {
    expect(new Set(OCCI_MAPPINGS.map((m) => m.type)).size).toBe(OCCI_MAPPINGS.length);
    const service = ACCORDS_CATEGORIES.kinds.find((k) => k.term === 'service')!;
    expect(service.actions?.map((a) => a.split('#')[1])).toEqual(['start', 'stop', 'suspend', 'terminate']);
  });
});

describe('toOcci / fromOcci', () => {
  it('round-trip every demo provider, region and offer, and the entities are valid OCCI', () => {
    for (const p of catalogue.providers) roundTrip('Provider', p);
    for (const r of catalogue.regions) roundTrip('Region', r);
    for (const o of catalogue.offers) {
      const entity = roundTrip('Offer', o) as ResourceData;
      expect(entity.id).toBe(o.id);
      expect(model.validateEntity(entity, { mode: 'create', actor: 'provider' }).ok).toBe(true);
    }
  });

  it('round-trip the example manifests, their nodes, relations, groups, terms and guarantees', () => {
    for (const file of ['web-shop.yaml', 'hpc-batch.yaml', 'ha-three-region.yaml', 'confidential-analytics.yaml']) {
      const m = parseManifest(readFileSync(examples + file, 'utf8'));
      const entity = roundTrip('Manifest', m);
      expect(model.validateEntity(entity as ResourceData, { mode: 'create' }).ok).toBe(true);
      for (const n of m.nodes) roundTrip('ManifestNode', n);
      for (const r of m.relations ?? []) expect((roundTrip('NodeRelation', r) as LinkData).source.location).toBe(`/node/${r.from}`);
      for (const g of m.groups ?? []) roundTrip('PlacementGroup', g);
      roundTrip('ServiceTerms', m.terms);
      for (const g of m.terms.guarantees ?? []) roundTrip('Guarantee', g);
    }
  });

  it('round-trip agreements (state as occi.agreement.state), invoices, signals and provisioned resources', () => {
    const a = roundTrip('Agreement', agreement) as ResourceData;
    expect(a.kind).toBe(KIND.agreement);
    expect(a.attributes['occi.agreement.state']).toBe('accepted');
    expect(model.validateEntity(a, { mode: 'create', actor: 'provider' }).ok).toBe(true);
    roundTrip('Invoice', invoice);
    roundTrip('SignalSeries', demoSignals({ from: '2026-01-01T00:00:00Z', hours: 3 })[0]);
    const r = roundTrip('ProvisionedResource', resource) as ResourceData;
    expect(r.kind).toBe(KIND.compute);
    expect(r.title).toBe('web-0');
    expect(r.attributes['occi.compute.state']).toBe('inactive');
    expect(model.validateEntity(r, { mode: 'create', actor: 'provider' }).ok).toBe(true);
  });

  it('flatten a placement decision into filterable attributes', () => {
    const decision = {
      node: 'web',
      replica: 0,
      offerId: 'aurora-fr-par:b.2x',
      providerId: 'aurora',
      regionId: 'aurora-fr-par',
      pricePerHour: 0.0842,
      currency: 'EUR',
      scores: { price: 0.9, carbon: 0.95, latency: 0.8, heatReuse: 0.2, availability: 0.7, total: 0.83 },
      reason: 'cheapest EU offer within 60 ms of Paris',
    };
    const e = roundTrip('Placement', { id: 'p1', agreementId: 'a1', decision, state: 'running', resourceIds: ['vm-42'] }) as ResourceData;
    expect(e.attributes['accords.placement.regionId']).toBe('aurora-fr-par');
  });

  it('survive an OCCI text/plain and occi+json rendering', () => {
    const offer = catalogue.offers.find((o) => o.gpuModel === 'H100')!;
    for (const mediaType of ['text/plain', 'application/occi+json'] as const) {
      const entity = toOcci('Offer', offer) as ResourceData;
      const message = render('resource', mediaType, entity, { model });
      const parsed = parse('resource', mediaType, { headers: message.headers, body: message.body }, { model });
      expect(fromOcci('Offer', parsed)).toEqual({ ok: true, value: offer });
    }
  });

  it('read a manifest sent whole in accords.manifest.document, with errors naming the attribute', () => {
    const text = readFileSync(examples + 'hpc-batch.yaml', 'utf8');
    const entity: ResourceData = { id: 'm1', kind: ACCORDS_BROKER_SCHEME + 'manifest', mixins: [], attributes: { 'accords.manifest.document': text }, links: [] };
    expect(model.validateEntity(entity, { mode: 'create' }).ok).toBe(true);
    expect(fromOcci('Manifest', entity)).toEqual({ ok: true, value: parseManifest(text) });
    entity.attributes['accords.manifest.document'] = text.replace('durationHours: 72', 'durationHours: -72');
    const bad = fromOcci('Manifest', entity);
    expect(bad.ok || bad.issues[0]!.location).toMatchObject({ attribute: 'accords.manifest.document', pointer: '/nodes/0/batch/durationHours', line: 23 });
  });

  it('name the OCCI attribute of every problem, and refuse the wrong kind', () => {
    const entity = toOcci('Offer', catalogue.offers[0]!) as ResourceData;
    entity.attributes['accords.offer.vcpu'] = 'lots';
    delete entity.attributes['accords.offer.currency'];
    const r = fromOcci('Offer', entity);
    expect(r.ok ? [] : r.issues.map((i) => i.location)).toEqual([
      { pointer: '/attributes/accords.offer.currency', attribute: 'accords.offer.currency' },
      { pointer: '/attributes/accords.offer.vcpu', attribute: 'accords.offer.vcpu' },
    ]);
    const wrong = fromOcci('Region', entity);
    expect(wrong.ok || wrong.issues[0]!.code).toBe('wrong-category');
    expect(() => toOcci('Catalogue' as OcciTypeName, catalogue as never)).toThrow(TypeError);
  });

  it('round-trip arbitrary valid offers and usage records (property)', () => {
    const id = fc.stringMatching(/^[a-z0-9][a-z0-9.:-]{0,20}$/);
    const iso = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    const offer = fc.record(
      {
        id,
        providerId: id,
        regionId: id,
        instanceType: fc.string({ minLength: 1, maxLength: 20 }),
        vcpu: fc.double({ min: 0.25, max: 512, noNaN: true }),
        memoryGiB: fc.double({ min: 0.5, max: 4096, noNaN: true }),
        gpus: fc.nat(16),
        gpuModel: fc.constantFrom('L4', 'A100', 'H100'),
        architecture: fc.constantFrom('x86_64', 'arm64'),
        share: fc.constantFrom('shared', 'dedicated'),
        pricePerHour: fc.double({ min: 0, max: 500, noNaN: true }),
        currency: fc.constantFrom('EUR', 'USD', 'JPY'),
        market: fc.constantFrom('on-demand', 'spot'),
        availability: fc.double({ min: 0, max: 100, noNaN: true }),
        capacity: fc.nat(),
        powerWatts: fc.double({ min: 0, max: 10_000, noNaN: true }),
        asOf: iso,
      },
      { requiredKeys: ['id', 'providerId', 'regionId', 'instanceType', 'vcpu', 'memoryGiB', 'gpus', 'architecture', 'pricePerHour', 'currency', 'market', 'availability', 'capacity', 'asOf'] },
    );
    fc.assert(fc.property(offer, (o) => void roundTrip('Offer', o)), { numRuns: 200 });
    const usage = fc.record({
      id,
      contractId: id,
      resourceId: id,
      node: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
      offerId: id,
      providerId: id,
      regionId: id,
      start: iso,
      end: iso,
      seconds: fc.nat(),
      pricePerHour: fc.double({ min: 0, max: 100, noNaN: true }),
      currency: fc.constant('EUR'),
    });
    fc.assert(fc.property(usage, (u) => void roundTrip('UsageRecord', u)), { numRuns: 100 });
  });
});
