import type { Manifest, ValidationIssue } from '../types';
import { allowedCountries } from '../jurisdictions';

/** Groups that contradict each other, and anti-affinity over jurisdictions that the allowed set cannot satisfy. */
export function checkGroups(manifest: Manifest): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const groups = manifest.groups ?? [];
  const together = new Map<string, number>();
  groups.forEach((g, i) => {
    if (g.policy !== 'affinity') return;
    for (const a of g.nodes) for (const b of g.nodes) if (a < b) together.set(`${g.scope}:${a}:${b}`, i);
  });
  const byName = new Map(manifest.nodes.map((n) => [n.name, n]));
  groups.forEach((g, i) => {
    if (g.policy !== 'anti-affinity') return;
    for (const a of g.nodes)
      for (const b of g.nodes) {
        const j = together.get(`${g.scope}:${a}:${b}`);
        if (a < b && j !== undefined)
          issues.push({
            code: 'conflicting-groups',
            message: `"${a}" and "${b}" must share a ${g.scope} (group "${groups[j]!.name}") and must not (group "${g.name}").`,
            location: { pointer: `/groups/${i}` },
          });
      }
    if (g.scope !== 'jurisdiction') return;
    const instances = g.nodes.reduce((sum, name) => sum + (byName.get(name)?.count?.initial ?? 1), 0);
    const allowed = allowedCountries(manifest.terms.jurisdiction);
    if (allowed && allowed.size < instances)
      issues.push({
        code: 'impossible-anti-affinity',
        message: `Group "${g.name}" spreads ${instances} instances over distinct jurisdictions but the terms allow only ${allowed.size}.`,
        location: { pointer: `/groups/${i}` },
      });
  });
  return issues;
}
