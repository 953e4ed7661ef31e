import { KeystoneSession, NovaClient, ServiceClient } from '../src/index';

/** Whether the real OpenStack is available to this run (ACCORDS_TEST_OPENSTACK=1 and OS_* set). */
export const HAVE_OPENSTACK = process.env.ACCORDS_TEST_OPENSTACK === '1';
/** Whether missing backends must fail the run instead of skipping. */
export const REQUIRE_BACKENDS = process.env.ACCORDS_REQUIRE_BACKENDS === '1';

/** The OS_* environment of the test cloud. */
export function osEnv() {
  const e = process.env;
  return {
    authUrl: e.OS_AUTH_URL ?? 'http://127.0.0.1:5000/v3',
    username: e.OS_USERNAME ?? 'admin',
    projectName: e.OS_PROJECT_NAME ?? 'admin',
    userDomainName: e.OS_USER_DOMAIN_NAME ?? 'Default',
    projectDomainName: e.OS_PROJECT_DOMAIN_NAME ?? 'Default',
    region: e.OS_REGION_NAME ?? 'RegionOne',
  };
}

/** An admin session on the test cloud (for fixtures). */
export function adminSession(): KeystoneSession {
  const env = osEnv();
  return new KeystoneSession({
    authUrl: env.authUrl,
    credentials: { kind: 'password', username: env.username, projectName: env.projectName, userDomainName: env.userDomainName, projectDomainName: env.projectDomainName, password: async () => process.env.OS_PASSWORD ?? '' },
  });
}

/** Fixtures a test run creates on the cloud and removes afterwards. */
export interface Fixtures {
  flavors: { small: string; medium: string; huge: string };
  imageId: string;
  imageName: string;
  projectId: string;
  cleanup: () => Promise<void>;
}

/** Creates two small flavours, one impossible flavour (for capacity) and a 1 MiB image, with a unique suffix. */
export async function createFixtures(session: KeystoneSession): Promise<Fixtures> {
  const env = osEnv();
  const nova = new NovaClient(new ServiceClient({ session, serviceType: 'compute', region: env.region }));
  const glance = new ServiceClient({ session, serviceType: 'image', region: env.region });
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  const small = await nova.createFlavor({ name: `acc-small-${tag}`, vcpus: 1, ram: 64, disk: 1 });
  const medium = await nova.createFlavor({ name: `acc-medium-${tag}`, vcpus: 2, ram: 128, disk: 1 });
  const huge = await nova.createFlavor({ name: `acc-huge-${tag}`, vcpus: 1, ram: 64, disk: 50_000_000 });
  const image = await glance.call<{ id: string }>({ method: 'POST', path: '/v2/images', body: { name: `acc-tiny-${tag}`, disk_format: 'raw', container_format: 'bare', visibility: 'public', os_distro: 'tiny', os_type: 'linux' } });
  const token = await session.getToken();
  const base = await glance.endpoint();
  const put = await fetch(`${base}/v2/images/${image.body.id}/file`, { method: 'PUT', headers: { 'x-auth-token': token.value, 'content-type': 'application/octet-stream' }, body: new Uint8Array(1024 * 1024) });
  if (!put.ok) throw new Error(`image upload failed: ${put.status} ${await put.text()}`);
  return {
    flavors: { small: small.id, medium: medium.id, huge: huge.id },
    imageId: image.body.id,
    imageName: `acc-tiny-${tag}`,
    projectId: token.projectId!,
    cleanup: async () => {
      for (const id of [small.id, medium.id, huge.id]) await nova.deleteFlavor(id).catch(() => undefined);
      await glance.call({ method: 'DELETE', path: `/v2/images/${image.body.id}` }).catch(() => undefined);
    },
  };
}

/** The connector configuration the tests use: the admin project of the test cloud, priced by formula. */
export function testConfig(overrides: Record<string, unknown> = {}) {
  const env = osEnv();
  return {
    providerId: 'accords-test',
    authUrl: env.authUrl,
    credentials: { kind: 'password' as const, username: env.username, projectName: env.projectName, userDomainName: env.userDomainName, projectDomainName: env.projectDomainName, password: 'env:OS_PASSWORD' },
    regions: { [env.region]: { country: 'FR', city: 'Paris', coordinates: { lat: 48.86, lon: 2.35 }, timeZone: 'Europe/Paris', pue: 1.3, renewableShare: 0.2 } },
    pricing: { currency: 'EUR', coreHour: 0.02, memoryGiBHour: 0.01 },
    settleTimeoutMs: 120_000,
    ...overrides,
  };
}
