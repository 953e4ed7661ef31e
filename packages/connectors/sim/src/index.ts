/** @accords/connector-sim: A deterministic multi-region cloud simulator for Accords, with a virtual clock and fault injection. */
export const PACKAGE_NAME = '@accords/connector-sim';
