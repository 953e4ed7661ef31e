import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import type { Scalar } from './text-wire';

// Just enough of docs/reference/broker-http.md for the SDK's broker helpers and the CLI's broker
// verbs: manifests, dry-run plans, agreements with accept/reject, a progress stream, offers, invoices.

export const BROKER = 'http://schemas.accords.dev/occi/broker#';
export const SLA = 'http://schemas.ogf.org/occi/sla#';
export const AGREEMENT_ACTION = 'http://schemas.ogf.org/occi/sla/agreement/action#';

interface StoredEntity {
  location: string;
  kind: string;
  mixins: string[];
  attributes: Record<string, Scalar>;
  version: number;
}

/** What the mini broker needs from the server it lives in. */
export interface BrokerHost {
  entities: Map<string, StoredEntity>;
  nextId(): string;
}

/** How the fake provisioning ends. */
export interface MiniBrokerOptions {
  /** A node whose provisioning fails. */
  failNode?: string;
  /** A node that cannot be placed. */
  unplacedNode?: string;
}

export const BROKER_CATEGORIES = [
  { scheme: BROKER, term: 'manifest', class: 'kind' as const, title: 'Manifest', rel: 'http://schemas.ogf.org/occi/core#resource', location: '/manifest/', attributes: 'accords.manifest.document accords.manifest.agreement{immutable}' },
  { scheme: SLA, term: 'agreement', class: 'kind' as const, title: 'Agreement', rel: 'http://schemas.ogf.org/occi/core#resource', location: '/agreement/', attributes: 'occi.agreement.state{immutable} accords.agreement.plan{immutable}', actions: `${AGREEMENT_ACTION}accept ${AGREEMENT_ACTION}reject` },
  { scheme: BROKER, term: 'offer', class: 'kind' as const, title: 'Offer', rel: 'http://schemas.ogf.org/occi/core#resource', location: '/offer/' },
  { scheme: BROKER, term: 'invoice', class: 'kind' as const, title: 'Invoice', rel: 'http://schemas.ogf.org/occi/core#resource', location: '/invoice/' },
  { scheme: AGREEMENT_ACTION, term: 'accept', class: 'action' as const, title: 'Accept' },
  { scheme: AGREEMENT_ACTION, term: 'reject', class: 'action' as const, title: 'Reject' },
];

const OFFERS: Record<string, Scalar>[] = [
  { id: 'sim-fr-small', provider: 'sim', region: 'fr-par', country: 'FR', instanceType: 's2', vcpu: 2, memoryGiB: 4, gpus: 0, pricePerHour: 0.05, currency: 'EUR', carbonGPerHour: 3.1, market: 'on-demand' },
  { id: 'sim-pl-small', provider: 'sim', region: 'pl-waw', country: 'PL', instanceType: 's2', vcpu: 2, memoryGiB: 4, gpus: 0, pricePerHour: 0.03, currency: 'EUR', carbonGPerHour: 41.5, market: 'on-demand' },
  { id: 'sim-us-large', provider: 'sim', region: 'us-east', country: 'US', instanceType: 'l8', vcpu: 8, memoryGiB: 32, gpus: 0, pricePerHour: 0.2, currency: 'USD', carbonGPerHour: 60, market: 'spot' },
  { id: 'sim-de-large', provider: 'sim', region: 'de-fra', country: 'DE', instanceType: 'l8', vcpu: 8, memoryGiB: 32, gpus: 0, pricePerHour: 0.24, currency: 'EUR', carbonGPerHour: 22, market: 'on-demand' },
];

