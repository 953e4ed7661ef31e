import type { ConfigIssue, ResourceKind, SiteFacts } from '@accords/connector-kit';
import { checkNumber, checkSiteFacts, checkString, isPlainObject } from '@accords/connector-kit';

/** A compute shape offered on the host; offers whose shape does not fit the host are dropped. */
export interface LibvirtShape {
  /** Offer id, unique within the provider, e.g. `small`. */
  id: string;
  name?: string;
  cores: number;
  memoryGiB: number;
  /** Root disk size, when images are volumes. */
  diskGiB?: number;
}

/** An image (OS template) the connector can boot. */
export interface LibvirtImage {
  id: string;
  name: string;
  os?: string;
  distribution?: string;
  architecture?: string;
  /** A volume in `pool` that each new domain gets a copy of, as its first disk. */
  volume?: string;
  /** Direct kernel boot: kernel and initrd paths readable by the hypervisor, and the command line. */
  kernel?: string;
  initrd?: string;
  cmdline?: string;
}

/** Prices, since a hypervisor has none of its own: an offer costs cores × coreHour + GiB × memoryGiBHour per hour. */
export interface LibvirtPricing {
  currency: string;
  /** Per core and hour. */
  coreHour: number;
  /** Per GiB of memory and hour. */
  memoryGiBHour: number;
}

/** Where the host is and what its site is like: the facts a region carries in the model (the kit's {@link SiteFacts}). */
export type SiteConfig = SiteFacts;

/** Configuration of {@link createLibvirtConnector} (the `libvirt` entry of `ACCORDS_CONNECTORS`). */
export interface LibvirtConnectorConfig {
  /** Provider id, e.g. `lab-libvirt`. */
  providerId: string;
  /** libvirt connection URI, e.g. `qemu:///system`, `qemu:///session`, `test:///default`. */
  uri: string;
  /** The one region this host is (default `<providerId>:local`). */
  regionId?: string;
  regionName?: string;
  /** Where the host is (the region's facts). */
  site: SiteConfig;
  /** Availability the operator states for this host, in % (default 99). */
  availability?: number;
  /** vCPUs offered per host CPU (default 1: no overcommit). */
  cpuOvercommit?: number;
  /** Hypervisor type for new domains; detected from the host's capabilities when absent (kvm, then qemu, then test). */
  domainType?: string;
  /** Guest architecture (default `x86_64`). */
  arch?: string;
  /** Storage pool for volumes and image copies; storage resources are offered only when set. */
  pool?: string;
  /** Offer libvirt networks as network resources (default: true, false for `/session` URIs, which cannot create bridges). */
  networks?: boolean;
  /** A network every new domain is attached to. */
  defaultNetwork?: string;
  /** Compute shapes (default: small 1×1 GiB, medium 2×2 GiB, large 4×8 GiB). */
  shapes?: LibvirtShape[];
  pricing: LibvirtPricing;
  images?: LibvirtImage[];
  /** Directory (writable by the hypervisor) where each domain's serial console is logged. */
  consoleLogDir?: string;
  /** How long a graceful stop waits for the guest before cutting power (default 60 s). */
  gracefulStopMs?: number;
  /** How often the offer catalogue is refreshed (default 15 minutes). */
  refreshMs?: number;
  /** virsh binary (default `virsh`). */
  virshBinary?: string;
  /** Timeout of one virsh invocation (default 60 s). */
  virshTimeoutMs?: number;
}

/** One problem found in a configuration (the kit's shape, re-exported). */
export type { ConfigIssue };

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

// `policy` is read by the server (retries, rate limit, deadline around the connector), not here.
const KNOWN_KEYS = new Set([
  'providerId', 'uri', 'regionId', 'regionName', 'site', 'availability', 'cpuOvercommit', 'domainType', 'arch', 'pool', 'networks',
  'defaultNetwork', 'shapes', 'pricing', 'images', 'consoleLogDir', 'gracefulStopMs', 'refreshMs', 'virshBinary', 'virshTimeoutMs', 'policy',
]);

/** Field checks that append to one list of issues. */
function checker(issues: ConfigIssue[]) {
  return {
    str: (value: unknown, pointer: string, opts: { required?: boolean; pattern?: RegExp } = {}) => checkString(issues, { value, pointer, ...opts }),
    num: (value: unknown, pointer: string, opts: { required?: boolean; min?: number } = {}) => checkNumber(issues, { value, pointer, ...opts }),
  };
}

/** Checks the site facts of the host's region. */
export function checkSite(issues: ConfigIssue[], site: unknown, pointer: string): void {
  if (!isPlainObject(site)) return void issues.push({ pointer, message: 'is required: { country, coordinates: { lat, lon }, timeZone }' });
  checkSiteFacts(issues, site, pointer);
}

/**
 * Validates a libvirt connector configuration (for example one entry of `ACCORDS_CONNECTORS`).
 * @param input - Untrusted configuration.
 * @returns The typed configuration, or every problem with its JSON pointer.
 * @example
 * ```ts
 * const r = validateLibvirtConfig(JSON.parse(text));
 * if (!r.ok) console.error(r.issues);
 * ```
 */
