/** @accords/scheduler: The Accords placement core: filters, scores, an offer index, coupled and time-shifted placement, re-placement, explanations. */
export const PACKAGE_NAME = '@accords/scheduler';
export { place, placeWithReport, coreInputOf, type PlacementInput, type PlacementResult } from './place';
export { placeCore } from './place-core';
export { PlacementIndex, type OfferChange } from './placement-index';
export { SchedulerError, type SchedulerErrorCode, type InputIssue, type ErrorLocation } from './errors';
export { validatePlacementInput, type ValidationResult } from './validate';
export { FILTER_NAMES, type FilterName } from './filters/names';
export type { CoreInput, ManifestInput, PlaceOptions } from './input';
export type * from './types';
export type * from './plan-types';
