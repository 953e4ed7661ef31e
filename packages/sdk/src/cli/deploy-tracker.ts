import type { BrokerEvent } from '../broker';

/** Where one node instance stands. */
export interface NodeProgress {
  key: string;
  state: string;
  /** 0…1 */
  progress: number;
  message?: string;
}

/** What one event changed. */
export interface TrackerUpdate {
  changed: NodeProgress[];
  /** Every node runs (or the service says it does). */
  done: boolean;
  /** Why the deployment failed, when it did. */
  failed?: string;
}

const STATE_PROGRESS: Record<string, number> = {
  planned: 0,
  pending: 0,
  queued: 0.05,
  provisioning: 0.4,
  creating: 0.4,
  starting: 0.8,
  running: 1,
  active: 1,
  online: 1,
};
const FAILED = new Set(['failed', 'error', 'lost', 'rejected', 'terminated']);

/**
 * Follows an agreement's event stream and tells when every node runs or something failed.
 * Nodes are keyed like the plan table: `web`, `web#1` for further replicas.
 */
export class DeployTracker {
  private readonly nodes = new Map<string, NodeProgress>();

  /** @param keys - the instances of the plan (`node`, `node#replica`) */
  constructor(keys: readonly string[]) {
    for (const key of keys) this.nodes.set(key, { key, state: 'planned', progress: 0 });
  }

  /** Every instance and where it stands. */
  get all(): NodeProgress[] {
    return [...this.nodes.values()];
  }

  /**
   * Takes one event into account.
   * @param event - an event of the agreement's stream
   * @returns what changed, and whether the deployment is over
   */
  apply(event: BrokerEvent): TrackerUpdate {
    const data = event.data;
    const state = typeof data.state === 'string' ? data.state : typeof data.phase === 'string' ? data.phase : undefined;
    const message = typeof data.message === 'string' ? data.message : typeof data.reason === 'string' ? data.reason : undefined;
    if (typeof data.node !== 'string') {
      // An event about the whole service.
      if (state && FAILED.has(state)) return { changed: [], done: false, failed: message ?? `the service is ${state}` };
      if (state === 'running') {
        const changed = this.all.filter((n) => n.state !== 'running').map((n) => this.set(n.key, { state: 'running', progress: 1 }));
        return { changed, done: true };
      }
      return { changed: [], done: false };
    }
    const replica = typeof data.replica === 'number' ? data.replica : 0;
    const key = replica > 0 ? `${data.node}#${replica}` : data.node;
    const previous = this.nodes.get(key) ?? { key, state: 'planned', progress: 0 };
    const nextState = state ?? previous.state;
    const progress = typeof data.progress === 'number' ? Math.max(0, Math.min(1, data.progress)) : STATE_PROGRESS[nextState] ?? previous.progress;
    const updated = this.set(key, { state: nextState, progress: Math.max(progress, nextState === previous.state ? previous.progress : 0), ...(message ? { message } : {}) });
    if (FAILED.has(nextState)) return { changed: [updated], done: false, failed: `${key} ${nextState}${message ? `: ${message}` : ''}` };
    return { changed: [updated], done: this.all.every((n) => STATE_PROGRESS[n.state] === 1) };
  }

  private set(key: string, values: Omit<NodeProgress, 'key'>): NodeProgress {
    const entry = { key, ...values };
    this.nodes.set(key, entry);
    return entry;
  }
}
