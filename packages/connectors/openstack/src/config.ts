import type { ConfigIssue, SecretRef, SiteFacts } from '@accords/connector-kit';
import { checkNumber, checkSiteFacts, checkString, escapePointerToken, isPlainObject } from '@accords/connector-kit';

/** Keystone credentials in a configuration: secrets are references (`env:NAME`, `file:/path`), never values. */
export type OpenStackCredentialsConfig =
  | { kind: 'password'; username: string; userDomainName?: string; projectName: string; projectDomainName?: string; password: SecretRef }
  | { kind: 'application_credential'; id?: string; name?: string; username?: string; userDomainName?: string; secret: SecretRef };

/** Prices, since OpenStack has none: per flavour (by name or id), else a linear formula. */
export interface OpenStackPricing {
  currency: string;
  /** Hourly price per flavour name or id. */
  flavors?: Record<string, number>;
  /** Formula for flavours not in `flavors`: per vCPU, GiB of RAM and GiB of root disk, per hour. */
  coreHour?: number;
  memoryGiBHour?: number;
  diskGiBHour?: number;
}

/** An OpenStack region the connector uses, with the site facts a region carries in the model. */
export interface OpenStackRegionConfig extends SiteFacts {
  /** Accords region id (default `<providerId>:<region name>`). */
  id?: string;
  name?: string;
}

/** Configuration of {@link createOpenStackConnector} (the `openstack` entry of `ACCORDS_CONNECTORS`). */
export interface OpenStackConnectorConfig {
  /** Provider id, e.g. `my-openstack`. */
  providerId: string;
  /** Keystone v3 endpoint, e.g. `https://keystone.example.org:5000/v3`. */
  authUrl: string;
  credentials: OpenStackCredentialsConfig;
  /** The regions to use, by their OpenStack name (regions of the catalogue not named here are not used). */
  regions: Record<string, OpenStackRegionConfig>;
  /** Architecture of the compute nodes (default `x86_64`). */
  architecture?: 'x86_64' | 'arm64';
  /** Availability the operator states, in % (default 99). */
  availability?: number;
  /** Catalogue interface (default `public`). */
  interface?: 'public' | 'internal' | 'admin';
  pricing: OpenStackPricing;
  /** Network (id or name) every new server is attached to; none when absent. */
  defaultNetwork?: string;
  /** Only images whose name matches one of these (strings are exact names, `/re/` regular expressions). */
  imageAllow?: string[];
  /** Images whose name matches one of these are hidden. */
  imageDeny?: string[];
  /** How long `create` and actions wait for a server to settle (default 10 minutes). */
  settleTimeoutMs?: number;
  /** Timeout of one HTTP request (default 60 s). */
  requestTimeoutMs?: number;
  /** How often the offer catalogue is refreshed (default 15 minutes). */
  refreshMs?: number;
}

/** One problem found in a configuration (the kit's shape, re-exported). */
export type { ConfigIssue };

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

// `policy` is read by the server (retries, rate limit, deadline around the connector), not here.
const KNOWN_KEYS = new Set([
  'providerId', 'authUrl', 'credentials', 'regions', 'architecture', 'availability', 'interface', 'pricing', 'defaultNetwork',
  'imageAllow', 'imageDeny', 'settleTimeoutMs', 'requestTimeoutMs', 'refreshMs', 'policy',
]);

/** Field checks that append to one list of issues. */
function checker(issues: ConfigIssue[]) {
  return {
    str: (value: unknown, pointer: string, opts: { required?: boolean; pattern?: RegExp } = {}) => checkString(issues, { value, pointer, ...opts }),
    num: (value: unknown, pointer: string, min = 0) => checkNumber(issues, { value, pointer, min }),
  };
}

function secretRef(issues: ConfigIssue[], value: unknown, pointer: string): void {
  const ok =
    (typeof value === 'string' && /^(env|file):.+/.test(value)) ||
    (isPlainObject(value) && ((typeof value.env === 'string' && value.env !== '') || (typeof value.file === 'string' && value.file !== '')));
  if (!ok) issues.push({ pointer, message: 'must be a secret reference: "env:NAME", "file:/path", { env } or { file } (never the secret itself)' });
}

function strings(issues: ConfigIssue[], value: unknown, pointer: string): void {
  if (value !== undefined && (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === ''))) issues.push({ pointer, message: 'must be an array of non-empty strings' });
}

function checkRegion(issues: ConfigIssue[], r: unknown, pointer: string): void {
  const c = checker(issues);
  if (!isPlainObject(r)) return void issues.push({ pointer, message: 'must be { country, coordinates: { lat, lon }, timeZone }' });
  c.str(r.id, `${pointer}/id`, { pattern: ID });
  c.str(r.name, `${pointer}/name`);
  checkSiteFacts(issues, r, pointer);
}

