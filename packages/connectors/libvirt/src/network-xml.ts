import type { AccordsMetadata } from './domain-xml';
import { parseMetadata, renderMetadata } from './domain-xml';
import { child, h, parseXml, renderXml, textAt } from './xml';

/** A libvirt network the connector defines: a NAT bridge with an IPv4 subnet and DHCP. */
export interface NetworkSpec {
  name: string;
  uuid: string;
  bridge: string;
  /** IPv4 CIDR such as `10.20.0.0/24`; the host takes the first address. */
  cidr?: string;
  forward?: 'nat' | 'route' | 'none';
  metadata?: AccordsMetadata;
}

/** What the connector reads back from `virsh net-dumpxml`. */
export interface NetworkInfo {
  name: string;
  uuid: string;
  bridge?: string;
  /** Host address and prefix, e.g. `10.20.0.1/24`. */
  address?: string;
  metadata: AccordsMetadata;
}

/** A parsed IPv4 CIDR. */
export interface Ipv4Cidr {
  network: number;
  prefix: number;
}

/** Parses an IPv4 CIDR; undefined when malformed. */
export function parseIpv4Cidr(cidr: string): Ipv4Cidr | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr.trim());
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 30 || prefix < 8) return undefined;
  const ip = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return { network: (ip & mask) >>> 0, prefix };
}

/** Formats a 32-bit address as dotted quad. */
export function formatIpv4(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

/**
 * Renders network XML for `virsh net-define`.
 * @param spec - Name, UUID, bridge, IPv4 CIDR, forward mode and metadata.
 * @returns The XML document (the host takes the first address, DHCP the rest).
 * @throws RangeError when the CIDR is not an IPv4 range from /8 to /30.
 * @example
 * ```ts
 * renderNetworkXml({ name: 'back', uuid, bridge: 'vbr1', cidr: '10.9.8.0/24' });
 * ```
 */
export function renderNetworkXml(spec: NetworkSpec): string {
  let ip;
  if (spec.cidr) {
    const c = parseIpv4Cidr(spec.cidr);
    if (!c) throw new RangeError(`invalid IPv4 CIDR '${spec.cidr}' (a /8 to /30 is accepted)`);
    const size = 2 ** (32 - c.prefix);
    const mask = (0xffffffff << (32 - c.prefix)) >>> 0;
    ip = h(
      'ip',
      { address: formatIpv4(c.network + 1), netmask: formatIpv4(mask) },
      h('dhcp', {}, h('range', { start: formatIpv4(c.network + 2), end: formatIpv4(c.network + size - 2) })),
    );
  }
  const forward = spec.forward ?? 'nat';
  const net = h(
    'network',
    {},
    h('name', {}, spec.name),
    h('uuid', {}, spec.uuid),
    spec.metadata ? h('metadata', {}, renderMetadata(spec.metadata)) : undefined,
    forward === 'none' ? undefined : h('forward', { mode: forward }),
    h('bridge', { name: spec.bridge, stp: 'on', delay: 0 }),
    ip,
  );
  return `${renderXml(net)}\n`;
}

function prefixOf(netmask: string): number {
  return netmask.split('.').reduce((n, o) => n + (Number(o) >>> 0).toString(2).replace(/0/g, '').length, 0);
}

/**
 * Parses `virsh net-dumpxml` output.
 * @param xml - The network XML.
 * @returns Name, UUID, bridge, host address and metadata, or what is wrong.
 * @example
 * ```ts
 * parseNetworkXml(await virsh.run(['net-dumpxml', 'default']));
 * ```
 */
export function parseNetworkXml(xml: string): { ok: true; value: NetworkInfo } | { ok: false; issues: { message: string }[] } {
  const parsed = parseXml(xml);
  if (!parsed.ok) return parsed;
  const root = parsed.value;
  const name = textAt(root, 'name');
  const uuid = textAt(root, 'uuid');
  if (root.name !== 'network' || !name || !uuid) return { ok: false, issues: [{ message: 'expected <network> with <name> and <uuid>' }] };
  const info: NetworkInfo = { name, uuid, metadata: parseMetadata(child(root, 'metadata')) };
  const bridge = child(root, 'bridge')?.attributes.name;
  if (bridge) info.bridge = bridge;
  const ip = child(root, 'ip');
  if (ip?.attributes.address) {
    const prefix = ip.attributes.prefix ? Number(ip.attributes.prefix) : ip.attributes.netmask ? prefixOf(ip.attributes.netmask) : undefined;
    info.address = prefix !== undefined ? `${ip.attributes.address}/${prefix}` : ip.attributes.address;
  }
  return { ok: true, value: info };
}
