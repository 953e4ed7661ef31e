import { filterImages } from '@accords/connector-kit';
import { describe, expect, it } from 'vitest';
import { imageFilterOf, imageInfo, isTemplate } from './images';

const img = (id: string, name: string, extra: Record<string, unknown> = {}) => ({ id, name, status: 'active', visibility: 'public', created_at: '2026-01-01T00:00:00Z', ...extra });

describe('Glance images as os_tpl', () => {
  it('maps distribution, OS type and architecture, and leaves snapshots out', () => {
    expect(imageInfo(img('i1', 'Ubuntu 24.04', { os_distro: 'ubuntu', os_version: '24.04', os_type: 'linux', hw_architecture: 'x86_64' }), 'os:R')).toEqual({
      id: 'i1',
      name: 'Ubuntu 24.04',
      os: 'linux',
      distribution: 'ubuntu-24.04',
      architecture: 'x86_64',
      regionIds: ['os:R'],
      createdAt: '2026-01-01T00:00:00Z',
    });
    expect(isTemplate(img('s', 'web-save', { image_type: 'snapshot' }))).toBe(false);
    expect(isTemplate(img('t', 'debian'))).toBe(true);
  });

  it('filters by exact names and /regular expressions/, keeping every version', () => {
    const images = [img('a', 'ubuntu-22.04', { os_distro: 'ubuntu' }), img('b', 'ubuntu-24.04', { os_distro: 'ubuntu' }), img('c', 'windows-2022'), img('d', 'debian-12')].map((i) => imageInfo(i, 'r'));
    expect(filterImages(images, imageFilterOf({ imageAllow: ['/^ubuntu-/', 'debian-12'], imageDeny: ['ubuntu-22.04'] })).map((i) => i.id)).toEqual(['d', 'b']);
  });
});
