import type { Connector } from '@accords/connector-kit';
import type { SqlDatabase, SqlExecutor } from '../../jobs';
import type { Projection } from './projection';
import type { Supply } from './schedule';

/** What the broker's workflow needs from its surroundings. */
export interface BrokerDeps {
  db: SqlDatabase;
  /** Loaded connectors by provider id. */
  connectors: Map<string, Connector>;
  /** The current supply (offers of every connector, signals). */
  supply: () => Promise<Supply>;
  clock: () => number;
  /** Tells the job runner there is new work. */
  wake: () => void;
  /** How often a pending provider resource is polled, ms. */
  pollMs: number;
}

/** One transaction, and the OCCI projection bound to it. */
export interface TxScope {
  tx: SqlExecutor;
  projection: Projection;
}

/** Job kinds of the broker. */
export const JOB = {
  provision: 'broker.provision',
  release: 'broker.release',
  act: 'broker.act',
  move: 'broker.move',
} as const;
