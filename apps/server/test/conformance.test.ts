import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeEachBackend } from './helpers/harness';
import { decode } from './helpers/occi-wire';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** Turns a text/plain body into text/occi request headers (one header per name, comma-joined). */
function asHeaders(body: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of body.split('\n').filter(Boolean)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

describeEachBackend('conformance with written requests', (h) => {
  it('text/plain request body (GFD.185 rendering), answered in text/plain', async () => {
    const res = await h().call('/compute/', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: fixture('create-compute.txt') });
    const text = await res.text();
    expect(res.status, text).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text).toContain('Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"');
    expect(text).toContain('X-OCCI-Attribute: occi.compute.hostname="foobar"');
    expect(text).toContain('X-OCCI-Attribute: occi.core.title="My Compute"');
    expect(text).toMatch(/^Link: <\/compute\/[^?]+\?action=start>; rel="http:\/\/schemas.ogf.org\/occi\/infrastructure\/compute\/action#start"$/m);
    const location = new URL(res.headers.get('location')!).pathname;
    const started = await h().call(`${location}?action=start`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: fixture('start-action.txt') });
    expect(started.status).toBe(200);
    expect(await started.text()).toContain('occi.compute.state="active"');
  });

  it('text/occi request headers, answered in text/occi headers', async () => {
    const res = await h().call('/compute/', { method: 'POST', headers: { 'content-type': 'text/occi', accept: 'text/occi', ...asHeaders(fixture('create-compute.txt')) } });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^text\/occi/);
    expect((await res.text()).trim()).toBe('OK');
    expect(res.headers.get('x-occi-attribute')).toContain('occi.compute.hostname="foobar"');
    expect(res.headers.get('category')).toContain('ubuntu_24_04');
  });

  it('application/occi+json request (GFD.226 rendering) with a template applied', async () => {
    const res = await h().call('/compute/', { method: 'POST', headers: { 'content-type': 'application/occi+json', accept: 'application/occi+json' }, body: fixture('create-compute.json') });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = JSON.parse(await res.clone().text()) as Record<string, unknown>;
    expect(body.kind).toBe('http://schemas.ogf.org/occi/infrastructure#compute');
    expect(body.id).toBe('0d3d1c2e-5b55-4b8e-9d0c-4c5e0f0a7001');
    const entity = await decode('resource', res);
    expect(entity.title).toBe('My JSON Compute');
    expect(entity.attributes['occi.compute.cores']).toBe(2);
    expect(entity.attributes['occi.compute.memory']).toBe(4);
    expect(new URL(res.headers.get('location')!).pathname).toBe('/compute/0d3d1c2e-5b55-4b8e-9d0c-4c5e0f0a7001');
  });
});
