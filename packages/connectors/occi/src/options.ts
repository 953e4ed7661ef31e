import { ConnectorError, Secret } from '@accords/connector-kit';
import type { Clock, ImageFilter, Region, ResourceActionName, ResourceKind, SecretRef } from '@accords/connector-kit';

/** Which rendering the connector speaks to the remote. */
export type OcciRenderingChoice = 'application/occi+json' | 'text/plain' | 'auto';

/** The site facts of a region that OCCI does not carry (country, coordinates, energy). */
export type RegionFacts = Partial<Omit<Region, 'id' | 'providerId'>>;

/** Prices and availability of the remote's resource templates, which plain OCCI does not carry. */
export interface OcciPricing {
  /** Currency of every price (ISO 4217, default `EUR`). */
  currency?: string;
  /** Price per hour of each resource template by term, or one price for all (default 0). */
  pricePerHour?: number | Record<string, number>;
  /** Instances that can still be started per offer (default 1000). */
  capacity?: number;
  /** Availability the remote states, % (default 99). */
  availability?: number;
}

/** Options of {@link createOcciConnector}. */
export interface OcciConnectorOptions {
  /** Provider id of the remote in this Accords (e.g. `peer-paris`); prefixes its region and offer ids. */
  providerId: string;
  /** Base URL of the remote OCCI server (its query interface is `<url>/-/`). */
  url: string;
  /** Bearer token, as a secret reference (`env:NAME`, `file:/path`) or a resolved {@link Secret}. */
  token?: SecretRef | Secret;
  /** HTTP Basic credentials instead of a token; the password as a reference or a {@link Secret}. */
  basic?: { username: string; password: SecretRef | Secret };
  /**
   * Rendering: `application/occi+json`, `text/plain`, or `auto` (default): JSON first, and
   * text/plain from the first 406 or 415 on (and back the other way).
   */
  rendering?: OcciRenderingChoice;
  /** Resource kinds to declare (default compute, storage and network). */
  kinds?: ResourceKind[];
  /** Bring new resources to their ready state (start, online, up) when the remote creates them stopped (default true). */
  startOnCreate?: boolean;
  /** Scheme of the remote's region mixins (default Accords' `http://schemas.accords.dev/occi/region#`). */
  regionScheme?: string;
  /** Term of the single region of a remote without region mixins (default `default`). */
  defaultRegionTerm?: string;
  /** Site facts for every region, and per region term (the latter win). */
  regionFacts?: RegionFacts & { byTerm?: Record<string, RegionFacts> };
  /** Prices of the resource templates. */
  pricing?: OcciPricing;
  /** Filter of the remote's OS templates (default: every template). */
  imageFilter?: ImageFilter;
  /** Period of the background refresh of the remote's model, offers and images (default 10 minutes). */
  refreshMs?: number;
  /** Retries of idempotent HTTP requests inside the SDK (default 0: retry with `wrapConnector`). */
  httpRetries?: number;
  /** A fetch implementation (default the global one). */
  fetch?: typeof fetch;
  /** Clock of the refresh timer. */
  clock?: Clock;
  /** Told about failed background refreshes and skipped templates (never carries credentials). */
  onWarning?: (message: string, cause?: unknown) => void;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const TERM = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const KINDS: readonly ResourceKind[] = ['compute', 'storage', 'network'];

const invalid = (attribute: string, message: string): ConnectorError =>
  new ConnectorError('invalid', `occi connector options: ${message}`, { operation: 'configure', location: { attribute } });

const isSecretRef = (v: unknown): boolean =>
  v instanceof Secret ||
  (typeof v === 'string' && /^(?:env|file):.+/.test(v)) ||
  (typeof v === 'object' && v !== null && (typeof (v as { env?: unknown }).env === 'string' || typeof (v as { file?: unknown }).file === 'string'));

/**
 * Checks the options of {@link createOcciConnector} (they come from a configuration file).
 * @param input - the options as given
 * @returns the same options, typed
 * @throws {ConnectorError} `invalid` naming the first wrong option
 */
export function checkOptions(input: unknown): OcciConnectorOptions {
  if (input === null || typeof input !== 'object') throw invalid('', 'options must be an object');
  const o = input as Record<string, unknown>;
  if (typeof o.providerId !== 'string' || !ID.test(o.providerId)) throw invalid('providerId', 'providerId must be an identifier of at most 64 characters (letters, digits, ._:-)');
  let url: URL;
  try {
    url = new URL(String(o.url));
  } catch {
    throw invalid('url', `url must be an absolute http(s) URL, got ${JSON.stringify(o.url)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('url', `url must be http or https, got ${url.protocol}`);
  if (o.token !== undefined && !isSecretRef(o.token)) throw invalid('token', 'token must be a secret reference (env:NAME or file:/path) or a Secret, never the token itself');
  if (o.basic !== undefined) {
    const b = o.basic as { username?: unknown; password?: unknown } | null;
    if (!b || typeof b.username !== 'string' || b.username === '') throw invalid('basic.username', 'basic.username must be a non-empty string');
    if (!isSecretRef(b.password)) throw invalid('basic.password', 'basic.password must be a secret reference or a Secret');
  }
  if (o.token !== undefined && o.basic !== undefined) throw invalid('token', 'give either token or basic, not both');
  if (o.rendering !== undefined && !['application/occi+json', 'text/plain', 'auto'].includes(o.rendering as string)) {
    throw invalid('rendering', 'rendering must be application/occi+json, text/plain or auto');
  }
  if (o.kinds !== undefined) {
    if (!Array.isArray(o.kinds) || o.kinds.length === 0 || o.kinds.some((k) => !KINDS.includes(k as ResourceKind))) {
      throw invalid('kinds', 'kinds must be a non-empty list of compute, storage, network');
    }
  }
  if (o.defaultRegionTerm !== undefined && (typeof o.defaultRegionTerm !== 'string' || !TERM.test(o.defaultRegionTerm))) {
    throw invalid('defaultRegionTerm', 'defaultRegionTerm must be an identifier');
  }
  for (const name of ['refreshMs', 'httpRetries'] as const) {
    const v = o[name];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < (name === 'refreshMs' ? 1000 : 0))) {
      throw invalid(name, `${name} must be an integer${name === 'refreshMs' ? ' of at least 1000' : ' of at least 0'}`);
    }
  }
  const pricing = o.pricing as OcciPricing | undefined;
  if (pricing !== undefined) {
    if (pricing.currency !== undefined && !/^[A-Z]{3}$/.test(pricing.currency)) throw invalid('pricing.currency', 'pricing.currency must be an ISO 4217 code such as EUR');
    const prices = typeof pricing.pricePerHour === 'number' ? [pricing.pricePerHour] : Object.values(pricing.pricePerHour ?? {});
    if (prices.some((p) => typeof p !== 'number' || !(p >= 0) || !Number.isFinite(p))) throw invalid('pricing.pricePerHour', 'prices must be non-negative numbers');
    if (pricing.capacity !== undefined && (!Number.isInteger(pricing.capacity) || pricing.capacity < 0)) throw invalid('pricing.capacity', 'pricing.capacity must be a non-negative integer');
    if (pricing.availability !== undefined && !(pricing.availability >= 0 && pricing.availability <= 100)) throw invalid('pricing.availability', 'pricing.availability must be between 0 and 100');
  }
  if (o.regionFacts !== undefined) {
    const { byTerm, ...common } = (o.regionFacts ?? {}) as RegionFacts & { byTerm?: Record<string, RegionFacts> };
    checkFacts(common, 'regionFacts');
    for (const [term, facts] of Object.entries(byTerm ?? {})) checkFacts(facts, `regionFacts.byTerm.${term}`);
  }
  return input as OcciConnectorOptions;
}

function checkFacts(facts: RegionFacts, where: string): void {
  const range = (name: keyof RegionFacts, min: number, max: number) => {
    const v = facts[name];
    if (v !== undefined && !(typeof v === 'number' && v >= min && v <= max)) throw invalid(`${where}.${name}`, `${where}.${name} must be a number from ${min} to ${max}`);
  };
  if (facts.country !== undefined && !/^[A-Z]{2}$/.test(facts.country)) throw invalid(`${where}.country`, `${where}.country must be an ISO 3166-1 alpha-2 code such as FR`);
  if (facts.timeZone !== undefined && (typeof facts.timeZone !== 'string' || facts.timeZone === '')) throw invalid(`${where}.timeZone`, `${where}.timeZone must be an IANA time zone such as Europe/Paris`);
  range('pue', 1, 3);
  range('renewableShare', 0, 1);
  range('heatReuse', 0, 1);
  const c = facts.coordinates;
  if (c !== undefined && !(c && c.lat >= -90 && c.lat <= 90 && c.lon >= -180 && c.lon <= 180)) throw invalid(`${where}.coordinates`, `${where}.coordinates must be { lat: -90..90, lon: -180..180 }`);
}

/** The actions the connector declares per kind (OCCI Infrastructure's, with `resume` as a start from suspended). */
export const DECLARED_ACTIONS: Record<ResourceKind, readonly ResourceActionName[]> = {
  compute: ['start', 'stop', 'restart', 'suspend', 'resume', 'save'],
  storage: ['online', 'offline'],
  network: ['up', 'down'],
};
