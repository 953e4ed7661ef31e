import type { DomainInfo, DomainSpec } from './domain-xml';
import { parseDomainXml, renderDomainXml } from './domain-xml';
import type { NetworkInfo, NetworkSpec } from './network-xml';
import { parseNetworkXml, renderNetworkXml } from './network-xml';
import type { Virsh, VirshRunOptions } from './virsh';
import { VirshError } from './virsh';
import type { VolumeInfo, VolumeSpec } from './volume-xml';
import { parseVolumeXml, renderVolumeXml } from './volume-xml';

/** A domain's state as `virsh domstate` prints it. */
export type DomainState = 'running' | 'idle' | 'paused' | 'in shutdown' | 'shut off' | 'crashed' | 'pmsuspended' | 'blocked' | 'no state';

/** The host's capacity as `virsh nodeinfo` reports it. */
export interface NodeInfo {
  cpus: number;
  memoryMiB: number;
  cpuModel: string;
}

function parseOrThrow<T>(command: string, result: { ok: true; value: T } | { ok: false; issues: { message: string }[] }): T {
  if (result.ok) return result.value;
  throw new VirshError({ command, stderr: `unreadable XML from libvirt: ${result.issues.map((i) => i.message).join('; ')}` });
}

/** Parses `virsh nodeinfo` output. */
export function parseNodeInfo(text: string): NodeInfo {
  const field = (name: string): string => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(text)?.[1]?.trim() ?? '';
  return { cpus: Number(field('CPU\\(s\\)')), memoryMiB: Math.floor(Number(field('Memory size').replace(/\s*KiB$/, '')) / 1024), cpuModel: field('CPU model') };
}

