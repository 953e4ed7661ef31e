import { LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { ModelError } from '../errors';
import type { Manifest, ValidationIssue } from '../types';
import { validate } from '../validate/validate';
import { checkManifest } from '../check/check-manifest';
import { locateJson } from './locate-json';
import { locateYaml } from './locate-yaml';
import { lineColumnAt } from './position';
import { findJsonSyntaxError } from './json-syntax';

/** Options of {@link parseManifest}. */
export interface ParseManifestOptions {
  /** Text format; by default JSON when the text starts with `{`, YAML otherwise. */
  format?: 'json' | 'yaml';
  /** Name of the document (file name or URL), quoted in error messages. */
  source?: string;
}

function jsonSyntaxIssue(text: string): ValidationIssue {
  const error = findJsonSyntaxError(text) ?? { offset: text.length, message: 'invalid JSON' };
  return {
    message: `JSON syntax error: ${error.message}.`,
    code: 'syntax',
    location: { pointer: '', ...lineColumnAt(text, error.offset) },
  };
}

function readYaml(text: string, source: string | undefined): { value: unknown; doc: Document } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, schema: 'core', prettyErrors: false });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e): ValidationIssue => {
      const pos = lineCounter.linePos(e.pos[0]);
      return {
        message: `YAML syntax error: ${e.message.split('\n')[0]}`,
        code: e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'syntax',
        location: { pointer: '', line: pos.line, column: pos.col },
      };
    });
    throw new ModelError('parse_error', { issues, source, cause: doc.errors[0] });
  }
  return { value: doc.toJS({ maxAliasCount: 100 }), doc };
}

/**
 * Parses and fully validates a manifest written in JSON or YAML.
 * @param text - the document.
 * @param options - format (json | yaml, detected by default) and source name for messages.
 * @returns the manifest.
 * @throws ModelError `parse_error` for a syntax error, `schema_violation` when the JSON Schema
 *   rejects it, `semantic_violation` when {@link checkManifest} does — each issue with its JSON
 *   pointer and its line and column in `text`.
 * @example
 * ```ts
 * const manifest = parseManifest(fs.readFileSync('web-shop.yaml', 'utf8'), { source: 'web-shop.yaml' });
 * manifest.nodes.map((n) => n.name); // ['web', 'db']
 * ```
 */
export function parseManifest(text: string, options: ParseManifestOptions = {}): Manifest {
  const format = options.format ?? (/^\s*\{/.test(text) ? 'json' : 'yaml');
  let value: unknown;
  let locate: (pointer: string) => number;
  if (format === 'json') {
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ModelError('parse_error', { issues: [jsonSyntaxIssue(text)], source: options.source, cause: error });
    }
    locate = (pointer) => locateJson(text, pointer);
  } else {
    const yaml = readYaml(text, options.source);
    value = yaml.value;
    locate = (pointer) => locateYaml(yaml.doc, pointer);
  }
  const withPositions = (issues: ValidationIssue[]) =>
    issues.map((i) => ({ ...i, location: { ...i.location, ...lineColumnAt(text, locate(i.location.pointer)) } }));
  const result = validate('Manifest', value);
  if (!result.ok) throw new ModelError('schema_violation', { issues: withPositions(result.issues), source: options.source });
  const semantic = checkManifest(result.value);
  if (semantic.length > 0) throw new ModelError('semantic_violation', { issues: withPositions(semantic), source: options.source });
  return result.value;
}
