import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { startServer } from '../../src/index';
import type { RunningServer, ServerOptions } from '../../src/index';
import { BACKENDS, REQUIRE_BACKENDS } from './backends';
import type { Backend } from './backends';

/** The administrator token every test server starts with. */
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** A server started for one test file, with helpers to call it. */
export interface Harness {
  backend: Backend['name'];
  server: RunningServer;
  /** The database URL, for a second process on the same database. */
  databaseUrl: string;
  /** `fetch` against the server with a token (the admin's by default). */
  call(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  /** Creates a tenant and returns its token. */
  tenant(name: string): Promise<{ id: string; token: string; location: string }>;
}

/**
 * Runs `suite` once per backend (sqlite, and PostgreSQL when configured), each with its own
 * fresh database and server listening on port 0.
 * @param name - suite name
 * @param suite - the tests; call `h()` inside tests to get the harness
 * @param options - extra server options
 */
export function describeEachBackend(name: string, suite: (h: () => Harness) => void, options: Partial<ServerOptions> = {}): void {
  for (const backend of BACKENDS) {
    const run = backend.available || REQUIRE_BACKENDS ? describe : describe.skip;
    run(`${name} [${backend.name}]`, () => {
      let harness: Harness | undefined;
      let drop: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const db = await backend.fresh();
        drop = db.drop;
        const server = await startServer({ databaseUrl: db.url, port: 0, host: '127.0.0.1', adminToken: ADMIN_TOKEN, logLevel: 'silent', ...options });
        harness = makeHarness({ backend: backend.name, server, databaseUrl: db.url });
      });
      afterAll(async () => {
        await harness?.server.close();
        await drop?.();
      });
      suite(() => {
        if (!harness) throw new Error('the server did not start');
        return harness;
      });
    });
  }
}

/**
 * Wraps a running server with call helpers.
 * @param args - backend name, server and database URL
 * @returns the harness
 */
export function makeHarness(args: { backend: Backend['name']; server: RunningServer; databaseUrl: string }): Harness {
  const call: Harness['call'] = (path, init = {}) => {
    const { token, ...rest } = init;
    const headers = new Headers(rest.headers);
    const bearer = token === undefined ? ADMIN_TOKEN : token;
    if (bearer !== null && !headers.has('authorization')) headers.set('authorization', `Bearer ${bearer}`);
    return fetch(args.server.url + path, { ...rest, headers });
  };
  return {
    ...args,
    call,
    async tenant(name) {
      const res = await call('/tenant/', {
        method: 'POST',
        headers: { 'content-type': 'application/occi+json', accept: 'application/occi+json' },
        body: JSON.stringify({ id: randomUUID(), kind: 'http://schemas.accords.dev/occi/platform#tenant', attributes: { 'accords.tenant.name': name } }),
      });
      if (res.status !== 201) throw new Error(`creating tenant ${name}: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { id: string; attributes: Record<string, string> };
      return { id: body.id, token: body.attributes['accords.tenant.token']!, location: new URL(res.headers.get('location')!).pathname };
    },
  };
}
