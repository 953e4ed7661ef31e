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
  return [
    n.cores, n.memoryGiB, canonicalArch(n.architecture), nodeGpus(n), n.powerWatts ?? '',
    d ? `${d.durationHours}|${d.earliestStart ?? ''}|${d.deadline}|${d.interruptible ? 1 : 0}` : '',
    n.jurisdictions ? `${n.jurisdictions.allow?.join(',') ?? '*'}/${n.jurisdictions.deny?.join(',') ?? ''}` : '', n.dataClassification ?? '', n.share ?? '', typeof n.gpus === 'object' ? (n.gpus.model ?? '') : '',
  ].join('|');
}

/**
 * Groups node instances into equivalence classes. Nodes named in `distinct` (group members,
 * nodes with relations) each keep a class of their own, so that coupled constraints see them.
 */
export function equivalenceClasses(nodes: readonly NodeInput[], distinct: ReadonlySet<string>): EquivalenceClass[] {
  const bySig = new Map<string, EquivalenceClass>();
  const out: EquivalenceClass[] = [];
  for (const node of nodes) {
    const sig = distinct.has(node.id) ? `#${node.id}` : nodeSignature(node);
    let cls = bySig.get(sig);
    if (!cls) {
      cls = { node, members: [] };
      bySig.set(sig, cls);
      out.push(cls);
    }
    const count = instanceCount(node);
    for (let i = 0; i < count; i++) cls.members.push({ nodeId: node.id, instance: i });
  }
  return out;
}
