import { runConnectorConformance } from '@accords/connector-kit/conformance';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createOpenStackConnector } from '../src/index';
import type { Fixtures } from './backend';
import { adminSession, createFixtures, HAVE_OPENSTACK, osEnv, REQUIRE_BACKENDS, testConfig } from './backend';

if (!HAVE_OPENSTACK) {
  describe('OpenStack conformance', () => {
    it.runIf(REQUIRE_BACKENDS)('needs the real OpenStack (ACCORDS_TEST_OPENSTACK=1)', () => {
      throw new Error('ACCORDS_REQUIRE_BACKENDS=1 but ACCORDS_TEST_OPENSTACK is not 1: start OpenStack with scripts/test-all.sh');
    });
    it.skipIf(REQUIRE_BACKENDS)('skipped: set ACCORDS_TEST_OPENSTACK=1 with a running OpenStack to run it', () => undefined);
  });
} else {
  let fx: Fixtures;
  beforeAll(async () => {
    fx = await createFixtures(adminSession());
  });
  afterAll(async () => {
    await fx?.cleanup();
  });
  const regionId = `accords-test:${osEnv().region}`;
  // One connector for the whole suite: its token and offer cache are reused, as in the server.
  let shared: ReturnType<typeof createOpenStackConnector> | undefined;
  afterAll(async () => {
    await shared?.close();
  });
  runConnectorConformance(() => ({ connector: (shared ??= createOpenStackConnector(testConfig())) }), {
    name: 'openstack',
    regionId,
    get computeOfferId() {
      return `${regionId}.${fx.flavors.small}`;
    },
    get resizeOfferId() {
      return `${regionId}.${fx.flavors.medium}`;
    },
    get image() {
      return fx.imageId;
    },
    networkCidr: '10.42.0.0/24',
    settleTimeoutMs: 120_000,
    pollIntervalMs: 500,
    testTimeoutMs: 120_000,
  });
}
