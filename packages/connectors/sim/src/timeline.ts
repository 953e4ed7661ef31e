import type { ResourceState } from '@accords/connector-kit';

/** One state change at a point of virtual time. */
export interface Transition {
  at: number;
  state: ResourceState;
}

/**
 * A resource's states over time, including changes already scheduled (a provisioning that ends,
 * a failure that will strike): the state at any instant is read, never stored, so the simulator
 * needs no timers.
 */
export class Timeline {
  readonly #entries: Transition[] = [];

  /**
   * @param at - Time of the first state.
   * @param state - First state.
   */
  constructor(at: number, state: ResourceState) {
    this.#entries.push({ at, state });
  }

  /**
   * The state at `t`.
   * @param t - Virtual time in ms.
   * @returns The last state set at or before `t`.
   */
  stateAt(t: number): ResourceState {
    let s = this.#entries[0]!.state;
    for (const e of this.#entries) {
      if (e.at > t) break;
      s = e.state;
    }
    return s;
  }

  /**
   * Cancels every change scheduled after `now`, then schedules `changes` (in time order).
   * @param now - Current virtual time.
   * @param changes - New transitions, none before `now`.
   */
  replan(now: number, changes: Transition[]): void {
    let keep = this.#entries.length;
    while (keep > 1 && this.#entries[keep - 1]!.at > now) keep--;
    this.#entries.length = keep;
    for (const c of changes) this.#entries.push({ at: Math.max(now, c.at), state: c.state });
  }

  /**
   * Time spent in `states` within `[from, to)`.
   * @param window - Interval in virtual ms.
   * @param states - States that count.
   * @returns Milliseconds.
   */
  timeIn(window: { from: number; to: number }, states: ReadonlySet<ResourceState>): number {
    let total = 0;
    for (let i = 0; i < this.#entries.length; i++) {
      const e = this.#entries[i]!;
      if (!states.has(e.state)) continue;
      const end = this.#entries[i + 1]?.at ?? Number.POSITIVE_INFINITY;
      const a = Math.max(e.at, window.from);
      const b = Math.min(end, window.to);
      if (b > a) total += b - a;
    }
    return total;
  }

  /**
   * How many times the resource entered `state` up to `t`.
   * @param state - The state.
   * @param t - Virtual time in ms.
   * @returns A count.
   */
  entered(state: ResourceState, t: number): number {
    let n = 0;
    for (let i = 0; i < this.#entries.length; i++) {
      const e = this.#entries[i]!;
      if (e.at > t) break;
      if (e.state === state && this.#entries[i - 1]?.state !== state) n++;
    }
    return n;
  }
}
