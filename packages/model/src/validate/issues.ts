import type { ErrorObject } from 'ajv';
import type { ValidationIssue } from '../types';

/** Escapes one JSON pointer segment (RFC 6901). */
export function escapePointer(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return `a ${typeof value}`;
}

const EXPECTED: Record<string, string> = {
  object: 'an object',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'null',
};

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** The allowed name closest to a misspelt one, if any is close. */
export function closest(name: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of allowed) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** Names users commonly write for a property, mapped to the model's name. */
const ALIASES: Record<string, string> = {
  cpu: 'cores',
  cpus: 'cores',
  vcpu: 'cores',
  vcpus: 'cores',
  memory: 'memoryGiB',
  mem: 'memoryGiB',
  ram: 'memoryGiB',
  size: 'sizeGiB',
  disk: 'storage',
  disks: 'storage',
  volumes: 'storage',
  replicas: 'count',
  instances: 'count',
  gpu: 'gpus',
  os: 'osFamily',
  region: 'jurisdiction',
};

type Schemaish = { description?: string; properties?: Record<string, { description?: string }> };

function describe(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  const schema = (error.parentSchema ?? {}) as Schemaish;
  const hint = schema.description ? ` Expected: ${schema.description}` : '';
  switch (error.keyword) {
    case 'required': {
      const name = String(p.missingProperty);
      const what = schema.properties?.[name]?.description;
      return `The property "${name}" is required${what ? ` (${what.replace(/\.$/, '')})` : ''}.`;
    }
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      const allowed = Object.keys(schema.properties ?? {});
      if (allowed.length === 0) return `"${name}" is not a valid key here.${hint}`;
      const alias = ALIASES[name.toLowerCase()];
      const guess = alias && allowed.includes(alias) ? alias : closest(name, allowed);
      return guess
        ? `Unknown property "${name}"; did you mean "${guess}"?`
        : `Unknown property "${name}"; allowed here: ${allowed.join(', ')}.`;
    }
    case 'type':
      return `Expected ${EXPECTED[String(p.type)] ?? String(p.type)}, found ${typeName(error.data)}.`;
    case 'enum':
      return `${show(error.data)} is not allowed; use one of: ${(p.allowedValues as unknown[]).map(String).join(', ')}.`;
    case 'const':
      return `Must be ${JSON.stringify(p.allowedValue)}, found ${show(error.data)}.`;
    case 'pattern':
      return `${show(error.data)} is not valid.${hint}`;
    case 'format':
      return `${show(error.data)} is not a valid ${String(p.format)}.${hint}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `Must be ${String(p.comparison)} ${String(p.limit)}, found ${show(error.data)}.`;
    case 'minItems':
      return `Needs at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}.`;
    case 'maxItems':
      return `Has more than ${String(p.limit)} items.`;
    case 'minLength':
      return p.limit === 1 ? 'Must not be empty.' : `Must be at least ${String(p.limit)} characters long.`;
    case 'maxLength':
      return `Must be at most ${String(p.limit)} characters long.`;
    case 'uniqueItems':
      return `Items ${String(p.j)} and ${String(p.i)} are the same; every item must be unique.`;
    case 'discriminator':
      return p.error === 'mapping'
        ? `${show(p.tagValue)} is not a known value of "${String(p.tag)}".`
        : `The property "${String(p.tag)}" is required and must be a string.`;
    default:
      return `${error.message ?? 'Is not valid'}.`;
  }
}

function pointerOf(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return `${error.instancePath}/${escapePointer(String(p.missingProperty))}`;
  if (error.keyword === 'additionalProperties')
    return `${error.instancePath}/${escapePointer(String(p.additionalProperty))}`;
  if (error.keyword === 'discriminator') return `${error.instancePath}/${escapePointer(String(p.tag))}`;
  return error.instancePath;
}

/**
 * Turns ajv errors into issues with a JSON pointer and a sentence, dropping the summary errors of
 * `oneOf`/`anyOf` when a more precise error at the same or a deeper place explains them.
 * @param errors - ajv's errors (validator compiled with `verbose: true`).
 * @returns one issue per distinct problem.
 */
export function issuesFromAjv(errors: readonly ErrorObject[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if ((error.keyword === 'oneOf' || error.keyword === 'anyOf') && errors.length > 1) continue;
    const pointer = pointerOf(error);
    const message = describe(error);
    const key = `${pointer}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ message, code: error.keyword, location: { pointer } });
  }
  return issues;
}
