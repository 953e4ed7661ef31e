import type { BrokerEvent } from '../broker';

/** Where one node of the manifest stands (all its resources together). */
export interface NodeProgress {
  key: string;
  /** The least advanced state of its resources, or `n/m running`. */
  state: string;
  /** 0…1 */
  progress: number;
  message?: string;
}

/** What one event changed. */
export interface TrackerUpdate {
  changed: NodeProgress[];
  /** Every node runs (the service says so, or every resource it has announced does). */
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
  failed: 0,
  error: 0,
  lost: 0,
};
const FAILED = new Set(['failed', 'error', 'lost']);
const SERVICE_ENDED = new Set(['rejected', 'terminated', 'released']);

interface NodeState {
  /** Instances the plan has for the node (at least this many resources will run). */
  instances: number;
  /** State of each resource announced for the node. */
  resources: Map<string, string>;
  message?: string;
}

/**
 * Follows an agreement's event stream (docs/reference/broker-http.md) and tells when every node
 * runs or something failed. Resource events (`{ resource, node, kind, state }`) move the node's
 * bar; service events (`{ agreement, state, phase }`) decide the end.
 */
export class DeployTracker {
  private readonly nodes = new Map<string, NodeState>();

  /** @param plan - the nodes of the plan, each with its number of instances */
  constructor(plan: readonly { node: string; instances: number }[]) {
    for (const { node, instances } of plan) this.nodes.set(node, { instances, resources: new Map() });
  }

  /** Every node and where it stands. */
  get all(): NodeProgress[] {
    return [...this.nodes.keys()].map((key) => this.view(key));
  }

  /**
   * Takes one event into account.
   * @param event - an event of the agreement's stream
   * @returns what changed, and whether the deployment is over
   */
  apply(event: BrokerEvent): TrackerUpdate {
    const data = event.data;
    const message = messageOf(data);
    if (event.type !== 'state') return { changed: [], done: false };
    if (typeof data.node === 'string') {
      // Networks are named after the manifest's networks, not its nodes: give them their own rows.
      const key = !this.nodes.has(data.node) && data.kind === 'network' ? `${data.node} (network)` : data.node;
      const node = this.nodes.get(key) ?? { instances: 1, resources: new Map<string, string>() };
      this.nodes.set(key, node);
      const state = typeof data.state === 'string' ? data.state : 'provisioning';
      const resource = typeof data.resource === 'string' ? data.resource : `${data.node}#${String(data.replica ?? 0)}`;
      node.resources.set(resource, state);
      if (message) node.message = message;
      const changed = [this.view(key)];
      if (FAILED.has(state)) return { changed, done: false, failed: `${key} ${state}${message ? `: ${message}` : ''}` };
      return { changed, done: false };
    }
    // An event about the whole service.
    const phase = typeof data.phase === 'string' ? data.phase : undefined;
    const state = typeof data.state === 'string' ? data.state : undefined;
    if ((phase && FAILED.has(phase)) || (state && SERVICE_ENDED.has(state))) {
      return { changed: [], done: false, failed: message ?? `the service is ${phase && FAILED.has(phase) ? phase : state}` };
    }
    if (phase === 'running') {
      for (const node of this.nodes.values()) {
        node.resources = new Map([...node.resources.keys()].map((r) => [r, 'running']));
        for (let i = node.resources.size; i < node.instances; i++) node.resources.set(`#${i}`, 'running');
      }
      return { changed: this.all, done: true };
    }
    return { changed: [], done: false };
  }

  private view(key: string): NodeProgress {
    const node = this.nodes.get(key)!;
    const states = [...node.resources.values()];
    const count = Math.max(node.instances, states.length);
    const total = states.reduce((sum, s) => sum + (STATE_PROGRESS[s] ?? 0.2), 0);
    const running = states.filter((s) => STATE_PROGRESS[s] === 1).length;
    const failed = states.find((s) => FAILED.has(s));
    const least = states.length < count ? 'planned' : states.slice().sort((a, b) => (STATE_PROGRESS[a] ?? 0.2) - (STATE_PROGRESS[b] ?? 0.2))[0]!;
    const state = failed ?? (running === count ? 'running' : running > 0 ? `${running}/${count} running` : least);
    return { key, state, progress: count ? total / count : 0, ...(node.message && failed ? { message: node.message } : {}) };
  }
}

function messageOf(data: BrokerEvent['data']): string | undefined {
  if (typeof data.message === 'string') return data.message;
  if (typeof data.reason === 'string') return data.reason;
  const error = data.error as { message?: unknown } | null | undefined;
  return error && typeof error.message === 'string' ? error.message : undefined;
}
