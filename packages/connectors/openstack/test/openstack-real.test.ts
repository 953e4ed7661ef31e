import { isConnectorError } from '@accords/connector-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenStackConnector, NeutronClient, NOVA_CLIENT_MICROVERSIONS, NovaClient, ServiceClient } from '../src/index';
import type { Fixtures } from './backend';
import { adminSession, createFixtures, HAVE_OPENSTACK, osEnv, testConfig } from './backend';

const kindOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (isConnectorError(e) ? `${e.kind}: ${e.message}` : `not a ConnectorError: ${String(e)}`),
  );
const key = (label: string) => `os-${label}-${process.pid}-${Date.now().toString(36)}`;

describe.runIf(HAVE_OPENSTACK)('OpenStack connector against the real cloud: backend-specific behaviour', () => {
  const session = adminSession();
  const env = osEnv();
  const identity = new ServiceClient({ session, serviceType: 'identity', region: env.region });
  const regionId = `accords-test:${env.region}`;
  let fx: Fixtures;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    fx = await createFixtures(session);
  });
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    await fx?.cleanup();
  });

  it('negotiates the highest microversion both sides support', async () => {
    const compute = new ServiceClient({ session, serviceType: 'compute', region: env.region });
    const doc = (await compute.call<{ version: { version: string } }>({ method: 'GET', path: '/' })).body.version;
    const [, serverMinor] = doc.version.split('.').map(Number);
    const expected = Math.min(serverMinor!, Number(NOVA_CLIENT_MICROVERSIONS.max.split('.')[1]));
    expect(await new NovaClient(compute).microversion()).toBe(`2.${expected}`);
  });

  it('maps a refused password to auth', async () => {
    process.env.ACCORDS_TEST_WRONG_PASSWORD = 'not-the-password';
    const c = createOpenStackConnector(testConfig({ credentials: { ...testConfig().credentials, password: 'env:ACCORDS_TEST_WRONG_PASSWORD' } }));
    expect(await kindOf(c.regions())).toMatch(/^auth: OpenStack identity \(regions\): The request you have made requires authentication/);
    await c.close();
  });

  it('authenticates with an application credential', async () => {
    const token = await session.getToken();
    const me = await identity.call<{ token: { user: { id: string } } }>({ method: 'GET', path: '/auth/tokens', headers: { 'x-subject-token': token.value } });
    const userId = me.body.token.user.id;
    const made = await identity.call<{ application_credential: { id: string; secret: string } }>({
      method: 'POST',
      path: `/users/${userId}/application_credentials`,
      body: { application_credential: { name: key('appcred') } },
    });
    const { id, secret } = made.body.application_credential;
    cleanups.push(() => identity.call({ method: 'DELETE', path: `/users/${userId}/application_credentials/${id}` }));
    process.env.ACCORDS_TEST_APP_SECRET = secret;
    const c = createOpenStackConnector(testConfig({ credentials: { kind: 'application_credential', id, secret: 'env:ACCORDS_TEST_APP_SECRET' } }));
    expect((await c.regions()).map((r) => r.id)).toEqual([regionId]);
    expect((await c.offers()).offers.map((o) => o.id)).toContain(`${regionId}.${fx.flavors.small}`);
    await c.close();
  });

  it('reports "No valid host" as capacity and leaves no server behind', async () => {
    const c = createOpenStackConnector(testConfig());
    const k = key('huge');
    const outcome = await kindOf(c.create({ kind: 'compute', idempotencyKey: k, regionId, offerId: `${regionId}.${fx.flavors.huge}`, name: 'huge', image: fx.imageId }));
    expect(outcome).toMatch(/^capacity: .*No valid host was found/);
    expect((await c.list()).filter((r) => r.idempotencyKey === k)).toEqual([]);
    await c.close();
  });

  it('reports an exhausted project quota as quota', async () => {
    const roles = await identity.call<{ roles: { id: string }[] }>({ method: 'GET', path: '/roles', query: { name: 'admin' } });
    const token = await session.getToken();
    const me = await identity.call<{ token: { user: { id: string } } }>({ method: 'GET', path: '/auth/tokens', headers: { 'x-subject-token': token.value } });
    const name = key('quota');
    const project = await identity.call<{ project: { id: string } }>({ method: 'POST', path: '/projects', body: { project: { name, domain_id: 'default' } } });
    const projectId = project.body.project.id;
    cleanups.push(() => identity.call({ method: 'DELETE', path: `/projects/${projectId}` }));
    await identity.call({ method: 'PUT', path: `/projects/${projectId}/users/${me.body.token.user.id}/roles/${roles.body.roles[0]!.id}` });
    await new NovaClient(new ServiceClient({ session, serviceType: 'compute', region: env.region })).setQuota(projectId, { instances: 0 });
    const c = createOpenStackConnector(testConfig({ credentials: { ...testConfig().credentials, projectName: name } }));
    const offers = (await c.offers()).offers;
    expect(offers.every((o) => o.capacity === 0)).toBe(true);
    expect(await kindOf(c.create({ kind: 'compute', idempotencyKey: key('q'), regionId, offerId: `${regionId}.${fx.flavors.small}`, name: 'over', image: fx.imageId }))).toMatch(
      /^quota: .*Quota exceeded for instances/,
    );
    await c.close();
  });

  it('attaches servers to a Neutron network through a port (networkinterface)', { timeout: 120_000 }, async () => {
    const c = createOpenStackConnector(testConfig());
    const net = await c.create({ kind: 'network', idempotencyKey: key('net'), regionId, name: 'frontend', cidr: '10.88.0.0/24' });
    cleanups.push(() => c.delete(net.id));
    expect(net.attributes).toMatchObject({ 'occi.network.address': '10.88.0.0/24', 'occi.network.gateway': '10.88.0.1', 'occi.network.allocation': 'dynamic' });
    const attached = createOpenStackConnector(testConfig({ defaultNetwork: String(net.attributes['accords.openstack.network']) }));
    // The image is named as a manifest names it (os_tpl by name), not by its Glance id.
    const vm = await attached.create({ kind: 'compute', idempotencyKey: key('vm'), regionId, offerId: `${regionId}.${fx.flavors.small}`, name: 'attached', image: fx.imageName });
    expect(vm.attributes['accords.image']).toBe(fx.imageId);
    cleanups.push(() => attached.delete(vm.id));
    expect(vm.addresses).toHaveLength(1);
    expect(vm.addresses?.[0]).toMatch(/^10\.88\.0\.\d+$/);
    const neutron = new NeutronClient(new ServiceClient({ session, serviceType: 'network', region: env.region }));
    const ports = await neutron.listPorts({ device_id: String(vm.attributes['accords.openstack.server']) });
    expect(ports.map((p) => p.fixed_ips[0]?.ip_address)).toEqual(vm.addresses);
    await attached.close();
    await c.close();
  });

  it('filters images by the configured allow list', async () => {
    const c = createOpenStackConnector(testConfig({ imageAllow: ['/^acc-tiny-/'] }));
    const images = await c.images();
    expect(images.length).toBeGreaterThan(0);
    expect(images.every((i) => i.name.startsWith('acc-tiny-'))).toBe(true);
    expect(images.find((i) => i.id === fx.imageId)).toMatchObject({ os: 'linux', distribution: 'tiny', regionIds: [regionId] });
    await c.close();
  });
});
