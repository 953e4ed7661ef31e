import type { CategoryCollection, Model } from '@accords/occi';
import type { ServerPlugin } from '../plugins/types';
import { brokerHooks } from './hooks';
import { manifestRoutes } from './http/manifest-route';
import { eventRoutes } from './http/events-route';
import { usageRoutes } from './http/usage-route';
import { offerRoutes } from './http/offer-route';
import { regionRoutes } from './http/region-route';
import { unknownRoutes } from './http/unknown-route';
import { ACCORDS_CATEGORIES } from '@accords/model';
import { BrokerRuntime } from './runtime';
import type { BrokerPluginOptions } from './runtime';
import { BrokerTables1763900200001, BrokerUnknown1763900200002 } from './store/tables';
import { startWatch } from './watch/watch-service';

/** The broker as a server plugin, with its runtime (for operators and tests). */
export interface BrokerPlugin extends ServerPlugin {
  readonly runtime: BrokerRuntime;
}

/**
 * The categories the broker registers: exactly @accords/model's `ACCORDS_CATEGORIES` (the one
 * definition of every Accords kind, mixin and action, generated from the model's JSON Schemas).
 * @deprecated Use `ACCORDS_CATEGORIES` from @accords/model; this is the same object.
 */
export const BROKER_CATEGORIES: CategoryCollection = ACCORDS_CATEGORIES;

function registerMissing(model: Model): void {
  const has = (scheme: string, term: string) => model.get(`${scheme}${term}`) !== undefined;
  model.registerAll({
    kinds: ACCORDS_CATEGORIES.kinds.filter((k) => !has(k.scheme, k.term)),
    mixins: ACCORDS_CATEGORIES.mixins.filter((m) => !has(m.scheme, m.term)),
    actions: ACCORDS_CATEGORIES.actions.filter((a) => !has(a.scheme, a.term)),
  });
}

/**
 * The broker plugin: manifests in, agreements, contracts, provisioned Infrastructure entities,
 * usage and invoices out, with a durable job queue in the server's database.
 *
 * @param options - connectors, catalogue and signals sources, clock, job settings
 * @returns the plugin, to pass in `startServer({ plugins: [...] })`
 * @example
 * import { createSimFleet } from '@accords/connector-sim';
 * import { demoCatalogue, demoSignals } from '@accords/model';
 * const broker = createBrokerPlugin({ connectors: createSimFleet(), catalogue: demoCatalogue, signals: () => demoSignals({ from: Date.now(), hours: 48 }) });
 * await startServer({ databaseUrl: 'sqlite::memory:', plugins: [broker] });
 */
export function createBrokerPlugin(options: BrokerPluginOptions): BrokerPlugin {
  const runtime = new BrokerRuntime(options);
  let stopWatch: (() => Promise<void>) | undefined;
  return {
    name: 'broker',
    runtime,
    categories: registerMissing,
    migrations: [BrokerTables1763900200001, BrokerUnknown1763900200002],
    kinds: brokerHooks(runtime),
    routes(router, api) {
      manifestRoutes({ router, api, runtime });
      eventRoutes({ router, api, runtime });
      usageRoutes({ router, api, runtime });
      offerRoutes({ router, api, runtime });
      regionRoutes({ router, api, runtime });
      unknownRoutes({ router, api, runtime });
    },
    async start(api) {
      await runtime.start(api);
      stopWatch = startWatch({ runtime, api, periodMs: options.watchMs ?? 30_000 });
    },
    async stop() {
      await stopWatch?.();
      await runtime.stop();
    },
  };
}
