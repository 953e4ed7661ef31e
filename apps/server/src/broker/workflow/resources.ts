import { randomUUID } from 'node:crypto';
import type { Manifest, PlacementDecision, ResourceSpec } from '@accords/model';
import type { ResourceRecord } from '../types';

/** Input of {@link plannedResources}. */
export interface PlannedResourcesInput {
  tenantId: string;
  agreementId: string;
  manifest: Manifest;
  decisions: PlacementDecision[];
  now: number;
  /** Id generator (tests make it deterministic). */
  newId?: () => string;
}

const safe = (s: string, max = 128) => s.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, max);

/**
 * Expands the placement decisions into the resources to create: per decision a compute, its
 * storage volumes, and one network per (network name, provider, region). Each compute waits for
 * its volumes and networks and for every instance of the nodes it depends on.
 *
 * @param input - agreement, manifest, decisions and time
 * @returns the resource records in state `planned`, dependencies before dependants
 * @example
 * const resources = plannedResources({ tenantId, agreementId, manifest, decisions: plan.decisions, now: Date.now() });
 */
export function plannedResources(input: PlannedResourcesInput): ResourceRecord[] {
  const { manifest, now } = input;
  const newId = input.newId ?? randomUUID;
  const base = (o: { node: string; replica: number; kind: ResourceRecord['kind']; d: PlacementDecision }) => {
    const id = newId();
    return {
      id, tenantId: input.tenantId, agreementId: input.agreementId, node: o.node, replica: o.replica, kind: o.kind,
      role: 'primary' as const, providerId: o.d.providerId, regionId: o.d.regionId, currency: o.d.currency,
      idempotencyKey: `accords-${id}`, providerResourceId: null, state: 'planned' as const, addresses: [], error: null,
      runningSince: null, createdAt: now, updatedAt: now,
    };
  };
  const networks = new Map<string, ResourceRecord>();
  const storage: ResourceRecord[] = [];
  const computes: ResourceRecord[] = [];
  const computeIdsByNode = new Map<string, string[]>();
  for (const d of input.decisions) {
    const node = manifest.nodes.find((n) => n.name === d.node);
    if (!node) throw new Error(`decision for unknown node ${d.node}`);
    const deps: string[] = [];
    for (const att of node.networks ?? []) {
      const key = `${att.network}|${d.providerId}|${d.regionId}`;
      let net = networks.get(key);
      if (!net) {
        const b = base({ node: att.network, replica: 0, kind: 'network', d });
        const spec: ResourceSpec = { kind: 'network', idempotencyKey: b.idempotencyKey, regionId: d.regionId, name: safe(`${manifest.name}-${att.network}`) };
        net = { ...b, spec, offerId: null, pricePerHour: 0, dependsOn: [] };
        networks.set(key, net);
      }
      deps.push(net.id);
    }
    for (const vol of node.storage ?? []) {
      const b = base({ node: d.node, replica: d.replica, kind: 'storage', d });
      const spec: ResourceSpec = {
        kind: 'storage', idempotencyKey: b.idempotencyKey, regionId: d.regionId, name: safe(`${manifest.name}-${d.node}-${d.replica}-${vol.name}`),
        sizeGiB: vol.sizeGiB, ...(vol.class ? { class: vol.class } : {}),
      };
      storage.push({ ...b, spec, offerId: null, pricePerHour: 0, dependsOn: [] });
      deps.push(storage[storage.length - 1]!.id);
    }
    const b = base({ node: d.node, replica: d.replica, kind: 'compute', d });
    const spec: ResourceSpec = {
      kind: 'compute', idempotencyKey: b.idempotencyKey, regionId: d.regionId, offerId: d.offerId,
      name: safe(`${manifest.name}-${d.node}-${d.replica}`), labels: { 'accords.dev/agreement': input.agreementId, 'accords.dev/node': d.node },
      ...(node.image ? { image: node.image } : {}), ...(node.userData ? { userData: node.userData } : {}),
    };
    computes.push({ ...b, spec, offerId: d.offerId, pricePerHour: d.pricePerHour, dependsOn: deps });
    computeIdsByNode.set(d.node, [...(computeIdsByNode.get(d.node) ?? []), b.id]);
  }
  for (const rel of manifest.relations ?? []) {
    if (rel.type !== 'depends-on') continue;
    const targets = computeIdsByNode.get(rel.to) ?? [];
    for (const c of computes) if (c.node === rel.from) c.dependsOn.push(...targets);
  }
  return dependenciesFirst([...networks.values(), ...storage, ...computes]);
}

function dependenciesFirst(resources: ResourceRecord[]): ResourceRecord[] {
  const byId = new Map(resources.map((r) => [r.id, r]));
  const done = new Set<string>();
  const out: ResourceRecord[] = [];
  const visit = (r: ResourceRecord) => {
    if (done.has(r.id)) return;
    done.add(r.id);
    for (const d of r.dependsOn) {
      const dep = byId.get(d);
      if (dep) visit(dep);
    }
    out.push(r);
  };
  for (const r of resources) visit(r);
  return out;
}

/**
 * Fills `${nodes.<name>.address}` (first address of the first instance) and
 * `${nodes.<name>.addresses}` (all, comma-separated) in a node's user data with the outputs of
 * the nodes it depends on.
 *
 * @param userData - the template
 * @param outputs - node name to the addresses of its instances
 * @returns the filled text (unknown placeholders are left as they are)
 * @example
 * fillOutputs('DB=${nodes.db.address}', new Map([['db', ['10.0.0.4']]])); // 'DB=10.0.0.4'
 */
export function fillOutputs(userData: string, outputs: Map<string, string[]>): string {
  return userData.replace(/\$\{nodes\.([a-z][a-z0-9-]*)\.(address|addresses)\}/g, (whole, node: string, what: string) => {
    const addrs = outputs.get(node);
    if (!addrs || addrs.length === 0) return whole;
    return what === 'address' ? addrs[0]! : addrs.join(',');
  });
}
