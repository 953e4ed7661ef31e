import type { ImageInfo } from '../connector';

/** Which images a connector shows. */
export interface ImageFilter {
  /** Keep only images whose name or distribution matches one of these. */
  allow?: ReadonlyArray<RegExp | string>;
  /** Drop images whose name or distribution matches one of these. */
  deny?: ReadonlyArray<RegExp | string>;
  /** Keep the newest image per (distribution, architecture) only (default `true`). */
  latestPerDistribution?: boolean;
  /** Further predicate. */
  predicate?: (image: ImageInfo) => boolean;
}

const matches = (image: ImageInfo, pattern: RegExp | string): boolean => {
  const fields = [image.name, image.distribution ?? ''];
  return fields.some((f) => (typeof pattern === 'string' ? f === pattern : pattern.test(f)));
};

/**
 * Filters a backend's image list down to the images Accords offers, sorted by name then id.
 * @param images - Everything the backend lists.
 * @param filter - Allow and deny lists, newest-only, predicate.
 * @returns The kept images.
 * @example
 * ```ts
 * filterImages(all, { allow: [/^ubuntu-/], deny: [/-rc$/] });
 * ```
 */
export function filterImages(images: readonly ImageInfo[], filter: ImageFilter = {}): ImageInfo[] {
  let kept = images.filter(
    (img) =>
      (!filter.allow || filter.allow.some((p) => matches(img, p))) &&
      !(filter.deny ?? []).some((p) => matches(img, p)) &&
      (!filter.predicate || filter.predicate(img)),
  );
  if (filter.latestPerDistribution ?? true) {
    const newest = new Map<string, ImageInfo>();
    for (const img of kept) {
      if (!img.distribution) continue;
      const key = `${img.distribution}\u0000${img.architecture ?? ''}`;
      const cur = newest.get(key);
      if (!cur || (img.createdAt ?? '') > (cur.createdAt ?? '')) newest.set(key, img);
    }
    kept = kept.filter((img) => !img.distribution || newest.get(`${img.distribution}\u0000${img.architecture ?? ''}`) === img);
  }
  return [...kept].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
