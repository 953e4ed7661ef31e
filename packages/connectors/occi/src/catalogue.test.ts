import fc from 'fast-check';
import { MIXIN } from '@accords/occi';
import type { CategoryCollection, MixinData } from '@accords/occi';
import { describe, expect, it } from 'vitest';
import { ACCORDS_REGION_SCHEME, countryOfTitle, distributionOfTerm, readCatalogue, templateSize } from './catalogue';
import type { OcciConnectorOptions } from './options';

const T = 'http://schemas.accords.dev/occi/resource_tpl#';
const O = 'http://schemas.accords.dev/occi/os_tpl#';
const tpl = (term: string, extra: Partial<MixinData> = {}): MixinData => ({ scheme: T, term, depends: [MIXIN.resourceTpl], ...extra });
const options: OcciConnectorOptions = { providerId: 'peer', url: 'http://peer.example:8080' };
const asOf = '2026-01-01T00:00:00.000Z';
const collection = (mixins: MixinData[]): CategoryCollection => ({ kinds: [], actions: [], mixins: [{ scheme: 'http://schemas.ogf.org/occi/infrastructure#', term: 'resource_tpl' }, ...mixins] });

describe('templateSize', () => {
  it('prefers the attribute defaults and falls back to the title', () => {
    expect(templateSize(tpl('a', { title: '8 cores, 64 GiB', attributes: { 'occi.compute.cores': { type: 'integer', default: 2 }, 'occi.compute.memory': { type: 'number', default: 4 } } }))).toEqual({ cores: 2, memoryGiB: 4 });
    expect(templateSize(tpl('b', { title: '2 cores, 4 GiB' }))).toEqual({ cores: 2, memoryGiB: 4 });
    expect(templateSize(tpl('c', { title: 'Big: 4 vCPU, 8192 MB' }))).toEqual({ cores: 4, memoryGiB: 8 });
    expect(templateSize(tpl('d', { title: 'mystery' }))).toBeUndefined();
    expect(templateSize(tpl('e', { title: '0 cores, 4 GiB' }))).toBeUndefined();
  });

  it('reads back any size written in the usual title forms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 512 }), fc.integer({ min: 1, max: 4096 }), fc.constantFrom('cores', 'vCPU', 'CPUs', 'core'), (cores, mem, word) => {
        expect(templateSize(tpl('x', { title: `${cores} ${word}, ${mem} GiB` }))).toEqual({ cores, memoryGiB: mem });
      }),
    );
  });

  it('never throws on an arbitrary title', () => {
    fc.assert(fc.property(fc.string(), (title) => void templateSize(tpl('x', { title }))));
  });
});

describe('distributionOfTerm', () => {
  it('turns template terms into distributions', () => {
    expect(distributionOfTerm('ubuntu_24_04')).toBe('ubuntu-24.04');
    expect(distributionOfTerm('debian-12')).toBe('debian-12');
    expect(distributionOfTerm('alpine')).toBeUndefined();
  });

  it('reads back any name and version', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}$/), fc.array(fc.nat({ max: 99 }), { minLength: 1, maxLength: 3 }), fc.constantFrom('_', '-'), (name, parts, sep) => {
        expect(distributionOfTerm(`${name}${sep}${parts.join(sep)}`)).toBe(`${name}-${parts.join('.')}`);
      }),
    );
  });
});

describe('countryOfTitle', () => {
  it('reads the country at the end of an Accords region title', () => {
    expect(countryOfTitle('EU West (Dublin) (nimbus, IE)')).toBe('IE');
    expect(countryOfTitle('Paris')).toBeUndefined();
    expect(countryOfTitle(undefined)).toBeUndefined();
  });
});

describe('readCatalogue', () => {
  it('offers every template in every Accords region, with prices from the remote when it has them', () => {
    const c = readCatalogue({
      categories: collection([
        { scheme: ACCORDS_REGION_SCHEME, term: 'fr-par', title: 'Paris (aurora, FR)' },
        { scheme: ACCORDS_REGION_SCHEME, term: 'de-fra', title: 'Frankfurt (aurora, DE)' },
        tpl('small', { title: '1 cores, 2 GiB' }),
        tpl('gpu', {
          title: '8 cores, 32 GiB',
          attributes: {
            'accords.offer.pricePerHour': { type: 'number', default: 1.5 },
            'accords.offer.currency': { type: 'string', default: 'USD' },
            'accords.offer.regionId': { type: 'string', default: 'de-fra' },
          },
        }),
        { scheme: O, term: 'debian_12', title: 'Debian 12', depends: [MIXIN.osTpl] },
      ]),
      options: { ...options, pricing: { pricePerHour: 0.01 }, regionFacts: { byTerm: { 'fr-par': { timeZone: 'Europe/Paris' } } } },
      asOf,
    });
    expect(c.regions.map((r) => [r.region.id, r.region.country, r.region.timeZone, r.mixinId])).toEqual([
      ['peer.fr-par', 'FR', 'Europe/Paris', `${ACCORDS_REGION_SCHEME}fr-par`],
      ['peer.de-fra', 'DE', 'UTC', `${ACCORDS_REGION_SCHEME}de-fra`],
    ]);
    expect(c.offers.map((o) => [o.offer.id, o.offer.pricePerHour, o.offer.currency])).toEqual([
      ['peer.fr-par:small', 0.01, 'EUR'],
      ['peer.de-fra:small', 0.01, 'EUR'],
      ['peer.de-fra:gpu', 1.5, 'USD'],
    ]);
    expect(c.images).toEqual([{ mixinId: `${O}debian_12`, image: { id: 'debian_12', name: 'Debian 12', distribution: 'debian-12' } }]);
    expect(c.warnings).toEqual([]);
  });

  it('has one default region of unknown country when the remote has no region mixins', () => {
    const c = readCatalogue({ categories: collection([tpl('m', { title: '2 cores, 4 GiB' })]), options, asOf });
    expect(c.regions).toHaveLength(1);
    expect(c.regions[0]!.region).toMatchObject({ id: 'peer.default', country: 'ZZ', name: 'peer (peer.example:8080)' });
    expect(c.regions[0]!.mixinId).toBeUndefined();
    expect(c.offers.map((o) => o.offer.id)).toEqual(['peer.default:m']);
  });

  it('warns about templates it cannot offer and ids it cannot make', () => {
    const c = readCatalogue({ categories: collection([tpl('odd', { title: 'no size' }), tpl('x'.repeat(130), { title: '1 core, 1 GiB' })]), options, asOf });
    expect(c.offers).toEqual([]);
    expect(c.warnings).toHaveLength(2);
  });

  it('gives ambiguous image terms their full identifier', () => {
    const c = readCatalogue({
      categories: collection([
        { scheme: O, term: 'alpine', depends: [MIXIN.osTpl] },
        { scheme: 'http://other.example/os#', term: 'alpine', depends: [MIXIN.osTpl] },
      ]),
      options,
      asOf,
    });
    expect(c.images.map((i) => i.image.id)).toEqual([`${O}alpine`, 'http://other.example/os#alpine']);
  });
});
