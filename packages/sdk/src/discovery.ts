import type { ActionData, CategoryCollection, KindData, MixinData } from '@accords/occi';
import { OcciClientError } from './errors';

/** Any category the query interface lists. */
export type AnyCategory = KindData | MixinData | ActionData;

/**
 * The server's model as its query interface describes it, with look-ups by identifier
 * (`scheme#term`) or by bare term when that term is unambiguous.
 */
export interface ServerModel {
  readonly categories: CategoryCollection;
  /**
   * Whether attribute types are the server's own: true when the categories came in JSON. The
   * text renderings carry no types, so categories read from text declare every attribute a string.
   */
  readonly typed: boolean;
  /** A kind by identifier or term. @throws {OcciClientError} `unknown_category` */
  kind(ref: string): KindData;
  /** A mixin by identifier or term. @throws {OcciClientError} `unknown_category` */
  mixin(ref: string): MixinData;
  /** A kind or a mixin (kinds win a tie on a bare term). @throws {OcciClientError} `unknown_category` */
  category(ref: string): KindData | MixinData;
  /** An action by identifier or term, among those of `kind` (with its parents) when given. @throws {OcciClientError} `unknown_category` */
  action(ref: string, kind?: string): ActionData;
  /** The collection location of a kind or mixin. @throws {OcciClientError} `unknown_category` when it has none */
  locationOf(ref: string): string;
  /** The kind whose collection holds an entity location (longest matching location). */
  kindAt(location: string): KindData | undefined;
  /** A kind's identifier followed by its ancestors' (parent chain). */
  lineage(kindId: string): string[];
}

/**
 * The identifier (`scheme` + `term`) of a category.
 * @param category - any category
 * @returns scheme + term
 * @example
 * idOf({ scheme: 'http://schemas.ogf.org/occi/infrastructure#', term: 'compute' }); // '…infrastructure#compute'
 */
export function idOf(category: { scheme: string; term: string }): string {
  return category.scheme + category.term;
}

/**
 * Wraps a category collection with look-ups.
 * @param categories - what the query interface answered
 * @param options - `typed`: the categories came in a rendering that carries attribute types (JSON)
 * @returns the {@link ServerModel}
 * @example
 * const model = createServerModel(await fetchCategories());
 * model.locationOf('compute'); // '/compute/'
 */
export function createServerModel(categories: CategoryCollection, options: { typed?: boolean } = {}): ServerModel {
  const find = <T extends AnyCategory>(list: readonly T[], what: string, ref: string): T => {
    const exact = list.find((c) => idOf(c) === ref);
    if (exact) return exact;
    const byTerm = list.filter((c) => c.term === ref);
    if (byTerm.length === 1) return byTerm[0]!;
    if (byTerm.length > 1) {
      throw new OcciClientError({
        code: 'unknown_category',
        status: 0,
        message: `${what} "${ref}" is ambiguous: ${byTerm.map(idOf).join(', ')} — give the full scheme#term`,
      });
    }
    const near = list.map((c) => c.term).filter((t) => t.includes(ref) || ref.includes(t) || editDistance(t, ref) <= 2).slice(0, 3);
    throw new OcciClientError({
      code: 'unknown_category',
      status: 0,
      message: `the server has no ${what} "${ref}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`,
    });
  };

  const kindsById = new Map(categories.kinds.map((k) => [idOf(k), k]));

  const lineage = (kindId: string): string[] => {
    const out: string[] = [];
    for (let k = kindsById.get(kindId); k && !out.includes(idOf(k)); k = k.parent ? kindsById.get(k.parent) : undefined) out.push(idOf(k));
    return out.length ? out : [kindId];
  };

  const model: ServerModel = {
    categories,
    typed: options.typed ?? true,
    kind: (ref) => find(categories.kinds, 'kind', ref),
    mixin: (ref) => find(categories.mixins, 'mixin', ref),
    category(ref) {
      try {
        return model.kind(ref);
      } catch (error) {
        if (categories.mixins.some((m) => idOf(m) === ref || m.term === ref)) return model.mixin(ref);
        throw error;
      }
    },
    action(ref, kind) {
      if (!kind) return find(categories.actions, 'action', ref);
      const allowed = new Set(lineage(model.kind(kind).scheme + model.kind(kind).term).flatMap((k) => kindsById.get(k)?.actions ?? []));
      const candidates = categories.actions.filter((a) => allowed.has(idOf(a)));
      return find(candidates.length ? candidates : categories.actions, `action of ${model.kind(kind).term}`, ref);
    },
    locationOf(ref) {
      const category = model.category(ref);
      if (!category.location) {
        throw new OcciClientError({ code: 'unknown_category', status: 0, message: `${idOf(category)} has no location on this server` });
      }
      return category.location;
    },
    kindAt(location) {
      const path = pathOf(location);
      let best: KindData | undefined;
      for (const k of categories.kinds) {
        if (k.location && path.startsWith(pathOf(k.location)) && path !== pathOf(k.location)) {
          if (!best || (best.location ?? '').length < k.location.length) best = k;
        }
      }
      return best;
    },
    lineage,
  };
  return model;
}

function pathOf(location: string): string {
  try {
    return new URL(location, 'http://base.invalid').pathname;
  } catch {
    return location;
  }
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
