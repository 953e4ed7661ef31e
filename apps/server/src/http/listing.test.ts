import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AnyEntityData } from '@accords/occi';
import { select } from './listing';

const entity = (i: number): AnyEntityData => ({ id: String(i), kind: 'http://x#k', mixins: [], attributes: { n: i }, links: [] }) as AnyEntityData;
const noFilter = { categories: [], attributes: [] };

describe('select', () => {
  it('pages cover the collection exactly once, in order, and are empty past the end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 17 }), (size, number) => {
        const all = Array.from({ length: size }, (_, i) => entity(i));
        const pages: AnyEntityData[] = [];
        const count = Math.ceil(size / number);
        for (let page = 1; page <= count; page++) pages.push(...select(all, { filter: noFilter, page: { page, number } }));
        expect(pages).toEqual(all);
        expect(select(all, { filter: noFilter, page: { page: count + 1, number } })).toEqual([]);
      }),
    );
  });
  it('filters by attribute before paging', () => {
    const all = Array.from({ length: 10 }, (_, i) => entity(i));
    expect(select(all, { filter: { categories: [], attributes: [{ name: 'n', value: '7' }] }, page: { page: 1, number: undefined } }).map((e) => e.id)).toEqual(['7']);
  });
});
