import type { DataClassification, JurisdictionPolicy, Manifest, ManifestNode, NodeRelation, Result, ValidationIssue } from './types';
import { validateManifest } from './validate/validate';
import { allowedCountries } from './jurisdictions';

/** Options of {@link expandManifest}. */
export interface ExpandManifestOptions {
  /** Returns the manifest a nested service references (a URI, a `/manifest/<id>` location or a path). */
  resolve: (ref: string) => unknown;
  /** Deepest nesting allowed (default 8). */
  maxDepth?: number;
}

const RANK: Record<DataClassification, number> = { public: 0, internal: 1, confidential: 2, restricted: 3 };

function stricter(a?: DataClassification, b?: DataClassification): DataClassification | undefined {
  if (!a || !b) return a ?? b;
  return RANK[a] >= RANK[b] ? a : b;
}

/** One policy meaning both: allowed sets intersected (as countries), forbidden lists merged. */
function narrow(outer?: JurisdictionPolicy, inner?: JurisdictionPolicy): JurisdictionPolicy | undefined {
  if (!outer || !inner) return outer ?? inner;
  const forbidden = [...new Set([...(outer.forbidden ?? []), ...(inner.forbidden ?? [])])];
  const withForbidden = (p: JurisdictionPolicy): JurisdictionPolicy => (forbidden.length ? { ...p, forbidden } : p);
  if (!outer.allowed || !inner.allowed) return withForbidden(outer.allowed ?? inner.allowed ? { allowed: (outer.allowed ?? inner.allowed)! } : {});
  const both = [...allowedCountries({ allowed: outer.allowed }, { allowed: inner.allowed })!].sort();
  // An empty intersection stays visible (allowed and forbidden cancel out) for checkManifest to report.
  if (both.length === 0) return { allowed: outer.allowed, forbidden: [...new Set([...forbidden, ...outer.allowed])] };
  return withForbidden({ allowed: both });
}

interface Frame {
  depth: number;
  chain: string[];
  pointer: string;
}

async function flatten(manifest: Manifest, options: ExpandManifestOptions, frame: Frame): Promise<Result<Manifest>> {
  const issues: ValidationIssue[] = [];
  const nodes: ManifestNode[] = [...manifest.nodes];
  const relations: NodeRelation[] = [];
  const groups = [...(manifest.groups ?? [])];
  const guarantees = [...(manifest.terms.guarantees ?? [])];
  const expansion = new Map<string, string[]>();
  for (const [i, service] of (manifest.services ?? []).entries()) {
    const at = `${frame.pointer}/services/${i}/manifest`;
    const fail = (code: string, message: string) => issues.push({ code, message, location: { pointer: at } });
    if (frame.chain.includes(service.manifest)) {
      fail('nesting-cycle', `Nested manifests form a cycle: ${[...frame.chain, service.manifest].join(' → ')}.`);
      continue;
    }
    if (frame.depth >= (options.maxDepth ?? 8)) {
      fail('nesting-too-deep', `Manifests are nested deeper than ${options.maxDepth ?? 8} levels.`);
      continue;
    }
    let resolved: unknown;
    try {
      resolved = await options.resolve(service.manifest);
    } catch (error) {
      fail('unresolved-manifest', `Cannot read the nested manifest "${service.manifest}": ${(error as Error).message}`);
      continue;
    }
    const valid = validateManifest(resolved);
    if (!valid.ok) {
      for (const issue of valid.issues)
        issues.push({ ...issue, message: `In "${service.manifest}" at ${issue.location.pointer || '/'}: ${issue.message}`, location: { pointer: at } });
      continue;
    }
    const inner = await flatten(valid.value, options, { depth: frame.depth + 1, chain: [...frame.chain, service.manifest], pointer: at });
    if (!inner.ok) {
      issues.push(...inner.issues);
      continue;
    }
    const sub = inner.value;
    const names: string[] = [];
    for (let copy = 0; copy < (service.count ?? 1); copy++) {
      const prefix = (service.count ?? 1) > 1 ? `${service.name}-${copy}` : service.name;
      const rename = (n: string) => `${prefix}-${n}`;
      for (const node of sub.nodes) {
        const jurisdiction = narrow(sub.terms.jurisdiction, node.jurisdiction);
        const dataClassification = stricter(sub.terms.dataClassification, node.dataClassification);
        nodes.push({ ...node, name: rename(node.name), ...(jurisdiction ? { jurisdiction } : {}), ...(dataClassification ? { dataClassification } : {}) });
        names.push(rename(node.name));
      }
      for (const r of sub.relations ?? []) relations.push({ ...r, from: rename(r.from), to: rename(r.to) });
      for (const g of sub.groups ?? []) groups.push({ ...g, name: rename(g.name), nodes: g.nodes.map(rename) });
      for (const g of sub.terms.guarantees ?? [])
        guarantees.push({ ...g, name: rename(g.name), nodes: (g.nodes ?? sub.nodes.map((n) => n.name)).map(rename) });
    }
    expansion.set(service.name, names);
  }
  if (issues.length) return { ok: false, issues };
  for (const r of manifest.relations ?? []) {
    const froms = expansion.get(r.from) ?? [r.from];
    const tos = expansion.get(r.to) ?? [r.to];
    const share = froms.length * tos.length;
    for (const from of froms)
      for (const to of tos)
        relations.push({ ...r, from, to, ...(r.trafficGBPerMonth !== undefined ? { trafficGBPerMonth: r.trafficGBPerMonth / share } : {}) });
  }
  const terms = { ...manifest.terms, ...(guarantees.length ? { guarantees } : {}) };
  const flat: Manifest = { ...manifest, nodes, terms };
  delete flat.services;
  if (relations.length) flat.relations = relations;
  if (groups.length) flat.groups = groups;
  return { ok: true, value: flat };
}

/**
 * Replaces every nested service of a manifest by the nodes of the manifest it references (each
 * renamed `<service>-<node>`, or `<service>-<copy>-<node>` when `count` > 1), recursively. The
 * nested manifest's jurisdiction and data classification move onto its nodes; its relations,
 * groups and guarantees come along, renamed; relations to the service reach every node of it
 * (traffic split evenly). The result is validated like any manifest.
 * @param manifest - a valid manifest.
 * @param options - `resolve(ref)` returning (or promising) the referenced manifest; `maxDepth`.
 * @returns the flat manifest, or issues (cycles of nesting, unreadable or invalid nested manifests,
 *   names that collide or grow too long).
 * @example
 * ```ts
 * const flat = await expandManifest(manifest, { resolve: (ref) => parseManifest(readFileSync(ref, 'utf8')) });
 * if (flat.ok) schedule(flat.value);
 * ```
 */
export async function expandManifest(manifest: Manifest, options: ExpandManifestOptions): Promise<Result<Manifest>> {
  if (!manifest.services?.length) return { ok: true, value: manifest };
  const flat = await flatten(manifest, options, { depth: 0, chain: [], pointer: '' });
  return flat.ok ? validateManifest(flat.value) : flat;
}
