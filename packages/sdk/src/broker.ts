import type { Manifest, PlacementPlan } from '@accords/model';
import type { Attributes } from '@accords/occi';
import type { CallOptions, ClientContext } from './context';
import type { EntitiesApi, Fetched, ListOptions } from './entities';
import { OcciClientError } from './errors';
import { readEventStream } from './transport/sse';
import { sleep } from './transport/retry';

/** The manifest as YAML/JSON text, or as a parsed document. */
export type ManifestInput = string | Manifest | Record<string, unknown>;

/** The answer to a submission. */
export interface Submission {
  /** Location of the manifest resource. */
  manifest: string;
  /** Location of its agreement (state pending). */
  agreement: string | undefined;
  entity: Fetched;
}

/** An agreement with its plan read out of `accords.agreement.plan`. */
export interface AgreementView {
  location: string;
  /** `occi.agreement.state`: pending, accepted, rejected, suspended, terminated. */
  state: string | undefined;
  plan: PlacementPlan | undefined;
  entity: Fetched;
}

/** One event of an agreement's stream. */
export interface BrokerEvent {
  /** `state`, `job`, `move`, or whatever else the server sends. */
  type: string;
  id?: string;
  /** The event's JSON object. */
  data: BrokerEventData;
}

/**
 * Fields of the broker's events (each optional: the shape depends on the event). Service events
 * carry `agreement`, `state` and `phase`; resource events `resource`, `node`, `kind`, `state`
 * and, when it failed, `error`; `job` events `job`, `kind`, `state`, `attempts`, `error`.
 */
export interface BrokerEventData {
  [key: string]: unknown;
  agreement?: string;
  resource?: string;
  node?: string;
  kind?: string;
  state?: string;
  /** The service's phase: planned, provisioning, running, failed, releasing, released… */
  phase?: string;
  error?: { code?: string; message?: string } | null;
  message?: string;
}

/** Options of {@link BrokerApi.watch}. */
export interface WatchOptions extends CallOptions {
  /** Resume after this event id (sent as `Last-Event-ID`). */
  lastEventId?: string;
  /** Reconnections after the stream drops (default 5). */
  reconnects?: number;
}

/** The broker's steps over HTTP (see docs/reference/broker-http.md). */
export interface BrokerApi {
  submit(manifest: ManifestInput, options?: CallOptions): Promise<Submission>;
  dryRun(manifest: ManifestInput, options?: CallOptions): Promise<PlacementPlan>;
  agreement(location: string, options?: CallOptions): Promise<AgreementView>;
  accept(agreement: string, options?: CallOptions): Promise<void>;
  reject(agreement: string, options?: CallOptions): Promise<void>;
  act(agreement: string, action: 'accept' | 'reject' | 'suspend' | 'resume' | 'terminate', options?: CallOptions & { attributes?: Attributes }): Promise<void>;
  watch(agreement: string, options?: WatchOptions): AsyncGenerator<BrokerEvent, void, undefined>;
  offers(options?: ListOptions): AsyncGenerator<Fetched, void, undefined>;
  invoices(options?: ListOptions): AsyncGenerator<Fetched, void, undefined>;
  usage(options?: ListOptions): AsyncGenerator<Fetched, void, undefined>;
  /** One agreement's usage records (`GET /usage/?agreement=<id>`): running seconds per resource and interval, with the rate. */
  agreementUsage(agreement: string, options?: CallOptions): Promise<UsageEntry[]>;
}

/** One usage record of {@link BrokerApi.agreementUsage} (the fields the broker sends; others pass through). */
export interface UsageEntry {
  [key: string]: unknown;
  resourceId: string;
  node?: string;
  offerId?: string;
  start?: string;
  end?: string;
  seconds: number;
  pricePerHour: number;
  currency: string;
}

const MANIFEST_JSON = 'application/vnd.accords.manifest+json';

/**
 * Builds the broker methods over a client context and its entity methods.
 * @param ctx - transport, wire and model
 * @param entities - the entity methods (the broker's resources are OCCI entities)
 * @returns the {@link BrokerApi}
 */