/** Seeds offers and an invoice; returns the request handler for the broker routes. */
export function createMiniBroker(host: BrokerHost, options: MiniBrokerOptions = {}) {
  for (const offer of OFFERS) {
    const location = `/offer/${host.nextId()}`;
    host.entities.set(location, { location, kind: `${BROKER}offer`, mixins: [], version: 1, attributes: Object.fromEntries(Object.entries(offer).map(([k, v]) => [`accords.offer.${k}`, v])) });
  }
  const invoice = `/invoice/${host.nextId()}`;
  host.entities.set(invoice, { location: invoice, kind: `${BROKER}invoice`, mixins: [], version: 1, attributes: { 'accords.invoice.period_start': '2026-10-01', 'accords.invoice.period_end': '2026-10-31', 'accords.invoice.total': 12.5, 'accords.invoice.currency': 'EUR', 'accords.invoice.status': 'issued' } });

  const streams = new Map<string, ServerResponse[]>();
  // Every event stays in a journal, so a client that connects late (or again, with
  // Last-Event-ID) gets what it missed, as the real broker's journal does.
  const journal = new Map<string, string[]>();

  function plan(document: string): Record<string, unknown> {
    const manifest = parseYaml(document) as { name: string; nodes: { name: string; count?: number | { initial: number } }[] };
    const decisions: Record<string, unknown>[] = [];
    for (const node of manifest.nodes.filter((n) => n.name !== options.unplacedNode)) {
      const count = typeof node.count === 'number' ? node.count : node.count?.initial ?? 1;
      for (let replica = 0; replica < count; replica++) {
        decisions.push({ node: node.name, replica, offerId: 'sim-fr-small', providerId: 'sim', regionId: 'fr-par', pricePerHour: 0.05, currency: 'EUR', carbonGPerHour: 3.1, scores: { price: 0.8, carbon: 0.9, latency: 0.7, heatReuse: 0, availability: 1, total: 0.82 }, reason: 'cheapest low-carbon offer in the EU' });
      }
    }
    const unplaced = options.unplacedNode ? [{ node: options.unplacedNode, reason: 'no offer with 64 GPUs', filters: [{ filter: 'gpus', removed: 4 }] }] : [];
    return { manifest: manifest.name, decisions, unplaced, pricePerHour: 0.05 * decisions.length, currency: 'EUR', carbonGPerHour: 3.1 * decisions.length, createdAt: '2026-11-23T00:00:00Z' };
  }

  function send(location: string, event: { type: string; data: Record<string, unknown> }, id: number): void {
    const frame = `id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
    journal.set(location, [...(journal.get(location) ?? []), frame]);
    for (const res of streams.get(location) ?? []) res.write(frame);
  }

  function provision(agreement: string): void {
    const value = host.entities.get(agreement)!.attributes['accords.agreement.plan'];
    const decisions = (JSON.parse(String(value)) as { decisions: { node: string; replica: number }[] }).decisions;
    // The reference broker's event shapes: service events carry the agreement, its state and
    // phase; resource events the resource, its node, kind and state (and error when it failed).
    const events: { type: string; data: Record<string, unknown> }[] = [{ type: 'state', data: { agreement, state: 'accepted', phase: 'provisioning' } }];
    const resources = decisions.map((d, i) => ({ id: `res-${i}`, node: d.node }));
    for (const r of resources) events.push({ type: 'state', data: { resource: r.id, node: r.node, kind: 'compute', state: 'provisioning' } });
    for (const r of resources) events.push({ type: 'job', data: { job: `job-${r.id}`, kind: 'provision', state: 'running', attempts: 1, error: null } });
    let failed = false;
    for (const r of resources) {
      const fails = r.node === options.failNode;
      failed ||= fails;
      events.push({ type: 'state', data: { resource: r.id, node: r.node, kind: 'compute', state: fails ? 'failed' : 'running', ...(fails ? { error: { code: 'capacity', message: 'the provider ran out of capacity' } } : {}) } });
    }
    events.push({ type: 'state', data: { agreement, state: 'accepted', phase: failed ? 'failed' : 'running' } });
    let id = 0;
    const timer = setInterval(() => {
      const next = events.shift();
      if (!next) return clearInterval(timer);
      send(agreement, next, ++id);
    }, 5);
  }

  return {
    /** Handles a broker route; false when the request is not one. */
    handle(req: IncomingMessage & { body: string }, res: ServerResponse, url: URL): boolean {
      const events = /^(\/agreement\/[^/]+)\/events$/.exec(url.pathname);
      if (events && req.method === 'GET') {
        const agreement = events[1]!;
        if (!host.entities.has(agreement)) return false;
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
        res.write(': stream open\n\n');
        const after = Number(req.headers['last-event-id'] ?? 0);
        for (const frame of (journal.get(agreement) ?? []).slice(after)) res.write(frame);
        streams.set(agreement, [...(streams.get(agreement) ?? []), res]);
        res.on('close', () => streams.set(agreement, (streams.get(agreement) ?? []).filter((r) => r !== res)));
        return true;
      }
      if (url.pathname === '/manifest/' && req.method === 'POST' && /yaml|manifest\+json/.test(req.headers['content-type'] ?? '')) {
        const computed = plan(req.body);
        if (url.searchParams.get('dryrun') === '1') {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(computed));
          return true;
        }
        const manifest = `/manifest/${host.nextId()}`;
        const agreement = `/agreement/${host.nextId()}`;
        host.entities.set(agreement, { location: agreement, kind: `${SLA}agreement`, mixins: [], version: 1, attributes: { 'occi.agreement.state': 'pending', 'accords.agreement.plan': JSON.stringify(computed) } });
        host.entities.set(manifest, { location: manifest, kind: `${BROKER}manifest`, mixins: [], version: 1, attributes: { 'accords.manifest.name': String((parseYaml(req.body) as { name?: string }).name), 'accords.manifest.agreement': agreement } });
        res.writeHead(201, { Location: manifest, 'Content-Type': 'text/plain' });
        res.end(`X-OCCI-Location: ${manifest}\n`);
        return true;
      }
      return false;
    },
    /** Runs an agreement action; false when the action is not the broker's. */
    act(entity: StoredEntity, term: string): boolean {
      if (entity.kind !== `${SLA}agreement`) return false;
      const state = entity.attributes['occi.agreement.state'];
      if (state !== 'pending') throw Object.assign(new Error(`${term} is not applicable in state ${String(state)}`), { status: 409 });
      entity.attributes['occi.agreement.state'] = term === 'accept' ? 'accepted' : 'rejected';
      entity.version++;
      if (term === 'accept') setTimeout(() => provision(entity.location), 20);
      return true;
    },
  };
}
