import type { ImageInfo, OfferCatalogue } from '../connector';
import { ConnectorError } from '../errors/connector-error';
import type { Offer } from '../model-types';
import type { Clock } from './clock';
import { systemClock } from './clock';
import type { ImageFilter } from './image-filter';
import { filterImages } from './image-filter';

/** Options of {@link createOfferCache}. */
export interface OfferCacheOptions {
  /** Fetches the offers from the backend (called in the background only). */
  loadOffers: (signal: AbortSignal) => Promise<Offer[]>;
  /** Fetches the images from the backend, when the connector has them. */
  loadImages?: (signal: AbortSignal) => Promise<ImageInfo[]>;
  /** Filter applied to every image list loaded. */
  imageFilter?: ImageFilter;
  /** Time between refreshes (default 15 minutes). */
  refreshMs?: number;
  /** Wait after a failed refresh (default `min(refreshMs, 30 s)`). */
  retryMs?: number;
  clock?: Clock;
  /** Told about every failed refresh (the previous snapshot stays served). */
  onError?: (error: unknown) => void;
}

/** A background-refreshed snapshot of a backend's offers and images. */
export interface OfferCache {
  /** Loads once and starts refreshing; resolves when the first snapshot is in (or has failed). */
  start(): Promise<void>;
  /** Refreshes now (background callers only); failures keep the last snapshot. */
  refresh(): Promise<void>;
  /**
   * The current snapshot; never calls the backend.
   * @throws {ConnectorError} `transient` when no snapshot has loaded yet.
   */
  catalogue(): OfferCatalogue;
  /**
   * The current filtered images; never calls the backend.
   * @throws {ConnectorError} `transient` when no snapshot has loaded yet.
   */
  images(): ImageInfo[];
  /** Stops refreshing and aborts a refresh in flight. */
  stop(): void;
}

/**
 * Creates a background-refreshed offer cache, the only way a connector's `offers()` should read.
 * @param options - Loaders, filter, refresh period, clock and error observer.
 * @returns An {@link OfferCache}.
 * @example
 * ```ts
 * const cache = createOfferCache({ loadOffers: (signal) => api.flavors({ signal }), refreshMs: 600_000 });
 * await cache.start();
 * const { asOf, offers } = cache.catalogue();
 * ```
 */
export function createOfferCache(options: OfferCacheOptions): OfferCache {
  const clock = options.clock ?? systemClock;
  const refreshMs = options.refreshMs ?? 15 * 60_000;
  const retryMs = options.retryMs ?? Math.min(refreshMs, 30_000);
  let snapshot: { catalogue: OfferCatalogue; images: ImageInfo[] } | undefined;
  let lastError: unknown;
  let inflight: Promise<void> | undefined;
  let controller: AbortController | undefined;
  let cancelTimer: (() => void) | undefined;
  let running = false;

  const load = async (): Promise<void> => {
    controller = new AbortController();
    const signal = controller.signal;
    try {
      const [offers, images] = await Promise.all([options.loadOffers(signal), options.loadImages ? options.loadImages(signal) : Promise.resolve([])]);
      if (signal.aborted) return;
      snapshot = {
        catalogue: { asOf: new Date(clock.now()).toISOString(), offers: [...offers] },
        images: filterImages(images, options.imageFilter),
      };
      lastError = undefined;
    } catch (err) {
      lastError = err;
      options.onError?.(err);
    }
  };

  const schedule = (): void => {
    if (!running) return;
    cancelTimer?.();
    cancelTimer = clock.setTimer(() => {
      void cache.refresh();
    }, lastError === undefined ? refreshMs : retryMs);
  };

  const notLoaded = (): ConnectorError =>
    new ConnectorError('transient', 'the offer catalogue has not loaded yet', { retryAfterMs: retryMs, cause: lastError, operation: 'offers' });

  const cache: OfferCache = {
    async start() {
      running = true;
      await cache.refresh();
    },
    refresh() {
      inflight ??= load().finally(() => {
        inflight = undefined;
        schedule();
      });
      return inflight;
    },
    catalogue() {
      if (!snapshot) throw notLoaded();
      return { asOf: snapshot.catalogue.asOf, offers: [...snapshot.catalogue.offers] };
    },
    images() {
      if (!snapshot) throw notLoaded();
      return [...snapshot.images];
    },
    stop() {
      running = false;
      cancelTimer?.();
      cancelTimer = undefined;
      controller?.abort();
    },
  };
  return cache;
}
