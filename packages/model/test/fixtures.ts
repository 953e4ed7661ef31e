import type { Manifest } from '../src/types';

/** The smallest sound manifest, for tests to modify. */
export function minimalManifest(): Manifest {
  return {
    apiVersion: 'accords.dev/v1',
    name: 'tiny',
    nodes: [
      { name: 'app', cores: 2, memoryGiB: 4 },
      { name: 'db', cores: 4, memoryGiB: 16 },
    ],
    terms: {},
  };
}
