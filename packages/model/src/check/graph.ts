import type { Manifest, ValidationIssue } from '../types';

const issue = (code: string, pointer: string, message: string): ValidationIssue => ({
  code,
  message,
  location: { pointer },
});

/** Duplicate names, unknown references from relations, groups and guarantees, self-relations. */
export function checkReferences(manifest: Manifest): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const names = new Map<string, string>();
  const computeNames = new Set<string>();
  manifest.nodes.forEach((node, i) => {
    const at = `/nodes/${i}/name`;
    if (names.has(node.name))
      issues.push(issue('duplicate-name', at, `The name "${node.name}" is already used at ${names.get(node.name)}.`));
    else names.set(node.name, at);
    computeNames.add(node.name);
    const volumes = new Set<string>();
    node.storage?.forEach((volume, v) => {
      if (volumes.has(volume.name))
        issues.push(
          issue('duplicate-name', `/nodes/${i}/storage/${v}/name`, `Node "${node.name}" has two volumes named "${volume.name}".`),
        );
      volumes.add(volume.name);
    });
  });
  manifest.services?.forEach((service, i) => {
    const at = `/services/${i}/name`;
    if (names.has(service.name))
      issues.push(issue('duplicate-name', at, `The name "${service.name}" is already used at ${names.get(service.name)}.`));
    else names.set(service.name, at);
  });
  const known = (name: string) => names.has(name);
  const hint = () => `Known nodes and services: ${[...names.keys()].join(', ')}.`;
  manifest.relations?.forEach((relation, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!known(relation[end]))
        issues.push(
          issue('unknown-node', `/relations/${i}/${end}`, `The relation refers to "${relation[end]}", which is not a node. ${hint()}`),
        );
    }
    if (relation.from === relation.to)
      issues.push(issue('self-relation', `/relations/${i}/to`, `"${relation.from}" cannot be related to itself.`));
    if (relation.type === 'depends-on' && relation.trafficGBPerMonth !== undefined)
      issues.push(
        issue(
          'traffic-on-depends-on',
          `/relations/${i}/trafficGBPerMonth`,
          'Traffic is stated on connects-to relations; a depends-on relation only orders start-up.',
        ),
      );
  });
  manifest.groups?.forEach((group, i) =>
    group.nodes.forEach((name, j) => {
      if (!computeNames.has(name))
        issues.push(
          issue(
            'unknown-node',
            `/groups/${i}/nodes/${j}`,
            `Placement group "${group.name}" refers to "${name}", which is not a compute node of this manifest.`,
          ),
        );
    }),
  );
  manifest.terms.guarantees?.forEach((guarantee, i) =>
    guarantee.nodes?.forEach((name, j) => {
      if (!known(name))
        issues.push(
          issue('unknown-node', `/terms/guarantees/${i}/nodes/${j}`, `Guarantee "${guarantee.name}" refers to "${name}", which is not a node.`),
        );
    }),
  );
  return issues;
}

/**
 * Finds a cycle in the depends-on relations, if any.
 * @returns the cycle as a list of names (first = last), or undefined.
 */
export function findDependsOnCycle(manifest: Manifest): { cycle: string[]; relation: number } | undefined {
  const edges = new Map<string, { to: string; index: number }[]>();
  manifest.relations?.forEach((r, index) => {
    if (r.type !== 'depends-on') return;
    const list = edges.get(r.from) ?? [];
    list.push({ to: r.to, index });
    edges.set(r.from, list);
  });
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): { cycle: string[]; relation: number } | undefined => {
    state.set(name, 'open');
    stack.push(name);
    for (const { to, index } of edges.get(name) ?? []) {
      if (state.get(to) === 'open') return { cycle: [...stack.slice(stack.indexOf(to)), to], relation: index };
      if (!state.has(to)) {
        const found = visit(to);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const name of edges.keys()) {
    if (state.has(name)) continue;
    const found = visit(name);
    if (found) return found;
  }
  return undefined;
}

/** Reports a depends-on cycle, which would make start-up order impossible. */
export function checkCycles(manifest: Manifest): ValidationIssue[] {
  const found = findDependsOnCycle(manifest);
  if (!found) return [];
  return [
    issue(
      'depends-on-cycle',
      `/relations/${found.relation}`,
      `The depends-on relations form a cycle (${found.cycle.join(' → ')}), so no node could start first.`,
    ),
  ];
}
