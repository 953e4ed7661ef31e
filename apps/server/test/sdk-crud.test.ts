import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, OcciClientError, type Client, type Rendering } from '@accords/sdk';
import { startServer, type RunningServer } from '../src/index';

// The SDK (packages/sdk) against the real reference server over a socket, in both renderings.

const ADMIN = 'sdk-test-admin-token-0123456789abcdef';
const INFRA = 'http://schemas.ogf.org/occi/infrastructure#';
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ databaseUrl: 'sqlite::memory:', port: 0, adminToken: ADMIN, logLevel: 'silent' });
});
afterAll(async () => {
  await server?.close();
});

describe.each(['application/occi+json', 'text/plain'] as Rendering[])('SDK against the reference server (%s)', (rendering) => {
  let client: Client;
  beforeAll(() => {
    client = createClient({ url: server.url, token: ADMIN, rendering, retries: { retries: 2, minDelayMs: 1, maxDelayMs: 10 } });
  });

  it('discovers the Infrastructure kinds, templates and actions', async () => {
    const model = await client.model();
    expect(model.locationOf('compute')).toMatch(/\/compute\/$/);
    expect(model.kind('compute').actions).toContain('http://schemas.ogf.org/occi/infrastructure/compute/action#start');
    expect(model.categories.mixins.some((m) => m.term === 'os_tpl')).toBe(true);
  });

  it('creates, reads, partially updates, replaces with If-Match and deletes a compute', async () => {
    const vm = await client.entities.create({ kind: 'compute', title: 'web-1', attributes: { 'occi.compute.cores': 2, 'occi.compute.hostname': 'web-1' } });
    expect(vm.location).toMatch(/\/compute\/[0-9a-f-]{36}$/);
    expect(vm.kind).toBe(`${INFRA}compute`);
    expect(vm.title).toBe('web-1');
    expect(vm.attributes['occi.compute.cores']).toBe(2);
    expect(vm.etag).toBeTruthy();

    const updated = await client.entities.update(vm.location!, { attributes: { 'occi.compute.memory': 4 } });
    expect(updated.attributes['occi.compute.memory']).toBe(4);
    expect(updated.attributes['occi.compute.cores']).toBe(2);
    expect(updated.etag).not.toBe(vm.etag);

    const stale = await client.entities.replace(vm.location!, { ...vm, links: [] }, { ifMatch: vm.etag }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(OcciClientError);
    expect(stale).toMatchObject({ status: 412 });
    const replaced = await client.entities.replace(vm.location!, { ...updated, attributes: { ...updated.attributes, 'occi.compute.cores': 8 }, links: [] }, { ifMatch: updated.etag });
    expect(replaced.attributes['occi.compute.cores']).toBe(8);

    await client.entities.delete(vm.location!);
    await expect(client.entities.get(vm.location!)).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });
});
