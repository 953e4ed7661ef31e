import { child, h, parseXml, path, renderXml, textAt } from './xml';

/** A storage volume the connector creates in a pool. */
export interface VolumeSpec {
  name: string;
  capacityBytes: number;
  format?: 'qcow2' | 'raw';
}

/** What the connector reads back from `virsh vol-dumpxml`. */
export interface VolumeInfo {
  name: string;
  key?: string;
  path?: string;
  capacityBytes: number;
  allocationBytes: number;
  format?: string;
}

const BYTES: Record<string, number> = { b: 1, bytes: 1, k: 1024, kib: 1024, kb: 1e3, m: 1024 ** 2, mib: 1024 ** 2, mb: 1e6, g: 1024 ** 3, gib: 1024 ** 3, gb: 1e9, t: 1024 ** 4, tib: 1024 ** 4, tb: 1e12 };

/** Converts a libvirt sized value (`<capacity unit='bytes'>`) to bytes. */
export function sizeToBytes(value: string | undefined, unit: string | undefined): number {
  return Math.round(Number(value ?? 0) * (BYTES[(unit ?? 'bytes').toLowerCase()] ?? 1));
}

/**
 * Renders volume XML for `virsh vol-create`.
 * @param spec - Name, capacity in bytes and format (default qcow2).
 * @returns The XML document.
 * @example
 * ```ts
 * renderVolumeXml({ name: 'data.qcow2', capacityBytes: 10 * 1024 ** 3 });
 * ```
 */
export function renderVolumeXml(spec: VolumeSpec): string {
  return `${renderXml(
    h('volume', {}, h('name', {}, spec.name), h('capacity', { unit: 'bytes' }, String(spec.capacityBytes)), h('target', {}, h('format', { type: spec.format ?? 'qcow2' }))),
  )}\n`;
}

/**
 * Parses `virsh vol-dumpxml` output.
 * @param xml - The volume XML.
 * @returns Name, key, path, capacity, allocation and format, or what is wrong.
 * @example
 * ```ts
 * parseVolumeXml(await virsh.run(['vol-dumpxml', '--pool', 'default', 'data.qcow2']));
 * ```
 */
export function parseVolumeXml(xml: string): { ok: true; value: VolumeInfo } | { ok: false; issues: { message: string }[] } {
  const parsed = parseXml(xml);
  if (!parsed.ok) return parsed;
  const root = parsed.value;
  const name = textAt(root, 'name');
  if (root.name !== 'volume' || !name) return { ok: false, issues: [{ message: 'expected <volume> with <name>' }] };
  const cap = child(root, 'capacity');
  const alloc = child(root, 'allocation');
  const info: VolumeInfo = { name, capacityBytes: sizeToBytes(cap?.text, cap?.attributes.unit), allocationBytes: sizeToBytes(alloc?.text, alloc?.attributes.unit) };
  const key = textAt(root, 'key');
  const p = textAt(root, 'target', 'path');
  const format = path(root, 'target', 'format')?.attributes.type;
  if (key) info.key = key;
  if (p) info.path = p;
  if (format) info.format = format;
  return { ok: true, value: info };
}
