/** Options of {@link paginate}. */
export interface PaginateOptions {
  /** Entries per page (`number` in OCCI's pagination). Default 100. */
  pageSize?: number;
  /** Number of the first page; OCCI counts from 1. */
  firstPage?: number;
  signal?: AbortSignal;
}

/**
 * Walks a paged listing lazily: asks for the next page only when the previous one is used up,
 * and stops at the first page shorter than `pageSize` (OCCI answers an empty page past the end).
 * @param fetchPage - loads one page: its number and size, and the signal
 * @param options - page size, first page number, cancellation
 * @returns every item of every page, in order
 * @example
 * for await (const loc of paginate((p) => listPage(p.page, p.number))) console.log(loc);
 */
export async function* paginate<T>(
  fetchPage: (page: { page: number; number: number; signal?: AbortSignal }) => Promise<readonly T[]>,
  options: PaginateOptions = {},
): AsyncGenerator<T, void, undefined> {
  const number = options.pageSize ?? 100;
  if (!Number.isInteger(number) || number < 1) throw new RangeError(`pageSize must be a positive integer, got ${number}`);
  for (let page = options.firstPage ?? 1; ; page++) {
    options.signal?.throwIfAborted();
    const items = await fetchPage({ page, number, signal: options.signal });
    yield* items;
    if (items.length < number) return;
  }
}

/**
 * Collects an async iterable into an array (for callers who do want everything at once).
 * @param source - any async iterable
 * @param limit - stop after this many items
 * @returns the items
 * @example
 * const first10 = await collect(client.entities.list('compute'), 10);
 */
export async function collect<T>(source: AsyncIterable<T>, limit = Number.POSITIVE_INFINITY): Promise<T[]> {
  const out: T[] = [];
  if (limit <= 0) return out;
  for await (const item of source) {
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}
