import type { XmlElement } from './xml';
import { child, children, h, parseXml, path, renderXml, textAt } from './xml';

/** XML namespace of the Accords metadata element kept in each domain, volume and network it creates. */
export const ACCORDS_XML_NS = 'http://schemas.accords.dev/libvirt/1';

/** What Accords records inside a libvirt object's `<metadata>` (or description, for volumes). */
export interface AccordsMetadata {
  idempotencyKey?: string;
  offerId?: string;
  imageId?: string;
  name?: string;
  createdAt?: string;
  labels?: Record<string, string>;
}

/** A disk of a domain. */
export type DomainDisk =
  | { source: 'file'; path: string; target: string; format?: string; readonly?: boolean }
  | { source: 'volume'; pool: string; volume: string; target: string; format?: string };

/** A network interface of a domain. */
export interface DomainInterface {
  network: string;
  mac?: string;
  model?: string;
}

/** The domain the connector defines. */
export interface DomainSpec {
  name: string;
  /** Hypervisor type: `kvm`, `qemu` (software emulation) or `test`. */
  type: string;
  memoryMiB: number;
  vcpus: number;
  arch?: string;
  /** Direct kernel boot. */
  kernel?: string;
  initrd?: string;
  cmdline?: string;
  disks?: DomainDisk[];
  interfaces?: DomainInterface[];
  /** Writes the first serial port to this file (the guest's console log). */
  serialLog?: string;
  metadata?: AccordsMetadata;
}

/** What the connector reads back from `virsh dumpxml`. */
export interface DomainInfo {
  name: string;
  uuid: string;
  type: string;
  /** Running id, absent when the domain is shut off. */
  id?: number;
  memoryMiB: number;
  /** Memory the guest has now (balloon), MiB. */
  currentMemoryMiB: number;
  vcpus: number;
  disks: { target: string; file?: string; pool?: string; volume?: string }[];
  interfaces: { network?: string; mac?: string }[];
  metadata: AccordsMetadata;
}

/** Renders Accords metadata as one namespaced element. */
export function renderMetadata(meta: AccordsMetadata): XmlElement {
  return h(
    'accords:resource',
    {
      'xmlns:accords': ACCORDS_XML_NS,
      key: meta.idempotencyKey,
      offer: meta.offerId,
      image: meta.imageId,
      name: meta.name,
      created: meta.createdAt,
    },
    ...Object.entries(meta.labels ?? {}).map(([k, v]) => h('accords:label', { key: k, value: v })),
  );
}

/** Finds the Accords element in `<metadata>`, whatever prefix libvirt chose when it re-serialised it. */
export function parseMetadata(metadata: XmlElement | undefined): AccordsMetadata {
  const el = metadata?.children.find((c) => Object.entries(c.attributes).some(([k, v]) => k.startsWith('xmlns') && v === ACCORDS_XML_NS));
  if (!el) return {};
  const a = el.attributes;
  const labels: Record<string, string> = {};
  for (const l of el.children) if (l.name.endsWith('label') && l.attributes.key !== undefined) labels[l.attributes.key] = l.attributes.value ?? '';
  const out: AccordsMetadata = {};
  if (a.key !== undefined) out.idempotencyKey = a.key;
  if (a.offer !== undefined) out.offerId = a.offer;
  if (a.image !== undefined) out.imageId = a.image;
  if (a.name !== undefined) out.name = a.name;
  if (a.created !== undefined) out.createdAt = a.created;
  if (Object.keys(labels).length > 0) out.labels = labels;
  return out;
}

function renderDisk(d: DomainDisk): XmlElement {
  const driver = h('driver', { name: 'qemu', type: d.format ?? 'raw' });
  const target = h('target', { dev: d.target, bus: 'virtio' });
  if (d.source === 'file') {
    return h('disk', { type: 'file', device: 'disk' }, driver, h('source', { file: d.path }), target, d.readonly ? h('readonly') : undefined);
  }
  return h('disk', { type: 'volume', device: 'disk' }, driver, h('source', { pool: d.pool, volume: d.volume }), target);
}

/**
 * Renders the domain XML for `virsh define`.
 * @param spec - Name, hypervisor type, size, boot, disks, interfaces, console log and metadata.
 * @returns The XML document.
 * @example
 * ```ts
 * renderDomainXml({ name: 'web', type: 'kvm', memoryMiB: 1024, vcpus: 1, disks: [{ source: 'volume', pool: 'default', volume: 'web.qcow2', target: 'vda' }] });
 * ```
 */