/** Parses `virsh capabilities` into the hypervisor types offered for an architecture (`*` for any). */
export function parseDomainTypes(capabilitiesXml: string, arch: string): string[] {
  const types = new Set<string>();
  for (const guest of capabilitiesXml.split('<guest>').slice(1)) {
    if (arch !== '*' && !guest.includes(`<arch name='${arch}'>`) && !guest.includes(`<arch name="${arch}">`)) continue;
    for (const m of guest.matchAll(/<domain type=['"]([a-z]+)['"]/g)) types.add(m[1]!);
  }
  return [...types];
}

/**
 * Typed libvirt operations on top of {@link Virsh}.
 * @example
 * ```ts
 * const client = new LibvirtClient(new Virsh({ uri: 'qemu:///system' }));
 * const uuids = await client.listDomainUuids();
 * ```
 */
export class LibvirtClient {
  readonly virsh: Virsh;

  constructor(virsh: Virsh) {
    this.virsh = virsh;
  }

  /** Host capacity. */
  async nodeInfo(opts?: VirshRunOptions): Promise<NodeInfo> {
    return parseNodeInfo(await this.virsh.run(['nodeinfo'], opts));
  }

  /** Hypervisor types (`kvm`, `qemu`, `test`) available for an architecture. */
  async domainTypes(arch: string, opts?: VirshRunOptions): Promise<string[]> {
    return parseDomainTypes(await this.virsh.run(['capabilities'], opts), arch);
  }

  /** UUIDs of every domain, running or not. */
  async listDomainUuids(opts?: VirshRunOptions): Promise<string[]> {
    return (await this.virsh.run(['list', '--all', '--uuid'], opts)).split('\n').map((l) => l.trim()).filter(Boolean);
  }

  /** Reads a domain's definition (by name or UUID). */
  async domain(ref: string, opts?: VirshRunOptions): Promise<DomainInfo> {
    return parseOrThrow('dumpxml', parseDomainXml(await this.virsh.run(['dumpxml', ref], opts)));
  }

  /** Reads a domain's state. */
  async domainState(ref: string, opts?: VirshRunOptions): Promise<DomainState> {
    return (await this.virsh.run(['domstate', ref], opts)).trim() as DomainState;
  }

  /** Reads a domain's persistent definition as raw XML (for edits such as resize). */
  async domainXml(ref: string, opts?: VirshRunOptions): Promise<string> {
    return this.virsh.run(['dumpxml', ref, '--inactive'], opts);
  }

  /** Defines a domain from raw XML. */
  async defineDomainXml(xml: string, opts?: VirshRunOptions): Promise<void> {
    await this.virsh.runWithXml({ before: ['define'] }, xml, opts);
  }

  /** Defines (creates or updates) a persistent domain. */
  async defineDomain(spec: DomainSpec & { uuid?: string }, opts?: VirshRunOptions): Promise<void> {
    let xml = renderDomainXml(spec);
    if (spec.uuid) xml = xml.replace('</name>', `</name>\n  <uuid>${spec.uuid}</uuid>`);
    await this.virsh.runWithXml({ before: ['define'] }, xml, opts);
  }

  /** Runs a lifecycle command on a domain: `start`, `shutdown`, `destroy`, `reboot`, `reset`, `suspend`, `resume`. */
  async domainCommand(command: 'start' | 'shutdown' | 'destroy' | 'reboot' | 'reset' | 'suspend' | 'resume', ref: string, opts?: VirshRunOptions): Promise<void> {
    await this.virsh.run([command, ref], opts);
  }

  /** Removes a domain's definition (with its snapshots' metadata and NVRAM). */
  async undefineDomain(ref: string, opts?: VirshRunOptions): Promise<void> {
    try {
      await this.virsh.run(['undefine', ref, '--snapshots-metadata', '--nvram'], opts);
    } catch (error) {
      if (error instanceof VirshError && /nvram|unsupported flags|not supported/i.test(error.stderr)) await this.virsh.run(['undefine', ref], opts);
      else throw error;
    }
  }

  /** Takes a named snapshot of a domain. */
  async snapshotDomain(ref: string, name: string, opts?: VirshRunOptions): Promise<void> {
    await this.virsh.run(['snapshot-create-as', ref, name, '--atomic'], opts);
  }

  /** Names of a domain's snapshots. */
  async listSnapshots(ref: string, opts?: VirshRunOptions): Promise<string[]> {
    return (await this.virsh.run(['snapshot-list', ref, '--name'], opts)).split('\n').map((l) => l.trim()).filter(Boolean);
  }

  /** Names of the volumes of a pool. */
  async listVolumes(pool: string, opts?: VirshRunOptions): Promise<string[]> {
    return (await this.virsh.run(['vol-list', pool], opts))
      .split('\n')
      .map((l) => l.trim().split(/\s+/)[0] ?? '')
      .filter(Boolean);
  }

  /** Reads one volume. */
  async volume(pool: string, name: string, opts?: VirshRunOptions): Promise<VolumeInfo> {
    return parseOrThrow('vol-dumpxml', parseVolumeXml(await this.virsh.run(['vol-dumpxml', '--pool', pool, name], opts)));
  }

  /** Creates a volume in a pool. */
  async createVolume(pool: string, spec: VolumeSpec, opts?: VirshRunOptions): Promise<void> {
    await this.virsh.runWithXml({ before: ['vol-create', pool] }, renderVolumeXml(spec), opts);
  }

  /** Copies a volume to a new name in the same pool (used by `save` on storage, and to clone images). */
  async cloneVolume(ref: { pool: string; from: string; to: string }, opts?: VirshRunOptions): Promise<void> {
    await this.virsh.run(['vol-clone', '--pool', ref.pool, ref.from, ref.to], opts);
  }

  /** Changes a volume's capacity. */
  async resizeVolume(ref: { pool: string; name: string; capacityBytes: number }, opts?: VirshRunOptions): Promise<void> {
    await this.virsh.run(['vol-resize', '--pool', ref.pool, ref.name, String(ref.capacityBytes)], opts);
  }

  /** Deletes a volume. */
  async deleteVolume(pool: string, name: string, opts?: VirshRunOptions): Promise<void> {
    await this.virsh.run(['vol-delete', '--pool', pool, name], opts);
  }

  /** Names of every network, active or not. */
  async listNetworks(opts?: VirshRunOptions): Promise<string[]> {
    return (await this.virsh.run(['net-list', '--all', '--name'], opts)).split('\n').map((l) => l.trim()).filter(Boolean);
  }

  /** Reads a network's definition. */
  async network(ref: string, opts?: VirshRunOptions): Promise<NetworkInfo> {
    return parseOrThrow('net-dumpxml', parseNetworkXml(await this.virsh.run(['net-dumpxml', ref], opts)));
  }

  /** Whether a network is active. */
  async networkActive(ref: string, opts?: VirshRunOptions): Promise<boolean> {
    return /^Active:\s*yes/m.test(await this.virsh.run(['net-info', ref], opts));
  }

  /** Defines a persistent network. */
  async defineNetwork(spec: NetworkSpec, opts?: VirshRunOptions): Promise<void> {
    await this.virsh.runWithXml({ before: ['net-define'] }, renderNetworkXml(spec), opts);
  }

  /** Starts or stops a network, or removes its definition. */
  async networkCommand(command: 'net-start' | 'net-destroy' | 'net-undefine', ref: string, opts?: VirshRunOptions): Promise<void> {
    await this.virsh.run([command, ref], opts);
  }
}
