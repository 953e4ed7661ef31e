import type { ConnectorCapabilities, ImageInfo } from '@accords/connector-kit';

/** What the simulator supports: every kind, every action, resize, usage and images. */
export const SIM_CAPABILITIES: ConnectorCapabilities = {
  resourceKinds: ['compute', 'storage', 'network'],
  actions: {
    compute: ['start', 'stop', 'restart', 'suspend', 'resume', 'save'],
    storage: ['online', 'offline'],
    network: ['up', 'down'],
  },
  resize: true,
  usage: true,
  images: true,
  asyncProvisioning: true,
};

/** The simulated image registry, before filtering (older builds and a release candidate included). */
export const SIM_IMAGES: readonly ImageInfo[] = [
  { id: 'img-ubuntu-2404-a', name: 'ubuntu-24.04-20260105', os: 'linux', distribution: 'ubuntu-24.04', architecture: 'x86_64', createdAt: '2026-01-05T00:00:00Z' },
  { id: 'img-ubuntu-2404-b', name: 'ubuntu-24.04-20251201', os: 'linux', distribution: 'ubuntu-24.04', architecture: 'x86_64', createdAt: '2025-12-01T00:00:00Z' },
  { id: 'img-ubuntu-2404-arm', name: 'ubuntu-24.04-arm64-20260105', os: 'linux', distribution: 'ubuntu-24.04', architecture: 'arm64', createdAt: '2026-01-05T00:00:00Z' },
  { id: 'img-debian-12', name: 'debian-12-20260110', os: 'linux', distribution: 'debian-12', architecture: 'x86_64', createdAt: '2026-01-10T00:00:00Z' },
  { id: 'img-debian-13-rc', name: 'debian-13-rc1', os: 'linux', distribution: 'debian-13-rc', architecture: 'x86_64', createdAt: '2026-01-12T00:00:00Z' },
  { id: 'img-rocky-9', name: 'rocky-9.5-20251120', os: 'linux', distribution: 'rocky-9', architecture: 'x86_64', createdAt: '2025-11-20T00:00:00Z' },
  { id: 'img-windows-2022', name: 'windows-server-2022-20251210', os: 'windows', distribution: 'windows-2022', architecture: 'x86_64', createdAt: '2025-12-10T00:00:00Z' },
];