export function renderDomainXml(spec: DomainSpec): string {
  const os = h(
    'os',
    {},
    h('type', { arch: spec.arch ?? 'x86_64' }, 'hvm'),
    spec.kernel ? h('kernel', {}, spec.kernel) : undefined,
    spec.initrd ? h('initrd', {}, spec.initrd) : undefined,
    spec.cmdline ? h('cmdline', {}, spec.cmdline) : undefined,
    spec.kernel ? undefined : h('boot', { dev: 'hd' }),
  );
  const devices = h(
    'devices',
    {},
    ...(spec.disks ?? []).map(renderDisk),
    ...(spec.interfaces ?? []).map((i) => h('interface', { type: 'network' }, i.mac ? h('mac', { address: i.mac }) : undefined, h('source', { network: i.network }), h('model', { type: i.model ?? 'virtio' }))),
    spec.serialLog ? h('serial', { type: 'file' }, h('source', { path: spec.serialLog }), h('target', { port: 0 })) : undefined,
    spec.serialLog ? h('console', { type: 'file' }, h('source', { path: spec.serialLog }), h('target', { type: 'serial', port: 0 })) : undefined,
  );
  const domain = h(
    'domain',
    { type: spec.type },
    h('name', {}, spec.name),
    spec.metadata ? h('metadata', {}, renderMetadata(spec.metadata)) : undefined,
    h('memory', { unit: 'MiB' }, String(spec.memoryMiB)),
    h('vcpu', {}, String(spec.vcpus)),
    os,
    h('features', {}, h('acpi')),
    h('on_poweroff', {}, 'destroy'),
    h('on_reboot', {}, 'restart'),
    h('on_crash', {}, 'destroy'),
    devices,
  );
  return `${renderXml(domain)}\n`;
}

const UNIT_TO_KIB: Record<string, number> = { b: 1 / 1024, bytes: 1 / 1024, k: 1, kib: 1, kb: 1000 / 1024, m: 1024, mib: 1024, mb: 1e6 / 1024, g: 1024 * 1024, gib: 1024 * 1024, gb: 1e9 / 1024 };

/** Converts a libvirt `<memory unit=...>` value to MiB. */
export function memoryToMiB(value: string | undefined, unit: string | undefined): number {
  const factor = UNIT_TO_KIB[(unit ?? 'KiB').toLowerCase()] ?? 1;
  return Math.round((Number(value ?? 0) * factor) / 1024);
}

/** Outcome of {@link parseDomainXml}. */
export type DomainParseResult = { ok: true; value: DomainInfo } | { ok: false; issues: { message: string; line?: number; column?: number }[] };

/**
 * Parses `virsh dumpxml` output.
 * @param xml - The domain XML.
 * @returns The fields the connector reads, or what is wrong (with line and column for syntax errors).
 * @example
 * ```ts
 * const r = parseDomainXml(await virsh.run(['dumpxml', 'web']));
 * ```
 */
export function parseDomainXml(xml: string): DomainParseResult {
  const parsed = parseXml(xml);
  if (!parsed.ok) return parsed;
  const root = parsed.value;
  if (root.name !== 'domain') return { ok: false, issues: [{ message: `expected <domain>, got <${root.name}>` }] };
  const name = textAt(root, 'name');
  const uuid = textAt(root, 'uuid');
  if (!name || !uuid) return { ok: false, issues: [{ message: '<domain> without <name> or <uuid>' }] };
  const memory = child(root, 'memory');
  const current = child(root, 'currentMemory') ?? memory;
  const devices = child(root, 'devices');
  const info: DomainInfo = {
    name,
    uuid,
    type: root.attributes.type ?? 'unknown',
    memoryMiB: memoryToMiB(memory?.text, memory?.attributes.unit),
    currentMemoryMiB: memoryToMiB(current?.text, current?.attributes.unit),
    vcpus: Number(textAt(root, 'vcpu') ?? 0),
    disks: children(devices, 'disk')
      .filter((d) => (d.attributes.device ?? 'disk') === 'disk')
      .map((d) => {
        const src = child(d, 'source')?.attributes ?? {};
        const disk: DomainInfo['disks'][number] = { target: child(d, 'target')?.attributes.dev ?? '' };
        if (src.file !== undefined) disk.file = src.file;
        if (src.pool !== undefined) disk.pool = src.pool;
        if (src.volume !== undefined) disk.volume = src.volume;
        return disk;
      }),
    interfaces: children(devices, 'interface').map((i) => {
      const out: { network?: string; mac?: string } = {};
      const network = child(i, 'source')?.attributes.network;
      const mac = child(i, 'mac')?.attributes.address;
      if (network !== undefined) out.network = network;
      if (mac !== undefined) out.mac = mac;
      return out;
    }),
    metadata: parseMetadata(path(root, 'metadata')),
  };
  const id = root.attributes.id;
  if (id !== undefined && id !== '-1') info.id = Number(id);
  return { ok: true, value: info };
}
