import { randomUUID } from 'node:crypto';
import type { Target } from './measure';

/** What a group of cases gets. */
export interface BenchContext {
  url: string;
  token: string;
  /** `sqlite` or `postgres`. */
  database: string;
  /** Measures the server against a bare route returning the same bytes and prints the line. */
  compare(name: string, target: Target): Promise<void>;
}

const COMPUTE = 'http://schemas.ogf.org/occi/infrastructure#compute';

/**
 * The server's own cases: GET of one entity, GET of a 1,000-entity collection, POST create.
 * @param ctx - the bench context
 */
export async function serverCases(ctx: BenchContext): Promise<void> {
  const json = { authorization: `Bearer ${ctx.token}`, 'content-type': 'application/occi+json', accept: 'application/occi+json' };
  const attributes = { 'occi.compute.cores': 2, 'occi.compute.memory': 4, 'occi.compute.hostname': 'bench' };
  let first = '';
  for (let i = 0; i < 1000; i++) {
    const body = JSON.stringify({ id: randomUUID(), kind: COMPUTE, attributes });
    const res = await fetch(`${ctx.url}/compute/`, { method: 'POST', headers: json, body });
    if (res.status !== 201) throw new Error(`seeding: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    first ||= new URL(res.headers.get('location')!).pathname;
  }
  await ctx.compare('get-entity', { method: 'GET', path: first, headers: json });
  await ctx.compare('get-collection-1000', { method: 'GET', path: '/compute/', headers: json });
  // The JSON renderings need a client-chosen id; text/plain lets the server assign one, so one
  // fixed body can be sent again and again.
  const text = { authorization: `Bearer ${ctx.token}`, 'content-type': 'text/plain', accept: 'text/plain' };
  const create = `Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"\nX-OCCI-Attribute: occi.compute.cores=2\nX-OCCI-Attribute: occi.compute.hostname="bench"\n`;
  await ctx.compare('post-create', { method: 'POST', path: '/compute/', headers: text, body: create });
}
