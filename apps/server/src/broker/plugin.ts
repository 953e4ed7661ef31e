import type { Model } from '@accords/occi';
import type { ServerPlugin } from '../plugins/types';
import { BROKER_CATEGORIES } from './occi/categories';
import { brokerHooks } from './hooks';
import { manifestRoutes } from './http/manifest-route';
import { eventRoutes } from './http/events-route';
import { usageRoutes } from './http/usage-route';
import { offerRoutes } from './http/offer-route';
import { ACCORDS_CATEGORIES } from '@accords/model';
import { BrokerRuntime } from './runtime';
import type { BrokerPluginOptions } from './runtime';
import { BrokerTables1763900200001 } from './store/tables';
import { startWatch } from './watch/watch-service';

/** The broker as a server plugin, with its runtime (for operators and tests). */
export interface BrokerPlugin extends ServerPlugin {
  readonly runtime: BrokerRuntime;
}

function registerMissing(model: Model): void {
  const has = (scheme: string, term: string) => model.get(`${scheme}${term}`) !== undefined;
  // The offer kind is the model's own (its attributes are generated from the Offer schema).
  const offer = ACCORDS_CATEGORIES.kinds.filter((k) => k.term === 'offer');
  model.registerAll({
    kinds: [...BROKER_CATEGORIES.kinds, ...offer].filter((k) => !has(k.scheme, k.term)),
    mixins: BROKER_CATEGORIES.mixins.filter((m) => !has(m.scheme, m.term)),
    actions: BROKER_CATEGORIES.actions.filter((a) => !has(a.scheme, a.term)),
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
    migrations: [BrokerTables1763900200001],
    kinds: brokerHooks(runtime),
    routes(router, api) {
      manifestRoutes({ router, api, runtime });
      eventRoutes({ router, api, runtime });
      usageRoutes({ router, api, runtime });
      offerRoutes({ router, api, runtime });
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
