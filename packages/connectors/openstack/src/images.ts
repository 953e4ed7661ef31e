import type { ImageFilter, ImageInfo } from '@accords/connector-kit';
import type { OpenStackConnectorConfig } from './config';
import type { GlanceImage } from './glance';

/**
 * Whether a Glance image is an OS template: snapshots (`image_type: snapshot`, what `save` makes)
 * are not offered as images.
 * @param img - The Glance image.
 * @returns `true` for templates.
 * @example
 * ```ts
 * isTemplate({ id: 'i', name: 'web-save', status: 'active', visibility: 'private', image_type: 'snapshot' }); // false
 * ```
 */
export function isTemplate(img: GlanceImage): boolean {
  return img.image_type !== 'snapshot';
}

/** Maps a Glance image onto the kit's image record (the id is the `os_tpl` term). */
export function imageInfo(img: GlanceImage, region: string): ImageInfo {
  const distro = typeof img.os_distro === 'string' ? img.os_distro : undefined;
  const version = typeof img.os_version === 'string' ? img.os_version : undefined;
  const arch = typeof img.architecture === 'string' ? img.architecture : typeof img.hw_architecture === 'string' ? img.hw_architecture : undefined;
  const osType = typeof img.os_type === 'string' ? img.os_type : undefined;
  return {
    id: img.id,
    name: img.name ?? img.id,
    ...(osType ? { os: osType } : {}),
    ...(distro ? { distribution: version ? `${distro}-${version}` : distro } : {}),
    ...(arch ? { architecture: arch } : {}),
    regionIds: [region],
    ...(img.created_at ? { createdAt: img.created_at } : {}),
  };
}

function pattern(p: string): RegExp | string {
  const m = /^\/(.*)\/([a-z]*)$/.exec(p);
  return m ? new RegExp(m[1]!, m[2]) : p;
}

/** The image filter the configuration asks for. */
export function imageFilterOf(config: Pick<OpenStackConnectorConfig, 'imageAllow' | 'imageDeny'>): ImageFilter {
  return {
    // Every listed version stays offered: operators narrow the list with allow and deny.
    latestPerDistribution: false,
    ...(config.imageAllow ? { allow: config.imageAllow.map(pattern) } : {}),
    ...(config.imageDeny ? { deny: config.imageDeny.map(pattern) } : {}),
  };
}
