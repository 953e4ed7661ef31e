import type { Manifest, ValidationIssue } from '../types';
import { checkCycles, checkReferences } from './graph';
import { checkJurisdictions, checkTerms, checkWindowsAndCounts } from './terms';
import { checkGroups } from './groups';

/**
 * Semantic checks a JSON Schema cannot express: duplicate names, unknown node references, cycles
 * in depends-on, impossible windows (deadline before earliest start, too short for the work),
 * scaling bounds, unknown or empty jurisdiction sets, confidential data without an allowed
 * jurisdiction, contradictory groups, amounts without a currency.
 * @param manifest - a manifest that already passed schema validation.
 * @returns every issue found (empty when the manifest is sound).
 * @example
 * ```ts
 * const issues = checkManifest(manifest);
 * for (const i of issues) console.log(i.location.pointer, i.message);
 * ```
 */
export function checkManifest(manifest: Manifest): ValidationIssue[] {
  return [
    ...checkReferences(manifest),
    ...checkCycles(manifest),
    ...checkWindowsAndCounts(manifest),
    ...checkJurisdictions(manifest),
    ...checkGroups(manifest),
    ...checkTerms(manifest),
  ];
}
