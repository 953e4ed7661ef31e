import type { Catalogue } from './compile/catalogue';
import { buildQuery, type Query } from './compile/query';
import type { SignalStore } from './compile/signal-store';
import { policyBits, type TermsContext } from './compile/terms-context';
import { BIT } from './filters/names';
import type { NodeInput } from './types';
import type { EquivalenceClass } from './classes';
import { planDeferrable, type DeferrablePlan } from './deferrable-window';
import type { Plugins } from './plan-types';
import { expandJurisdictions } from './jurisdiction';

/** A class with its query (and, for deferrable work, its runs per region). */
export interface PreparedClass {
  cls: EquivalenceClass;
  q: Query;
  run: DeferrablePlan | null;
}

/** Builds the query of every class; deferrable classes get window-based region factors. */
export function prepareClasses(a: {
  cat: Catalogue;
  tc: TermsContext;
  signals: SignalStore;
  classes: readonly EquivalenceClass[];
  capacity: Float64Array;
  plugins?: Plugins;
  now: number;
}): PreparedClass[] {
  return a.classes.map((cls) => {
    const spec = cls.node.deferrable;
    const run = spec ? planDeferrable({ cat: a.cat, tc: a.tc, signals: a.signals, spec, now: a.now }) : null;
    const q = buildQuery({ cat: a.cat, tc: a.tc, node: cls.node, capacity: a.capacity, ...(a.plugins ? { plugins: a.plugins } : {}), ...(run ? { regionFactor: run.regionFactor } : {}) });
    if (run) q.regionFail = run.regionFail;
    q.regionFail = withNodePolicy(a.cat, { tc: a.tc, node: cls.node, base: q.regionFail });
    return { cls, q, run };
  });
}

const POLICY = BIT.provider | BIT.jurisdiction | BIT['data-classification'];

/** Region bits with a node's own jurisdiction policy and data classification merged into the terms'. */
export function withNodePolicy(cat: Catalogue, a: { tc: TermsContext; node: NodeInput; base: Uint16Array }): Uint16Array {
  const { node, tc } = a;
  if (!node.jurisdictions && !node.dataClassification) return a.base;
  const t = tc.terms.jurisdictions;
  const allowT = t?.allow;
  const allowN = node.jurisdictions?.allow;
  const allow = allowT && allowN ? intersect(allowT, allowN) : (allowN ?? allowT);
  const deny = [...(t?.deny ?? []), ...(node.jurisdictions?.deny ?? [])];
  const bits = policyBits(cat, {
    ...(tc.terms.providers ? { providers: tc.terms.providers } : {}),
    jurisdictions: { ...(allow ? { allow } : {}), deny },
    ...((node.dataClassification ?? tc.terms.dataClassification) ? { dataClassification: node.dataClassification ?? tc.terms.dataClassification! } : {}),
  });
  return Uint16Array.from(a.base, (b, r) => (b & ~POLICY) | bits[r]!);
}

function intersect(a: readonly string[], b: readonly string[]): string[] {
  const A = expandJurisdictions(a);
  const out = [...expandJurisdictions(b)].filter((c) => A.has(c));
  return out.length > 0 ? out : ['--'];
}
