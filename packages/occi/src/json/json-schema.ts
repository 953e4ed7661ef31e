import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../schemas/occi-1.2.json';
import { fail, ok } from '../errors';
import type { Issue, Result } from '../errors';
import type { Structure } from '../render/structures';

/** The corrected OCCI 1.2 JSON schema (also shipped as `@accords/occi/schemas/occi-1.2.json`). */
export const OCCI_JSON_SCHEMA: Readonly<Record<string, unknown>> = schema;

const DEFINITION: Record<Structure, string> = {
  categories: 'categories',
  resource: 'resource',
  link: 'link',
  entity: 'entity',
  collection: 'collection',
  locations: 'locations',
  action: 'action_invocation',
  mixin: 'mixin',
  association: 'locations',
};

let ajv: Ajv | undefined;
const compiled = new Map<Structure, ValidateFunction>();

function validatorFor(structure: Structure): ValidateFunction {
  let fn = compiled.get(structure);
  if (!fn) {
    ajv ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).addSchema(schema);
    fn = ajv.compile({ $ref: `${schema.$id}#/definitions/${DEFINITION[structure]}` });
    compiled.set(structure, fn);
  }
  return fn;
}

function toIssue(error: ErrorObject): Issue {
  let pointer = error.instancePath;
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty?: string }).additionalProperty);
    pointer += '/' + extra.replace(/~/g, '~0').replace(/\//g, '~1');
    message = 'is not allowed here';
  } else if (error.propertyName !== undefined) {
    pointer += '/' + error.propertyName.replace(/~/g, '~0').replace(/\//g, '~1');
    message = 'is not a valid name';
  } else if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty?: string }).missingProperty);
    pointer += '/' + missing;
    message = 'is required';
  }
  return { code: 'schema_violation', message: `${pointer || '/'}: ${message}`, location: { pointer } };
}

/**
 * Validates a parsed JSON value against the sub-schema of one structure, with ajv (compiled once).
 * @param structure - which structure the value should be.
 * @param value - the parsed JSON.
 * @returns the value, or issues whose locations are JSON pointers.
 * @example
 * ```ts
 * validateJsonSchema('action', { action: 'http://a#b' }).ok; // true
 * validateJsonSchema('action', {}).ok; // false: /action is required
 * ```
 */
export function validateJsonSchema(structure: Structure, value: unknown): Result<unknown> {
  const fn = validatorFor(structure);
  if (fn(value)) return ok(value);
  const seen = new Set<string>();
  const issues = (fn.errors ?? [])
    .filter((e) => e.keyword !== 'propertyNames')
    .map(toIssue)
    .filter((i) => !seen.has(i.message) && seen.add(i.message));
  return fail(issues);
}
