import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, type Listening } from './listen';
import { BROKER_CATEGORIES, createMiniBroker, type MiniBrokerOptions } from './mini-broker';
import { parseParams, parseScalar, quote, readEntries, renderScalar, type Scalar } from './text-wire';

// A minimal OCCI 1.2 server that speaks only text/plain, text/occi and text/uri-list: just
// enough of the query interface, CRUD, actions, links and mixins to drive the SDK over a socket.

const CORE = 'http://schemas.ogf.org/occi/core#';
const INFRA = 'http://schemas.ogf.org/occi/infrastructure#';
const COMPUTE_ACTION = 'http://schemas.ogf.org/occi/infrastructure/compute/action#';

interface Category {
  scheme: string;
  term: string;
  class: 'kind' | 'mixin' | 'action';
  title?: string;
  rel?: string;
  location?: string;
  attributes?: string;
  actions?: string;
  user?: boolean;
}

interface Entity {
  location: string;
  kind: string;
  mixins: string[];
  attributes: Record<string, Scalar>;
  version: number;
}

const STANDARD: Category[] = [
  { scheme: CORE, term: 'entity', class: 'kind', title: 'Entity', location: '/entity/', attributes: 'occi.core.id{immutable required} occi.core.title' },
  { scheme: CORE, term: 'resource', class: 'kind', title: 'Resource', rel: `${CORE}entity`, location: '/resource/', attributes: 'occi.core.summary' },
  { scheme: CORE, term: 'link', class: 'kind', title: 'Link', rel: `${CORE}entity`, location: '/link/', attributes: 'occi.core.source{required} occi.core.target{required}' },
  {
    scheme: INFRA, term: 'compute', class: 'kind', title: 'Compute Resource', rel: `${CORE}resource`, location: '/compute/',
    attributes: 'occi.compute.cores occi.compute.memory occi.compute.hostname occi.compute.state{immutable}',
    actions: `${COMPUTE_ACTION}start ${COMPUTE_ACTION}stop`,
  },
  { scheme: INFRA, term: 'network', class: 'kind', title: 'Network', rel: `${CORE}resource`, location: '/network/', attributes: 'occi.network.vlan' },
  { scheme: INFRA, term: 'networkinterface', class: 'kind', title: 'Network Interface', rel: `${CORE}link`, location: '/networkinterface/', attributes: 'occi.networkinterface.interface' },
  { scheme: INFRA, term: 'os_tpl', class: 'mixin', title: 'OS Template', location: '/os_tpl/' },
  { scheme: 'http://example.org/os#', term: 'debian', class: 'mixin', title: 'Debian 12', rel: `${INFRA}os_tpl`, location: '/debian/' },
  { scheme: COMPUTE_ACTION, term: 'start', class: 'action', title: 'Start' },
  { scheme: COMPUTE_ACTION, term: 'stop', class: 'action', title: 'Stop', attributes: 'method' },
];

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Options of the test server. */
export interface TextOcciServerOptions {
  /** Bearer token every request must carry (none by default). */
  token?: string;
  /** Also serve the broker's resources (manifests, agreements, progress, offers, invoices). */
  broker?: boolean | MiniBrokerOptions;
}

/** The running test server, with hooks for the tests. */
export interface TextOcciServer extends Listening {
  /** Answer the next `n` requests with 503 (to exercise retries). */
  failNext(n: number): void;
  /** Every request line seen, e.g. `GET /compute/?page=1&number=2`, and its Accept. */
  readonly log: { line: string; accept: string | undefined; contentType: string | undefined }[];
  readonly entities: Map<string, Entity>;
}

