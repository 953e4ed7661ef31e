import type { AttributeSpec, AttributeValue, Attributes, KindData, MixinData } from '@accords/occi';
import { CliError, ExitCode } from './exit-codes';

/**
 * Reads `-a name=value` arguments into typed attribute values. The value's type comes from the
 * server's definition of the attribute when it has one (so `hostname=123` stays a string);
 * otherwise integers, decimals and `true`/`false` are read as such. `name:=<json>` takes any JSON.
 * @param assignments - the raw `name=value` strings
 * @param specs - the attribute definitions that apply (kind, its parents, mixins)
 * @returns the attributes
 * @throws {CliError} exit code 3 naming the attribute that is malformed
 */
export function parseAttributeAssignments(assignments: readonly string[], specs: Readonly<Record<string, AttributeSpec>> = {}): Attributes {
  const out: Attributes = {};
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    if (eq < 1) throw invalid(`attribute "${assignment}" must be name=value (or name:=json)`);
    const raw = eq > 1 && assignment[eq - 1] === ':';
    const name = assignment.slice(0, raw ? eq - 1 : eq).trim();
    const text = assignment.slice(eq + 1);
    if (!/^[a-zA-Z][a-zA-Z0-9_-]*(\.[a-zA-Z0-9_-]+)*$/.test(name)) throw invalid(`"${name}" is not an attribute name (e.g. occi.compute.cores)`);
    out[name] = raw ? parseJsonValue(name, text) : typed({ name, text, spec: specs[name] });
  }
  return out;
}

/**
 * The attribute definitions that apply to an entity of `kinds` (the kind and its parents) with `mixins`.
 * @param kinds - the kind followed by its ancestors
 * @param mixins - the mixins
 * @returns definitions keyed by attribute name
 */
export function applicableSpecs(kinds: readonly KindData[], mixins: readonly MixinData[]): Record<string, AttributeSpec> {
  const specs: Record<string, AttributeSpec> = {};
  for (const category of [...[...kinds].reverse(), ...mixins]) Object.assign(specs, category.attributes ?? {});
  return specs;
}

function typed(input: { name: string; text: string; spec: AttributeSpec | undefined }): AttributeValue {
  const { name, text, spec } = input;
  switch (spec?.type) {
    case 'string':
    case 'uri':
    case 'datetime':
      return text;
    case 'enum':
      if (spec.enum && !spec.enum.includes(text)) throw invalid(`${name} must be one of ${spec.enum.join(', ')}, got "${text}"`);
      return text;
    case 'integer':
    case 'number': {
      const n = Number(text);
      if (text.trim() === '' || Number.isNaN(n) || (spec.type === 'integer' && !Number.isInteger(n))) {
        throw invalid(`${name} must be ${spec.type === 'integer' ? 'an integer' : 'a number'}, got "${text}"`);
      }
      return n;
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false') throw invalid(`${name} must be true or false, got "${text}"`);
      return text === 'true';
    case undefined:
      if (/^-?\d+$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
      if (/^-?\d+\.\d+$/.test(text)) return Number(text);
      if (text === 'true' || text === 'false') return text === 'true';
      return text;
    default:
      return parseJsonValue(name, text);
  }
}

function parseJsonValue(name: string, text: string): AttributeValue {
  try {
    return JSON.parse(text) as AttributeValue;
  } catch {
    throw invalid(`${name} must be JSON here, got "${text}"`);
  }
}

function invalid(message: string): CliError {
  return new CliError(message, { exitCode: ExitCode.invalidInput });
}
