import { runConnectorConformance } from '@accords/connector-kit/conformance';
import { describe, it } from 'vitest';
import { createLibvirtConnector } from '../src/index';
import { HAVE_LIBVIRT, REQUIRE_BACKENDS, testDriverConfig } from './backend';

if (!HAVE_LIBVIRT) {
  describe('libvirt conformance', () => {
    it.runIf(REQUIRE_BACKENDS)('needs the libvirt test driver (ACCORDS_TEST_LIBVIRT=1, ACCORDS_TEST_LIBVIRT_URI)', () => {
      throw new Error('ACCORDS_REQUIRE_BACKENDS=1 but no libvirt daemon: start it with scripts/test-all.sh');
    });
    it.skipIf(REQUIRE_BACKENDS)('skipped: set ACCORDS_TEST_LIBVIRT=1 and ACCORDS_TEST_LIBVIRT_URI to run it', () => undefined);
  });
} else {
  runConnectorConformance(
    () => {
      const connector = createLibvirtConnector(testDriverConfig());
      return { connector, dispose: () => connector.close() };
    },
    { name: 'libvirt (test driver)', networkCidr: '10.42.0.0/24', settleTimeoutMs: 30_000, pollIntervalMs: 200 },
  );
}