export function validateLibvirtConfig(input: unknown): { ok: true; value: LibvirtConnectorConfig } | { ok: false; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const c = checker(issues);
  if (!isPlainObject(input)) return { ok: false, issues: [{ pointer: '', message: 'must be an object' }] };
  for (const k of Object.keys(input)) if (!KNOWN_KEYS.has(k)) issues.push({ pointer: `/${k}`, message: 'is not a libvirt connector setting' });
  c.str(input.providerId, '/providerId', { required: true, pattern: ID });
  c.str(input.uri, '/uri', { required: true, pattern: /^[a-z0-9+]+:\/\// });
  c.str(input.regionId, '/regionId', { pattern: ID });
  for (const k of ['regionName', 'domainType', 'arch', 'pool', 'defaultNetwork', 'consoleLogDir', 'virshBinary']) c.str(input[k], `/${k}`);
  checkSite(issues, input.site, '/site');
  c.num(input.availability, '/availability');
  if (typeof input.availability === 'number' && input.availability > 100) issues.push({ pointer: '/availability', message: 'must be a percentage (0–100)' });
  c.num(input.cpuOvercommit, '/cpuOvercommit', { min: 0.1 });
  if (input.networks !== undefined && typeof input.networks !== 'boolean') issues.push({ pointer: '/networks', message: 'must be a boolean' });
  for (const k of ['gracefulStopMs', 'refreshMs', 'virshTimeoutMs']) c.num(input[k], `/${k}`, { min: 1 });
  if (!isPlainObject(input.pricing)) issues.push({ pointer: '/pricing', message: 'is required: an object with currency, coreHour and memoryGiBHour' });
  else {
    c.str(input.pricing.currency, '/pricing/currency', { required: true, pattern: /^[A-Z]{3}$/ });
    c.num(input.pricing.coreHour, '/pricing/coreHour', { required: true });
    c.num(input.pricing.memoryGiBHour, '/pricing/memoryGiBHour', { required: true });
  }
  if (input.shapes !== undefined) {
    if (!Array.isArray(input.shapes) || input.shapes.length === 0) issues.push({ pointer: '/shapes', message: 'must be a non-empty array' });
    else
      input.shapes.forEach((s: unknown, i) => {
        if (!isPlainObject(s)) return void issues.push({ pointer: `/shapes/${i}`, message: 'must be an object' });
        c.str(s.id, `/shapes/${i}/id`, { required: true, pattern: ID });
        c.num(s.cores, `/shapes/${i}/cores`, { required: true, min: 1 });
        c.num(s.memoryGiB, `/shapes/${i}/memoryGiB`, { required: true, min: 0.0625 });
        c.num(s.diskGiB, `/shapes/${i}/diskGiB`);
      });
  }
  if (input.images !== undefined) {
    if (!Array.isArray(input.images)) issues.push({ pointer: '/images', message: 'must be an array' });
    else
      input.images.forEach((img: unknown, i) => {
        if (!isPlainObject(img)) return void issues.push({ pointer: `/images/${i}`, message: 'must be an object' });
        c.str(img.id, `/images/${i}/id`, { required: true, pattern: ID });
        c.str(img.name, `/images/${i}/name`, { required: true });
        for (const k of ['volume', 'kernel', 'initrd', 'cmdline', 'os', 'distribution', 'architecture']) c.str(img[k], `/images/${i}/${k}`);
        if (img.volume === undefined && img.kernel === undefined) issues.push({ pointer: `/images/${i}`, message: 'needs a volume or a kernel' });
        if (img.volume !== undefined && input.pool === undefined) issues.push({ pointer: `/images/${i}/volume`, message: 'needs /pool to be set' });
      });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: input as unknown as LibvirtConnectorConfig };
}

/** The resource kinds a configuration offers. */
export function configuredKinds(config: LibvirtConnectorConfig): ResourceKind[] {
  const kinds: ResourceKind[] = ['compute'];
  if (config.pool) kinds.push('storage');
  if (config.networks ?? !/\/session\b/.test(config.uri)) kinds.push('network');
  return kinds;
}

/** Default shapes when the configuration names none. */
export const DEFAULT_SHAPES: LibvirtShape[] = [
  { id: 'small', name: 'small (1 core, 1 GiB)', cores: 1, memoryGiB: 1, diskGiB: 10 },
  { id: 'medium', name: 'medium (2 cores, 2 GiB)', cores: 2, memoryGiB: 2, diskGiB: 20 },
  { id: 'large', name: 'large (4 cores, 8 GiB)', cores: 4, memoryGiB: 8, diskGiB: 40 },
];

/** Rounds a price to 6 decimals, so that sums of floats stay readable. */
export function roundPrice(amount: number): number {
  return Math.round(amount * 1e6) / 1e6;
}

/** The hourly price of a shape under a pricing. */
export function shapePrice(shape: LibvirtShape, pricing: LibvirtPricing): number {
  return roundPrice(shape.cores * pricing.coreHour + shape.memoryGiB * pricing.memoryGiBHour);
}
