import { SchedulerError, type InputIssue } from './errors';
import { manifestOf, type CoreInput } from './input';
import { toMs } from './time/hours';
import type { NodeInput, TermsInput } from './types';

/** A validation result. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: InputIssue[] };

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const isCount = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;

/** Where a node's issues go; one per validation, not one per node. */
interface NodeSink {
  base: string;
  i: number;
  issues: InputIssue[];
}

function badNode(at: NodeSink, pointer: string, message: string): void {
  at.issues.push({ code: 'invalid-input', pointer: `${at.base}/nodes/${at.i}${pointer}`, message });
}

function checkNode(n: NodeInput, at: NodeSink): void {
  // No closure and no pointer string per node unless an issue is found: this runs once per node.
  const bad = badNode;
  if (typeof n.id !== 'string' || n.id === '') bad(at, '/id', 'node id must be a non-empty string');
  if (!num(n.cores) || n.cores < 0) bad(at, '/cores', 'cores must be a finite number >= 0');
  if (!num(n.memoryGiB) || n.memoryGiB < 0) bad(at, '/memoryGiB', 'memoryGiB must be a finite number >= 0');
  const c = n.count;
  const countOk = typeof c === 'number' ? isCount(c) : c ? isCount(c.min) && isCount(c.initial ?? c.min) : true;
  if (!countOk) bad(at, '/count', 'count must be a whole number >= 0');
  if (c && typeof c === 'object' && c.max !== undefined && c.max < c.min) bad(at, '/count/max', 'count max is below min');
  const d = n.deferrable;
  if (d) {
    if (!num(d.durationHours) || d.durationHours <= 0) bad(at, '/deferrable/durationHours', 'durationHours must be > 0');
    const dl = toMs(d.deadline);
    if (Number.isNaN(dl)) bad(at, '/deferrable/deadline', 'deadline must be an ISO 8601 date-time');
    if (d.earliestStart !== undefined) {
      const es = toMs(d.earliestStart);
      if (Number.isNaN(es)) bad(at, '/deferrable/earliestStart', 'earliestStart must be an ISO 8601 date-time');
      else if (!Number.isNaN(dl) && dl - es < d.durationHours * 3_600_000) bad(at, '/deferrable/deadline', 'the window from earliestStart to deadline is shorter than durationHours');
    }
  }
}

function checkTerms(t: TermsInput, issues: InputIssue[]): void {
  const bad = (pointer: string, message: string) => issues.push({ code: 'invalid-input', pointer: `/terms${pointer}`, message });
  for (const [k, v] of Object.entries(t.weights ?? {})) if (!num(v) || v < 0) bad(`/weights/${k}`, 'weights must be finite numbers >= 0');
  if (t.priceCeilingPerHour !== undefined && !(t.priceCeilingPerHour >= 0)) bad('/priceCeilingPerHour', 'must be >= 0');
  if (t.budgetPerHour !== undefined && !(t.budgetPerHour >= 0)) bad('/budgetPerHour', 'must be >= 0');
  if (t.availability !== undefined && !(t.availability >= 0 && t.availability <= 1)) bad('/availability', 'must be in [0, 1]');
  if (t.jurisdictions?.allow && t.jurisdictions.allow.length === 0) bad('/jurisdictions/allow', 'an empty allow list admits nothing');
  t.latency?.users.forEach((u, i) => {
    if (!(Math.abs(u.lat) <= 90 && Math.abs(u.lon) <= 180)) bad(`/latency/users/${i}`, 'lat must be in [-90, 90] and lon in [-180, 180]');
  });
}

/**
 * Checks the manifest part of a placement input: node fields, references of relations and
 * groups, terms, the clock.
 *
 * @param input - the placement input
 * @returns the input, or every issue with its JSON pointer
 * @example
 * ```ts
 * const r = validatePlacementInput({ nodes: [{ id: 'a', cores: -1, memoryGiB: 1 }], now: 0 });
 * if (!r.ok) r.issues[0]?.pointer; // '/nodes/0/cores'
 * ```
 */
export function validatePlacementInput(input: CoreInput): ValidationResult<CoreInput> {
  const issues: InputIssue[] = [];
  const m = manifestOf(input);
  const base = input.manifest ? '/manifest' : '';
  const ids = new Set<string>();
  const at: NodeSink = { base, i: 0, issues };
  m.nodes.forEach((n, i) => {
    at.i = i;
    checkNode(n, at);
    if (ids.has(n.id)) issues.push({ code: 'invalid-input', pointer: `${base}/nodes/${i}/id`, message: `duplicate node id "${n.id}"` });
    ids.add(n.id);
  });
  m.relations.forEach((r, i) => {
    for (const end of ['source', 'target'] as const) {
      if (!ids.has(r[end])) issues.push({ code: 'unknown-reference', pointer: `${base}/relations/${i}/${end}`, message: `unknown node "${r[end]}"` });
    }
    if (r.trafficGBPerMonth !== undefined && !(r.trafficGBPerMonth >= 0)) issues.push({ code: 'invalid-input', pointer: `${base}/relations/${i}/trafficGBPerMonth`, message: 'must be >= 0' });
  });
  m.groups.forEach((g, i) => {
    g.nodes.forEach((id, j) => {
      if (!ids.has(id)) issues.push({ code: 'unknown-reference', pointer: `${base}/groups/${i}/nodes/${j}`, message: `unknown node "${id}"` });
    });
  });
  checkTerms(m.terms, issues);
  if (Number.isNaN(toMs(input.now))) issues.push({ code: 'invalid-input', pointer: '/now', message: 'now must be an ISO 8601 date-time or epoch milliseconds' });
  input.quotas?.forEach((q, i) => {
    for (const f of ['maxInstances', 'maxVcpus', 'maxGpus'] as const) {
      if (q[f] !== undefined && !((q[f] as number) >= 0)) issues.push({ code: 'invalid-input', pointer: `/quotas/${i}/${f}`, message: 'must be >= 0' });
    }
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: input };
}

/**
 * Validates and throws on the first batch of issues.
 *
 * @param input - the placement input
 * @throws SchedulerError with every issue found
 * @example
 * ```ts
 * assertPlacementInput({ nodes, terms, now: 0 });
 * ```
 */
export function assertPlacementInput(input: CoreInput): void {
  const r = validatePlacementInput(input);
  if (!r.ok) throw new SchedulerError(r.issues);
}
