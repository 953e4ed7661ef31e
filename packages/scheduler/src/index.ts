/** @accords/scheduler: The Accords placement core: filters, scores, an offer index, coupled and time-shifted placement, re-placement, explanations. */
export const PACKAGE_NAME = '@accords/scheduler';
