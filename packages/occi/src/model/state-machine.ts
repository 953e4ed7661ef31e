/** One legal move of a state machine: an action taken in one of `from` leads to `to`. */
export interface StateTransition {
  /** Action identifier. */
  action: string;
  /** States in which the action is legal. */
  from: string[];
  /** State after the action. */
  to: string;
}

/** The state machine of a kind, as data. */
export interface StateMachine {
  /** Kind identifier (applies to sub-kinds too). */
  kind: string;
  /** Attribute holding the state, e.g. `occi.compute.state`. */
  attribute: string;
  /** State of a new entity. */
  initial: string;
  /** Every legal move. */
  transitions: StateTransition[];
}
