/**
 * A small OCCI 1.2 server that speaks text/plain only (406 to a JSON Accept, 415 to a JSON body),
 * keeps its entities in memory, chooses their ids itself, ignores attribute filters, has no
 * region mixins and no attribute defaults in its query interface — the kind of vendor endpoint
 * the OCCI connector must drive. Test support only.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStandardModel, MIXIN, parse, render, transition } from '@accords/occi';
import type { ResourceData } from '@accords/occi';

const TPL = 'http://vendor.example/occi/templates#';

/** A fault to answer the next matching request with. */
export interface Fault {
  status: number;
  headers?: Record<string, string>;
  /** Only requests with this method (any when absent). */
  method?: string;
  /** Do the work, then answer with the fault (a lost reply). */
  afterWork?: boolean;
}

/** The running server. */
export interface TextOcciServer {
  url: string;
  /** Every entity, by location. */
  entities: Map<string, ResourceData>;
  /** Faults answered in order, one per matching request. */
  faults: Fault[];
  /** Requests seen, as `METHOD path`. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Starts the server on 127.0.0.1, port 0, with HTTP Basic authentication.
 * @param options - the accepted user and password
 * @returns the running server
 */
export async function startTextOcciServer(options: { username: string; password: string }): Promise<TextOcciServer> {
  const model = createStandardModel({ extensions: ['infrastructure'] });
  model.registerAll({
    mixins: [
      { scheme: TPL, term: 'tiny', title: 'Tiny: 1 vCPU, 2 GiB', depends: [MIXIN.resourceTpl], applies: [], location: '/templates/tiny/' },
      { scheme: TPL, term: 'big', title: 'Big: 4 vCPU, 8192 MB', depends: [MIXIN.resourceTpl], applies: [], location: '/templates/big/' },
      { scheme: TPL, term: 'mystery', title: 'Mystery size', depends: [MIXIN.resourceTpl], applies: [], location: '/templates/mystery/' },
      { scheme: TPL, term: 'alpine', title: 'Alpine Linux 3.20', depends: [MIXIN.osTpl], applies: [], location: '/templates/alpine/' },
    ],
  });
  const entities = new Map<string, ResourceData>();
  const faults: Fault[] = [];
  const requests: string[] = [];
  const expected = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;

  const send = (res: ServerResponse, status: number, body = '', headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'text/plain', ...headers });
    res.end(body);
  };
  const headersOf = (req: IncomingMessage): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
    return out;
  };
  const entityText = (e: ResourceData) => render('resource', 'text/plain', e, { model }).body;

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    requests.push(`${method} ${url.pathname}${url.search}`);
    if (req.headers.authorization !== expected) return send(res, 401, 'authentication required', { 'www-authenticate': 'Basic realm="occi"' });
    const fault = faults.findIndex((f) => !f.method || f.method === method);
    const pending = fault >= 0 ? faults.splice(fault, 1)[0] : undefined;
    if (pending && !pending.afterWork) return send(res, pending.status, `injected ${pending.status}`, pending.headers);
    const accept = req.headers.accept ?? '*/*';
    if (!/text\/plain|text\/uri-list|\*\/\*/.test(accept)) return send(res, 406, 'this server speaks text/plain only');
    if (body && !/^text\/plain/.test(req.headers['content-type'] ?? '')) return send(res, 415, 'send text/plain');
    const answer = (status: number, text = '', headers: Record<string, string> = {}) =>
      pending ? send(res, pending.status, `injected ${pending.status}`, pending.headers) : send(res, status, text, headers);

    if (url.pathname === '/-/' && method === 'GET') return answer(200, render('categories', 'text/plain', model.toCollection()).body);
    const mixin = model.mixins().find((m) => m.location === url.pathname);
    if (mixin && (method === 'POST' || method === 'DELETE')) {
      const locations = parse('association', 'text/plain', { headers: headersOf(req), body }).map((l) => new URL(l, 'http://x').pathname);
      const members = locations.map((l) => entities.get(l));
      if (members.some((e) => !e)) return answer(404, 'no such entity to associate');
      for (const e of members as ResourceData[]) e.mixins = method === 'POST' ? [...new Set([...e.mixins, mixin.id])] : e.mixins.filter((m) => m !== mixin.id);
      return answer(200);
    }
    const kind = model.kinds().find((k) => k.location && url.pathname.startsWith(k.location));
    if (!kind) return answer(404, `nothing at ${url.pathname}`);
    const isCollection = url.pathname === kind.location;
    if (isCollection && method === 'GET') {
      const locations = [...entities.values()].filter((e) => e.kind === kind.id).map((e) => e.location!);
      const page = Number(url.searchParams.get('page') ?? 1);
      const size = Number(url.searchParams.get('number') ?? locations.length);
      return answer(200, render('locations', 'text/plain', locations.slice((page - 1) * size, page * size)).body);
    }
    if (isCollection && method === 'POST') {
      let resource: ResourceData;
      try {
        resource = parse('resource', 'text/plain', { headers: headersOf(req), body }, { model }) as ResourceData;
      } catch (error) {
        return answer(400, (error as Error).message);
      }
      const id = randomUUID();
      const location = `${kind.location}${id}`;
      const machine = model.stateMachineOf(kind.id);
      const stored: ResourceData = { ...resource, id, kind: kind.id, location, attributes: { ...resource.attributes, ...(machine ? { [machine.attribute]: machine.initial } : {}) } };
      delete stored.actions;
      entities.set(location, stored);
      return answer(201, entityText(stored), { location: `http://127.0.0.1${location}` });
    }
    const entity = entities.get(url.pathname);
    if (!entity) return answer(404, `no entity at ${url.pathname}`);
    if (method === 'GET') return answer(200, entityText(entity));
    if (method === 'DELETE') {
      entities.delete(url.pathname);
      return answer(200);
    }
    const term = url.searchParams.get('action');
    if (method === 'POST' && term) {
      const action = model.actionsOf(entity).find((a) => a.endsWith(`#${term}`));
      const moved = action ? transition(model, entity, action) : undefined;
      if (!moved) return answer(400, `no action ${term}`);
      if (!moved.ok) return answer(409, moved.issues.map((i) => i.message).join('; '));
      Object.assign(entity.attributes, moved.value.attributes);
      return answer(200, entityText(entity));
    }
    if (method === 'POST') {
      // A partial update: mixins are added, attributes set; the state stays the server's.
      const update = parse('resource', 'text/plain', { headers: headersOf(req), body }, { model }) as ResourceData;
      const isSize = (id: string) => id !== MIXIN.resourceTpl && model.mixinClosure([id]).some((x) => x.id === MIXIN.resourceTpl);
      if (update.mixins.some(isSize) && entity.mixins.some((m) => isSize(m) && !update.mixins.includes(m))) {
        return answer(409, 'the entity already has a resource template: remove it first');
      }
      const { 'occi.compute.state': _state, ...attributes } = update.attributes;
      entity.mixins = [...new Set([...entity.mixins, ...update.mixins])];
      Object.assign(entity.attributes, attributes);
      return answer(200, entityText(entity));
    }
    return answer(405, `${method} not allowed`);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    entities,
    faults,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
