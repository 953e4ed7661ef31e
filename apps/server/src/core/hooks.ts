import type { Model } from '@accords/occi';
import type { KindHooks, ServerPlugin } from '../plugins/types';

/** Every plugin's kind hooks, found by kind (a hook on a kind also covers its sub-kinds). */
export class HookRegistry {
  private readonly byKind = new Map<string, KindHooks[]>();

  constructor(plugins: readonly ServerPlugin[]) {
    for (const plugin of plugins) {
      for (const [kind, hooks] of Object.entries(plugin.kinds ?? {})) {
        const list = this.byKind.get(kind) ?? [];
        list.push(hooks);
        this.byKind.set(kind, list);
      }
    }
  }

  /**
   * The hooks that apply to entities of a kind, most specific kind first.
   * @param model - the model (for the kind's ancestry)
   * @param kindId - the entity's kind
   * @returns the hooks
   */
  for(model: Model, kindId: string): KindHooks[] {
    if (this.byKind.size === 0) return [];
    return model.kindChain(kindId).flatMap((kind) => this.byKind.get(kind.id) ?? []);
  }
}