/** Starts the minimal text-only OCCI server on a free loopback port. */
export async function startTextOcciServer(options: TextOcciServerOptions = {}): Promise<TextOcciServer> {
  let counter = 0;
  const categories: Category[] = [...STANDARD, ...(options.broker ? BROKER_CATEGORIES : [])].map((c) => ({ ...c }));
  const entities = new Map<string, Entity>();
  const broker = options.broker
    ? createMiniBroker({ entities, nextId: () => (++counter).toString().padStart(4, '0') }, options.broker === true ? {} : options.broker)
    : undefined;
  const log: TextOcciServer['log'] = [];
  let failures = 0;

  const id = (c: { scheme: string; term: string }): string => c.scheme + c.term;
  const byId = (schemeTerm: string): Category | undefined => categories.find((c) => id(c) === schemeTerm);

  const listening = await listen((req, res) => {
    log.push({ line: `${req.method} ${req.url}`, accept: req.headers.accept, contentType: req.headers['content-type'] });
    if (failures > 0) {
      failures--;
      res.writeHead(503, { 'Retry-After': '0', 'Content-Type': 'text/plain' });
      res.end('overloaded, try again');
      return;
    }
    try {
      handle(req, res);
    } catch (error) {
      const status = error instanceof HttpError ? error.status : (error as { status?: number }).status ?? 400;
      res.writeHead(status, { 'Content-Type': 'text/plain', Server: 'TextOcci/0.1 OCCI/1.2' });
      res.end(`${(error as Error).message}\n`);
    }
  });

  function handle(req: IncomingMessage & { body: string }, res: ServerResponse): void {
    if (options.token && req.headers.authorization !== `Bearer ${options.token}`) {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer', 'Content-Type': 'text/plain' });
      res.end('authentication required');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://x');
    if (broker?.handle(req, res, url)) return;
    const accept = negotiate(req.headers.accept);
    const contentType = (req.headers['content-type'] ?? 'text/plain').split(';')[0]!.trim();
    if (req.body && !['text/plain', 'text/occi'].includes(contentType)) throw new HttpError(415, `unsupported media type ${contentType}`);
    const entries = readEntries({ body: req.body, headers: req.headers, contentType });
    const path = url.pathname;

    if (path === '/-/' || path === '/.well-known/org/ogf/occi/-/') {
      if (req.method === 'GET') {
        const filter = url.searchParams.get('category');
        return reply(res, accept, categories.filter((c) => !filter || id(c) === filter).map((c) => ({ name: 'Category', value: renderCategory(c) })));
      }
      const posted = entries.filter((e) => e.name === 'category').map((e) => parseCategory(e.value));
      if (req.method === 'POST') {
        for (const c of posted) {
          if (byId(id(c))) throw new HttpError(409, `category ${id(c)} exists`);
          if (!c.location) throw new HttpError(400, `user mixin ${c.term} has no location`);
          categories.push({ ...c, class: 'mixin', user: true });
        }
        return reply(res, accept, []);
      }
      if (req.method === 'DELETE') {
        for (const c of posted) {
          const found = byId(id(c));
          if (!found) throw new HttpError(404, `no category ${id(c)}`);
          if (!found.user) throw new HttpError(403, `${id(c)} is not a user mixin`);
          categories.splice(categories.indexOf(found), 1);
          for (const e of entities.values()) e.mixins = e.mixins.filter((m) => m !== id(c));
        }
        return reply(res, accept, []);
      }
      throw new HttpError(405, 'method not allowed');
    }

    const collection = categories.find((c) => c.location === path);
    if (collection) return onCollection(collection);
    const entity = entities.get(path);
    const kindAt = categories.find((c) => c.class === 'kind' && c.location && path.startsWith(c.location) && path !== c.location);
    if (!kindAt) throw new HttpError(404, `nothing at ${path}`);
    return onEntity(kindAt, entity);

    function onCollection(category: Category): void {
      const members = [...entities.values()].filter((e) => (category.class === 'kind' ? isOfKind(e.kind, category) : e.mixins.includes(id(category))));
      if (req.method === 'GET') {
        const action = url.searchParams.get('category');
        const attr = url.searchParams.get('attribute');
        let selected = members.filter((e) => !action || e.kind === action || e.mixins.includes(action));
        if (attr) {
          const [name, value] = [attr.slice(0, attr.indexOf('=')), attr.slice(attr.indexOf('=') + 1)];
          selected = selected.filter((e) => String(e.attributes[name]) === value);
        }
        const page = Number(url.searchParams.get('page') ?? 1);
        const number = Number(url.searchParams.get('number') ?? 1000);
        if (number > 50) throw new HttpError(413, `number ${number} is over the limit of 50`);
        selected = selected.sort((a, b) => a.location.localeCompare(b.location)).slice((page - 1) * number, page * number);
        return reply(res, accept, selected.map((e) => ({ name: 'X-OCCI-Location', value: absolute(e.location) })), { uriList: true });
      }
      if (category.class === 'mixin') {
        const targets = entries.filter((e) => e.name === 'x-occi-location').map((e) => new URL(e.value, 'http://x').pathname);
        if (req.method === 'PUT') for (const e of members) e.mixins = e.mixins.filter((m) => m !== id(category));
        for (const t of targets) {
          const e = entities.get(t);
          if (!e) throw new HttpError(404, `no entity at ${t}`);
          if (req.method === 'DELETE') e.mixins = e.mixins.filter((m) => m !== id(category));
          else if (!e.mixins.includes(id(category))) e.mixins.push(id(category));
          e.version++;
        }
        return reply(res, accept, []);
      }
      if (req.method === 'POST' && !url.searchParams.has('action')) {
        const created = build(category, `${category.location}${(++counter).toString().padStart(4, '0')}`);
        res.setHeader('Location', absolute(created.location));
        return reply(res, accept, [{ name: 'X-OCCI-Location', value: absolute(created.location) }], { status: 201 });
      }
      if (req.method === 'DELETE') {
        for (const e of members) entities.delete(e.location);
        return reply(res, accept, []);
      }
      throw new HttpError(405, 'method not allowed');
    }

    function onEntity(kind: Category, existing: Entity | undefined): void {
      if (req.method === 'PUT') {
        checkIfMatch(existing);
        const created = build(kind, path, existing);
        res.setHeader('ETag', etag(created));
        return reply(res, accept, renderEntity(created), { status: existing ? 200 : 201 });
      }
      if (!existing) throw new HttpError(404, `no entity at ${path}`);
      if (req.method === 'GET') {
        res.setHeader('ETag', etag(existing));
        return reply(res, accept, renderEntity(existing));
      }
      checkIfMatch(existing);
      if (req.method === 'DELETE') {
        entities.delete(path);
        for (const e of [...entities.values()]) if (e.attributes['occi.core.source'] === path || e.attributes['occi.core.target'] === path) entities.delete(e.location);
        return reply(res, accept, []);
      }
      if (req.method === 'POST' && url.searchParams.has('action')) {
        const term = url.searchParams.get('action');
        const posted = entries.find((e) => e.name === 'category');
        if (!posted || parseParams(posted.value).head !== term) throw new HttpError(400, `the body must name the action ${term}`);
        if (broker?.act(existing, term!)) return reply(res, accept, renderEntity(existing));
        const state = existing.attributes['occi.compute.state'];
        if (term === 'start' && state !== 'inactive') throw new HttpError(409, `start is not applicable in state ${String(state)}`);
        if (term === 'stop' && state !== 'active') throw new HttpError(409, `stop is not applicable in state ${String(state)}`);
        existing.attributes['occi.compute.state'] = term === 'start' ? 'active' : 'inactive';
        existing.version++;
        return reply(res, accept, renderEntity(existing));
      }
      if (req.method === 'POST') {
        const update = readEntity(entries);
        if ('occi.compute.state' in update.attributes) throw new HttpError(400, 'occi.compute.state is immutable');
        Object.assign(existing.attributes, update.attributes);
        for (const m of update.mixins) if (!existing.mixins.includes(m)) existing.mixins.push(m);
        existing.version++;
        res.setHeader('ETag', etag(existing));
        return reply(res, accept, renderEntity(existing));
      }
      throw new HttpError(405, 'method not allowed');
    }

    function checkIfMatch(existing: Entity | undefined): void {
      const wanted = req.headers['if-match'];
      if (wanted && (!existing || (wanted !== '*' && wanted !== etag(existing)))) throw new HttpError(412, `If-Match ${wanted} does not match`);
    }

    function build(kind: Category, location: string, previous?: Entity): Entity {
      const body = readEntity(entries);
      if (body.kind && body.kind !== id(kind)) throw new HttpError(400, `kind ${body.kind} does not belong at ${kind.location}`);
      for (const m of body.mixins) if (byId(m)?.class !== 'mixin') throw new HttpError(400, `unknown mixin ${m}`);
      const attributes: Record<string, Scalar> = { ...body.attributes, 'occi.core.id': location.split('/').pop()! };
      if (kind.term === 'compute') attributes['occi.compute.state'] = previous?.attributes['occi.compute.state'] ?? 'inactive';
      if (isOfKind(id(kind), byId(`${CORE}link`)!)) {
        for (const end of ['occi.core.source', 'occi.core.target']) {
          const at = attributes[end];
          if (typeof at !== 'string') throw new HttpError(400, `${end} is required`);
          attributes[end] = new URL(at, 'http://x').pathname;
          if (!entities.has(attributes[end] as string)) throw new HttpError(400, `${end} ${at} does not exist`);
        }
      }
      const entity: Entity = { location, kind: id(kind), mixins: body.mixins, attributes, version: (previous?.version ?? 0) + 1 };
      entities.set(location, entity);
      for (const link of body.links) {
        const lk = byId(link.category ?? `${CORE}link`) ?? byId(`${CORE}link`)!;
        const target = new URL(link.target, 'http://x').pathname;
        if (!entities.has(target)) throw new HttpError(400, `link target ${link.target} does not exist`);
        const at = `${lk.location}${(++counter).toString().padStart(4, '0')}`;
        entities.set(at, { location: at, kind: id(lk), mixins: [], attributes: { ...link.attributes, 'occi.core.id': at.split('/').pop()!, 'occi.core.source': location, 'occi.core.target': target }, version: 1 });
      }
      return entity;
    }
  }

  function isOfKind(kindId: string, ancestor: Category): boolean {
    for (let k = byId(kindId); k; k = k.rel ? byId(k.rel) : undefined) if (id(k) === id(ancestor)) return true;
    return false;
  }

  function renderEntity(e: Entity): { name: string; value: string }[] {
    const lines = [{ name: 'Category', value: renderCategory(byId(e.kind)!, true) }];
    for (const m of e.mixins) {
      const mixin = byId(m);
      if (mixin) lines.push({ name: 'Category', value: renderCategory(mixin, true) });
    }
    for (const l of entities.values()) {
      if (l.attributes['occi.core.source'] !== e.location) continue;
      const attrs = Object.entries(l.attributes).filter(([n]) => !n.startsWith('occi.core.source')).map(([n, v]) => `; ${n}=${renderScalar(v)}`).join('');
      lines.push({ name: 'Link', value: `<${l.attributes['occi.core.target']}>; rel="${CORE}resource"; self="${l.location}"; category="${l.kind}"${attrs}` });
    }
    const state = e.attributes['occi.compute.state'];
    if (state === 'inactive') lines.push({ name: 'Link', value: `<${e.location}?action=start>; rel="${COMPUTE_ACTION}start"` });
    if (state === 'active') lines.push({ name: 'Link', value: `<${e.location}?action=stop>; rel="${COMPUTE_ACTION}stop"` });
    for (const [n, v] of Object.entries(e.attributes)) lines.push({ name: 'X-OCCI-Attribute', value: `${n}=${renderScalar(v)}` });
    return lines;
  }

  function reply(res: ServerResponse, accept: string, lines: { name: string; value: string }[], opts: { status?: number; uriList?: boolean } = {}): void {
    res.statusCode = opts.status ?? 200;
    res.setHeader('Server', 'TextOcci/0.1 OCCI/1.2');
    if (accept === 'text/uri-list') {
      if (!opts.uriList) throw new HttpError(400, 'text/uri-list only for collections');
      res.setHeader('Content-Type', 'text/uri-list');
      res.end(lines.map((l) => `${l.value}\n`).join(''));
    } else if (accept === 'text/occi') {
      res.setHeader('Content-Type', 'text/occi');
      const grouped = new Map<string, string[]>();
      for (const l of lines) grouped.set(l.name, [...(grouped.get(l.name) ?? []), l.value]);
      for (const [name, values] of grouped) res.setHeader(name, values.join(', '));
      res.end('OK\n');
    } else {
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(lines.length ? lines.map((l) => `${l.name}: ${l.value}\n`).join('') : 'OK\n');
    }
  }

  const absolute = (location: string): string => new URL(location, listening.url).toString();

  return Object.assign(listening, {
    failNext(n: number) {
      failures = n;
    },
    log,
    entities,
  });
}

function negotiate(accept: string | undefined): string {
  if (!accept) return 'text/plain';
  for (const part of accept.split(',')) {
    const type = part.split(';')[0]!.trim();
    if (type === '*/*' || type === 'text/*' || type === 'text/plain') return 'text/plain';
    if (type === 'text/occi' || type === 'text/uri-list') return type;
  }
  throw new HttpError(406, `cannot answer in ${accept}: text/plain, text/occi or text/uri-list only`);
}

function renderCategory(c: Category, short = false): string {
  let out = `${c.term}; scheme=${quote(c.scheme)}; class=${quote(c.class)}`;
  if (short) return out;
  if (c.title) out += `; title=${quote(c.title)}`;
  if (c.rel) out += `; rel=${quote(c.rel)}`;
  if (c.location) out += `; location=${quote(c.location)}`;
  if (c.attributes) out += `; attributes=${quote(c.attributes)}`;
  if (c.actions) out += `; actions=${quote(c.actions)}`;
  return out;
}

function parseCategory(value: string): Category {
  const { head, params } = parseParams(value);
  if (!params.scheme) throw new HttpError(400, `category ${head} has no scheme`);
  return { term: head, scheme: params.scheme, class: (params.class ?? 'mixin') as Category['class'], title: params.title, location: params.location, rel: params.rel };
}

function readEntity(entries: { name: string; value: string }[]): { kind?: string; mixins: string[]; attributes: Record<string, Scalar>; links: { target: string; category?: string; attributes: Record<string, Scalar> }[] } {
  let kind: string | undefined;
  const mixins: string[] = [];
  const attributes: Record<string, Scalar> = {};
  const links: { target: string; category?: string; attributes: Record<string, Scalar> }[] = [];
  for (const e of entries) {
    if (e.name === 'category') {
      const c = parseCategory(e.value);
      if (c.class === 'kind') kind = c.scheme + c.term;
      else mixins.push(c.scheme + c.term);
    } else if (e.name === 'x-occi-attribute') {
      const eq = e.value.indexOf('=');
      if (eq < 1) throw new HttpError(400, `bad attribute ${e.value}`);
      attributes[e.value.slice(0, eq).trim()] = parseScalar(e.value.slice(eq + 1));
    } else if (e.name === 'link') {
      const { head, params } = parseParams(e.value);
      const extra: Record<string, Scalar> = {};
      for (const [n, v] of Object.entries(params)) if (n.startsWith('occi.') || n.includes('.')) extra[n] = parseScalar(quote(v));
      links.push({ target: head.replace(/^<|>$/g, ''), category: params.category, attributes: extra });
    }
  }
  return { kind, mixins, attributes, links };
}

const etag = (e: Entity): string => `"v${e.version}"`;
