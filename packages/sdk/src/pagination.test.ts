import { describe, expect, it } from 'vitest';
import { collect, paginate } from './pagination';

describe('paginate', () => {
  it('asks page after page until a short page, lazily', async () => {
    const data = Array.from({ length: 7 }, (_, i) => i);
    const asked: number[] = [];
    const pages = paginate(async ({ page, number }) => {
      asked.push(page);
      return data.slice((page - 1) * number, page * number);
    }, { pageSize: 3 });
    expect(await collect(pages, 2)).toEqual([0, 1]);
    expect(asked).toEqual([1]);
    const all = await collect(paginate(async ({ page, number }) => data.slice((page - 1) * number, page * number), { pageSize: 3 }));
    expect(all).toEqual(data);
  });

  it('stops on the empty page past the end when the total is a multiple of the page size', async () => {
    const asked: number[] = [];
    const all = await collect(paginate(async ({ page }) => (asked.push(page), page <= 2 ? ['a', 'b'] : []), { pageSize: 2 }));
    expect(all).toEqual(['a', 'b', 'a', 'b']);
    expect(asked).toEqual([1, 2, 3]);
  });

  it('rejects a page size that is not a positive integer', async () => {
    await expect(collect(paginate(async () => [], { pageSize: 0 }))).rejects.toThrow(RangeError);
  });
});
