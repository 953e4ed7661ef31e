import type { ResourceAction, ResourceActionName } from './connector';
import { ConnectorError } from './errors/connector-error';
import type { ResourceKind, ResourceState } from './model-types';

/** An action request in its full form. */
export interface NormalizedAction {
  name: ResourceActionName;
  mode: 'graceful' | 'force';
  imageName?: string;
}

/**
 * Turns the shorthand (`'stop'`) or full form of an action into the full form.
 * @param action - The action as a caller gave it.
 * @returns The action with its mode filled in (`graceful` by default).
 * @throws {ConnectorError} `invalid` for an unknown action name, mode or a bad image name.
 * @example
 * ```ts
 * normalizeAction('stop'); // { name: 'stop', mode: 'graceful' }
 * ```
 */
export function normalizeAction(action: ResourceAction): NormalizedAction {
  const raw: unknown = action;
  const bad = (message: string, attribute: string): ConnectorError =>
    new ConnectorError('invalid', message, { operation: 'act', location: { attribute } });
  const name: unknown = typeof raw === 'string' ? raw : (raw as { name?: unknown } | null)?.name;
  if (typeof name !== 'string' || !ACTION_NAMES.has(name as ResourceActionName)) {
    throw bad(`unknown action ${JSON.stringify(name)}; expected one of ${[...ACTION_NAMES].join(', ')}`, 'action');
  }
  if (typeof raw === 'string') return { name: raw as ResourceActionName, mode: 'graceful' };
  const { mode = 'graceful', imageName } = raw as { mode?: unknown; imageName?: unknown };
  if (mode !== 'graceful' && mode !== 'force') throw bad(`action mode must be graceful or force, got ${JSON.stringify(mode)}`, 'mode');
  if (imageName !== undefined && (typeof imageName !== 'string' || imageName.length === 0 || imageName.length > 128)) {
    throw bad('imageName must be 1–128 characters', 'imageName');
  }
  const out: NormalizedAction = { name: name as ResourceActionName, mode };
  if (imageName !== undefined) out.imageName = imageName as string;
  return out;
}

const ACTION_NAMES: ReadonlySet<ResourceActionName> = new Set<ResourceActionName>([
  'start', 'stop', 'restart', 'suspend', 'resume', 'save', 'up', 'down', 'online', 'offline',
]);

const TARGETS: Record<ResourceKind, Partial<Record<ResourceActionName, ResourceState>>> = {
  compute: { start: 'active', stop: 'inactive', restart: 'active', suspend: 'suspended', resume: 'active', save: 'active' },
  storage: { online: 'online', offline: 'offline' },
  network: { up: 'active', down: 'inactive' },
};

/**
 * The stable state a resource of `kind` reaches after `action` succeeds.
 * @param kind - Resource kind.
 * @param action - Action name.
 * @returns The target state, or `undefined` when the action does not apply to the kind.
 * @example
 * ```ts
 * actionTargetState('compute', 'suspend'); // 'suspended'
 * ```
 */
export function actionTargetState(kind: ResourceKind, action: ResourceActionName): ResourceState | undefined {
  return TARGETS[kind][action];
}

/**
 * The actions the SPI defines for a kind.
 * @param kind - Resource kind.
 * @returns Action names valid for that kind.
 * @example
 * ```ts
 * actionsForKind('network'); // ['up', 'down']
 * ```
 */
export function actionsForKind(kind: ResourceKind): ResourceActionName[] {
  return Object.keys(TARGETS[kind]) as ResourceActionName[];
}

/**
 * Tells whether a state is transitional (the backend is still working).
 * @param state - A reported state.
 * @returns `true` for `pending`.
 * @example
 * ```ts
 * isTransitional('pending'); // true
 * ```
 */
export function isTransitional(state: ResourceState): boolean {
  return state === 'pending';
}

/** The states each kind may report: OCCI Infrastructure states plus the transitional `pending`. */
export const STATES_BY_KIND = {
  compute: ['pending', 'active', 'inactive', 'suspended', 'error'],
  storage: ['pending', 'online', 'offline', 'backup', 'snapshot', 'resize', 'degraded', 'error'],
  network: ['pending', 'active', 'inactive', 'error'],
} as const satisfies Record<ResourceKind, readonly ResourceState[]>;

/** The state a freshly created resource of each kind settles in. */
export const READY_STATE: Record<ResourceKind, ResourceState> = {
  compute: 'active',
  storage: 'online',
  network: 'active',
};
