import { demoCatalogue, demoSignals } from '@accords/model';
import { createBrokerPlugin } from '../broker';
import type { BrokerPlugin } from '../broker';
import { loadConnectors } from './load-connectors';

/**
 * The broker as `npm start` runs it: the connectors of `ACCORDS_CONNECTORS` (the simulated
 * multi-region cloud by default), the demo provider catalogue, and carbon and price signals
 * generated from the demo profiles for the hour before and the three days after each refresh.
 * @param connectors - The value of `ACCORDS_CONNECTORS`.
 * @returns The broker plugin for `startServer`.
 * @example
 * ```ts
 * await startServer({ ...loadConfig(process.env), plugins: [defaultBroker(process.env.ACCORDS_CONNECTORS)] });
 * ```
 */
export function defaultBroker(connectors: string | undefined): BrokerPlugin {
  return createBrokerPlugin({
    connectors: () => loadConnectors(connectors),
    catalogue: () => demoCatalogue(),
    signals: () => demoSignals({ from: new Date(Date.now() - 3_600_000).toISOString(), hours: 72 }),
  });
}
