import type { ServiceCall, ServiceClient } from './service-client';

/** A Glance v2 image (the fields the connector reads). */
export interface GlanceImage {
  id: string;
  name: string | null;
  status: string;
  visibility: string;
  disk_format?: string | null;
  container_format?: string | null;
  min_disk?: number;
  min_ram?: number;
  size?: number | null;
  os_distro?: string;
  os_version?: string;
  created_at?: string;
  [key: string]: unknown;
}

/** Filters for {@link GlanceClient.listImages}; status defaults to `active`. */
export interface GlanceImageFilter {
  status?: string;
  visibility?: 'public' | 'private' | 'shared' | 'community' | 'all';
  name?: string;
  /** Extra property filters (`os_distro=debian`, ...). */
  properties?: Record<string, string>;
}

/**
 * Glance (image service) v2 over raw HTTP.
 * @example
 * ```ts
 * const images = await new GlanceClient(new ServiceClient({ session, serviceType: 'image' })).listImages({ visibility: 'public' });
 * ```
 */
export class GlanceClient {
  private readonly service: ServiceClient;

  constructor(service: ServiceClient) {
    this.service = service;
  }

  /** Lists images, following `next` links. */
  async listImages(filter: GlanceImageFilter = {}, opts: Pick<ServiceCall, 'signal' | 'timeoutMs'> = {}): Promise<GlanceImage[]> {
    const out: GlanceImage[] = [];
    let marker: string | undefined;
    for (;;) {
      const res = await this.service.call<{ images: GlanceImage[]; next?: string }>({
        method: 'GET',
        path: '/v2/images',
        query: { status: filter.status ?? 'active', visibility: filter.visibility, name: filter.name, limit: 200, marker, ...filter.properties },
        ...opts,
      });
      out.push(...res.body.images);
      if (!res.body.next || res.body.images.length === 0) return out;
      marker = res.body.images[res.body.images.length - 1]?.id;
    }
  }

  /** Reads one image. @throws OpenStackHttpError 404 */
  async getImage(id: string, opts: Pick<ServiceCall, 'signal' | 'timeoutMs'> = {}): Promise<GlanceImage> {
    const res = await this.service.call<GlanceImage>({ method: 'GET', path: `/v2/images/${encodeURIComponent(id)}`, ...opts });
    return res.body;
  }

  /** Deletes one image. */
  async deleteImage(id: string, opts: Pick<ServiceCall, 'signal' | 'timeoutMs'> = {}): Promise<void> {
    await this.service.call({ method: 'DELETE', path: `/v2/images/${encodeURIComponent(id)}`, ...opts });
  }
}