function checkCredentials(issues: ConfigIssue[], cred: unknown): void {
  const c = checker(issues);
  if (!isPlainObject(cred)) return void issues.push({ pointer: '/credentials', message: 'is required: an object with kind "password" or "application_credential"' });
  if (cred.kind === 'password') {
    c.str(cred.username, '/credentials/username', { required: true });
    c.str(cred.projectName, '/credentials/projectName', { required: true });
    c.str(cred.userDomainName, '/credentials/userDomainName');
    c.str(cred.projectDomainName, '/credentials/projectDomainName');
    secretRef(issues, cred.password, '/credentials/password');
  } else if (cred.kind === 'application_credential') {
    c.str(cred.id, '/credentials/id');
    c.str(cred.name, '/credentials/name');
    if (cred.id === undefined && (cred.name === undefined || cred.username === undefined)) issues.push({ pointer: '/credentials', message: 'needs id, or name with username' });
    secretRef(issues, cred.secret, '/credentials/secret');
  } else issues.push({ pointer: '/credentials/kind', message: 'must be "password" or "application_credential"' });
}

/**
 * Validates an OpenStack connector configuration.
 * @param input - Untrusted configuration (e.g. parsed from the file named in `ACCORDS_CONNECTORS`).
 * @returns The typed configuration, or every problem with its JSON pointer.
 * @example
 * ```ts
 * const r = validateOpenStackConfig(JSON.parse(text));
 * if (!r.ok) console.error(r.issues.map((i) => `${i.pointer} ${i.message}`));
 * ```
 */
export function validateOpenStackConfig(input: unknown): { ok: true; value: OpenStackConnectorConfig } | { ok: false; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const c = checker(issues);
  if (!isPlainObject(input)) return { ok: false, issues: [{ pointer: '', message: 'must be an object' }] };
  for (const k of Object.keys(input)) if (!KNOWN_KEYS.has(k)) issues.push({ pointer: `/${k}`, message: 'is not an OpenStack connector setting' });
  c.str(input.providerId, '/providerId', { required: true, pattern: ID });
  c.str(input.authUrl, '/authUrl', { required: true, pattern: /^https?:\/\/[^\s]+$/ });
  checkCredentials(issues, input.credentials);
  if (!isPlainObject(input.regions) || Object.keys(input.regions).length === 0) issues.push({ pointer: '/regions', message: 'is required: an object of OpenStack region name to { country, coordinates, timeZone, ... }' });
  else for (const [name, r] of Object.entries(input.regions)) checkRegion(issues, r, `/regions/${escapePointerToken(name)}`);
  if (input.architecture !== undefined && input.architecture !== 'x86_64' && input.architecture !== 'arm64') issues.push({ pointer: '/architecture', message: 'must be x86_64 or arm64' });
  c.num(input.availability, '/availability');
  if (typeof input.availability === 'number' && input.availability > 100) issues.push({ pointer: '/availability', message: 'must be a percentage (0–100)' });
  strings(issues, input.imageAllow, '/imageAllow');
  strings(issues, input.imageDeny, '/imageDeny');
  if (input.interface !== undefined && !['public', 'internal', 'admin'].includes(input.interface as string)) issues.push({ pointer: '/interface', message: 'must be public, internal or admin' });
  c.str(input.defaultNetwork, '/defaultNetwork');
  c.num(input.settleTimeoutMs, '/settleTimeoutMs', 1);
  c.num(input.requestTimeoutMs, '/requestTimeoutMs', 1);
  c.num(input.refreshMs, '/refreshMs', 1);
  const p = input.pricing;
  if (!isPlainObject(p)) issues.push({ pointer: '/pricing', message: 'is required: OpenStack has no prices, give flavors or coreHour/memoryGiBHour' });
  else {
    c.str(p.currency, '/pricing/currency', { required: true, pattern: /^[A-Z]{3}$/ });
    for (const k of ['coreHour', 'memoryGiBHour', 'diskGiBHour']) c.num(p[k], `/pricing/${k}`);
    if (p.flavors !== undefined) {
      if (!isPlainObject(p.flavors)) issues.push({ pointer: '/pricing/flavors', message: 'must be an object of flavour name or id to hourly price' });
      else for (const [k, v] of Object.entries(p.flavors)) c.num(v, `/pricing/flavors/${escapePointerToken(k)}`);
      if (isPlainObject(p.flavors) && Object.values(p.flavors).some((v) => v === undefined)) issues.push({ pointer: '/pricing/flavors', message: 'prices must be numbers' });
    }
    if (p.flavors === undefined && p.coreHour === undefined && p.memoryGiBHour === undefined) issues.push({ pointer: '/pricing', message: 'needs flavors or coreHour/memoryGiBHour' });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: input as unknown as OpenStackConnectorConfig };
}
