/**
 * @accords/scheduler — the Accords placement core: filters, weighted scores, an exact offer index,
 * coupled placement (exact when small, heuristic with a proven gap when large), time shifting,
 * re-placement and explanations. Pure and deterministic: time and signals are arguments.
 */
export const PACKAGE_NAME = '@accords/scheduler';

// Placement.
export { place, placeWithReport, coreInputOf, type PlacementInput, type PlacementResult } from './place';
export { placeCore } from './place-core';
export { scheduleDeferrable, type DeferrableSchedule } from './schedule-deferrable';
export { PlacementIndex, type OfferChange } from './placement-index';

// Re-placement.
export { proposeMoves, Replanner, type RescoreReport } from './replace/replanner';
export type { Move, MoveOptions, MoveProposal, ReplaceInput, RunningInstance } from './replace/types';

// Errors and validation.
export { SchedulerError, type SchedulerErrorCode, type InputIssue, type ErrorLocation } from './errors';
export { validatePlacementInput, type ValidationResult } from './validate';
export { FILTER_NAMES, type FilterName } from './filters/names';

// The scheduler's own input and output types (plugins, reports).
export type { CoreInput, ManifestInput, PlaceOptions } from './input';
export type * from './types';
export type * from './plan-types';
