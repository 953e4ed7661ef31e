import { describe, expect, it } from 'vitest';
import type { ImageInfo } from '../connector';
import { filterImages } from './image-filter';

const images: ImageInfo[] = [
  { id: '1', name: 'ubuntu-22.04-2026-01', distribution: 'ubuntu-22.04', architecture: 'x86_64', createdAt: '2026-01-01T00:00:00Z' },
  { id: '2', name: 'ubuntu-22.04-2026-03', distribution: 'ubuntu-22.04', architecture: 'x86_64', createdAt: '2026-03-01T00:00:00Z' },
  { id: '3', name: 'ubuntu-22.04-2026-02-arm', distribution: 'ubuntu-22.04', architecture: 'arm64', createdAt: '2026-02-01T00:00:00Z' },
  { id: '4', name: 'debian-13-rc', distribution: 'debian-13' },
  { id: '5', name: 'custom-tool' },
];

describe('filterImages', () => {
  it('keeps the newest image per distribution and architecture, sorted by name', () => {
    expect(filterImages(images).map((i) => i.id)).toEqual(['5', '4', '3', '2']);
  });

  it('applies allow, deny and predicate', () => {
    expect(filterImages(images, { allow: [/^ubuntu/], deny: [/-arm$/] }).map((i) => i.id)).toEqual(['2']);
    expect(filterImages(images, { allow: ['custom-tool'] }).map((i) => i.id)).toEqual(['5']);
    expect(filterImages(images, { latestPerDistribution: false, predicate: (i) => i.architecture === 'x86_64' }).map((i) => i.id)).toEqual(['1', '2']);
  });
});
