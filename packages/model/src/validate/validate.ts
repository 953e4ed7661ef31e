import type { ModelTypeName, ModelTypes } from '../schema/registry';
import { MODEL_TYPE_NAMES } from '../schema/registry';
import type { Manifest, Result } from '../types';
import { validatorFor } from './ajv';
import { issuesFromAjv } from './issues';
import { checkManifest } from '../check/check-manifest';

/**
 * Validates a value against the JSON Schema of a model type.
 * @param typeName - the model type, e.g. `'Offer'`.
 * @param value - any value (typically parsed JSON).
 * @returns `{ ok: true, value }` typed, or `{ ok: false, issues }` with a pointer and sentence each.
 * @throws TypeError when `typeName` is not a model type.
 * @example
 * ```ts
 * const r = validate('Offer', JSON.parse(body));
 * if (!r.ok) console.log(r.issues[0].location.pointer, r.issues[0].message);
 * ```
 */
export function validate<K extends ModelTypeName>(typeName: K, value: unknown): Result<ModelTypes[K]> {
  if (!MODEL_TYPE_NAMES.includes(typeName)) throw new TypeError(`Unknown model type "${String(typeName)}".`);
  const fn = validatorFor(typeName);
  if (fn(value)) return { ok: true, value: value as ModelTypes[K] };
  return { ok: false, issues: issuesFromAjv(fn.errors ?? []) };
}

/**
 * Validates a manifest fully: its JSON Schema, then the semantic checks of {@link checkManifest}
 * (unknown node references, depends-on cycles, impossible windows, empty jurisdiction sets, ...).
 * @param input - any value, typically parsed JSON or YAML.
 * @returns the manifest, or every issue with its JSON pointer and a sentence.
 * @example
 * ```ts
 * const r = validateManifest({ apiVersion: 'accords.dev/v1', name: 'x', nodes: [], terms: {} });
 * r.ok; // false: /nodes needs at least 1 item
 * ```
 */
export function validateManifest(input: unknown): Result<Manifest> {
  const result = validate('Manifest', input);
  if (!result.ok) return result;
  const issues = checkManifest(result.value);
  return issues.length === 0 ? result : { ok: false, issues };
}
