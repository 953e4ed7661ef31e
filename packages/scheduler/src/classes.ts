import { canonicalArch } from './compile/architecture';
import { nodeGpus } from './compile/query';
import type { NodeInput } from './types';

/** Instances of a node to place (`initial ?? min`, or the number itself; default 1). */
export function instanceCount(node: NodeInput): number {
  const c = node.count;
  if (c === undefined) return 1;
  if (typeof c === 'number') return c;
  return c.initial ?? c.min;
}

/** A set of node instances that filter and score alike: solved once. */
export interface EquivalenceClass {
  /** Representative node (the first one met). */
  node: NodeInput;
  /** Node ids and instance numbers, in input order. */
  members: { nodeId: string; instance: number }[];
}

/** Signature of what placement depends on for a node (not its id). */
export function nodeSignature(n: NodeInput): string {
  const d = n.deferrable;
  // One concatenation (no array and join): this runs once per node of a manifest.
  return `${n.cores}|${n.memoryGiB}|${canonicalArch(n.architecture)}|${nodeGpus(n)}|${n.powerWatts ?? ''}|${
    d ? `${d.durationHours}|${d.earliestStart ?? ''}|${d.deadline}|${d.interruptible ? 1 : 0}` : ''}|${
    n.jurisdictions ? `${n.jurisdictions.allow?.join(',') ?? '*'}/${n.jurisdictions.deny?.join(',') ?? ''}` : ''}|${n.dataClassification ?? ''}|${n.share ?? ''}|${
    typeof n.gpus === 'object' ? (n.gpus.model ?? '') : ''}`;
}

/**
 * Groups node instances into equivalence classes. Nodes named in `distinct` (group members,
 * nodes with relations) each keep a class of their own, so that coupled constraints see them.
 */
export function equivalenceClasses(nodes: readonly NodeInput[], distinct: ReadonlySet<string>): EquivalenceClass[] {
  const bySig = new Map<string, EquivalenceClass>();
  // Plain nodes (shape only) are looked up by numbers, with no signature string per node; a plain
  // node's signature has every optional part empty and no other node's has, so the grouping is the same.
  const plain = new Map<string, Map<number, Map<number, Map<number, EquivalenceClass>>>>();
  const archOf = new Map<string | undefined, string>();
  const out: EquivalenceClass[] = [];
  for (const node of nodes) {
    let cls: EquivalenceClass | undefined;
    if (!distinct.has(node.id) && isPlain(node)) {
      let arch = archOf.get(node.architecture);
      if (arch === undefined) archOf.set(node.architecture, (arch = canonicalArch(node.architecture)));
      const byCores = plain.get(arch) ?? plain.set(arch, new Map()).get(arch)!;
      const byMem = byCores.get(node.cores) ?? byCores.set(node.cores, new Map()).get(node.cores)!;
      const byGpus = byMem.get(node.memoryGiB) ?? byMem.set(node.memoryGiB, new Map()).get(node.memoryGiB)!;
      const gpus = nodeGpus(node);
      cls = byGpus.get(gpus);
      if (!cls) {
        cls = { node, members: [] };
        byGpus.set(gpus, cls);
        out.push(cls);
      }
    } else {
      const sig = distinct.has(node.id) ? `#${node.id}` : nodeSignature(node);
      cls = bySig.get(sig);
      if (!cls) {
        cls = { node, members: [] };
        bySig.set(sig, cls);
        out.push(cls);
      }
    }
    const count = instanceCount(node);
    for (let i = 0; i < count; i++) cls.members.push({ nodeId: node.id, instance: i });
  }
  return out;
}

/** A node whose signature is its shape alone (every optional part of `nodeSignature` empty). */
function isPlain(n: NodeInput): boolean {
  return !n.deferrable && !n.jurisdictions && !n.dataClassification && !n.share && n.powerWatts === undefined && !(typeof n.gpus === 'object' && n.gpus.model);
}