export function createBrokerApi(ctx: ClientContext, entities: EntitiesApi): BrokerApi {
  const collection = async (term: string, signal?: AbortSignal): Promise<string> => {
    const model = await ctx.model({ signal });
    try {
      return model.locationOf(term);
    } catch (cause) {
      throw new OcciClientError({ code: 'unknown_category', status: 0, message: `this server has no ${term} kind: is it an Accords broker?`, cause });
    }
  };

  const api: BrokerApi = {
    async submit(manifest, options = {}) {
      const path = await collection('manifest', options.signal);
      const res = await ctx.http.request({ method: 'POST', path, headers: { ...manifestBody(manifest).headers, Accept: ctx.wire.accept('entity') }, body: manifestBody(manifest).body, signal: options.signal });
      const location = res.headers.get('location');
      if (!location) throw new OcciClientError({ code: 'invalid_response', status: res.status, message: 'the server created the manifest but sent no Location' });
      const entity = await entities.get(ctx.http.relative(location), options);
      const agreement = entity.attributes['accords.manifest.agreement'];
      return { manifest: entity.location ?? location, agreement: typeof agreement === 'string' ? ctx.http.relative(agreement) : undefined, entity };
    },

    async dryRun(manifest, options = {}) {
      const path = await collection('manifest', options.signal);
      const body = manifestBody(manifest);
      const res = await ctx.http.request({
        method: 'POST',
        path,
        query: { dryrun: 1 },
        headers: { ...body.headers, Accept: 'application/json, application/occi+json;q=0.9' },
        body: body.body,
        idempotent: true,
        signal: options.signal,
      });
      const parsed = parseJson(res.body, 'dry-run plan');
      const plan = isPlan(parsed) ? parsed : isPlan((parsed as { plan?: unknown })?.plan) ? (parsed as { plan: PlacementPlan }).plan : undefined;
      if (!plan) throw new OcciClientError({ code: 'invalid_response', status: res.status, message: 'the dry-run answer holds no placement plan' });
      return plan;
    },

    async agreement(location, options = {}) {
      const entity = await entities.get(location, options);
      const state = entity.attributes['occi.agreement.state'];
      const rawPlan = entity.attributes['accords.agreement.plan'];
      const plan = typeof rawPlan === 'string' ? parseJson(rawPlan, 'accords.agreement.plan') : rawPlan;
      return { location, state: typeof state === 'string' ? state : undefined, plan: isPlan(plan) ? plan : undefined, entity };
    },

    act: (agreement, action, options = {}) => entities.trigger(agreement, action, options),
    accept: (agreement, options) => api.act(agreement, 'accept', options),
    reject: (agreement, options) => api.act(agreement, 'reject', options),

    async *watch(agreement, options = {}) {
      let lastEventId = options.lastEventId;
      const reconnects = options.reconnects ?? 5;
      for (let attempt = 0; ; attempt++) {
        const path = `${ctx.http.resolve(agreement).pathname.replace(/\/$/, '')}/events`;
        const headers: Record<string, string> = { Accept: 'text/event-stream' };
        if (lastEventId) headers['Last-Event-ID'] = lastEventId;
        const res = await ctx.http.send({ method: 'GET', path, headers, signal: options.signal });
        if (!res.body) return;
        try {
          for await (const event of readEventStream(res.body)) {
            if (event.id) lastEventId = event.id;
            attempt = 0;
            yield { type: event.event, ...(event.id ? { id: event.id } : {}), data: toEventData(event.data) };
          }
          return;
        } catch (error) {
          if (options.signal?.aborted || attempt >= reconnects) throw error;
          await sleep(Math.min(200 * 2 ** attempt, 5000), options.signal);
        }
      }
    },

    async *offers(options = {}) {
      yield* entities.list(await collection('offer', options.signal), options);
    },
    async *invoices(options = {}) {
      yield* entities.list(await collection('invoice', options.signal), options);
    },
    async *usage(options = {}) {
      yield* entities.list(await collection('usage', options.signal), options);
    },
    async agreementUsage(agreement, options = {}) {
      const id = agreement.replace(/\/+$/, '').split('/').pop() ?? '';
      const res = await ctx.http.request({ method: 'GET', path: '/usage/', query: { agreement: id }, headers: { Accept: 'application/json' }, idempotent: true, signal: options.signal });
      const parsed = parseJson(res.body, 'the usage answer') as { usage?: unknown };
      if (!Array.isArray(parsed?.usage)) throw new OcciClientError({ code: 'invalid_response', status: res.status, message: 'the usage answer holds no "usage" array' });
      return parsed.usage as UsageEntry[];
    },
  };
  return api;
}

/**
 * The request body for a manifest: YAML text as `application/yaml`, JSON text or an object as
 * `application/vnd.accords.manifest+json`.
 * @param manifest - text or a parsed document
 * @returns the content type header and body
 * @example
 * manifestBody('name: shop\n').headers; // { 'Content-Type': 'application/yaml' }
 */
export function manifestBody(manifest: ManifestInput): { headers: Record<string, string>; body: string } {
  if (typeof manifest !== 'string') return { headers: { 'Content-Type': MANIFEST_JSON }, body: JSON.stringify(manifest) };
  const json = manifest.trimStart().startsWith('{');
  return { headers: { 'Content-Type': json ? MANIFEST_JSON : 'application/yaml' }, body: manifest };
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new OcciClientError({ code: 'invalid_response', status: 0, message: `${what} is not JSON`, cause });
  }
}

function isPlan(value: unknown): value is PlacementPlan {
  return typeof value === 'object' && value !== null && Array.isArray((value as PlacementPlan).decisions);
}

function toEventData(data: string): BrokerEventData {
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as BrokerEventData;
    return { value: parsed };
  } catch {
    return { message: data };
  }
}
