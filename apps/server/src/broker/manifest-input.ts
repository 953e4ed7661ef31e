import { ModelError, parseManifest } from '@accords/model';
import type { Manifest } from '@accords/model';
import { BrokerError } from './errors';

/** Content types a manifest document may be posted with, and the format each means. */
export const DOCUMENT_TYPES: Record<string, 'yaml' | 'json'> = {
  'application/yaml': 'yaml',
  'application/x-yaml': 'yaml',
  'text/yaml': 'yaml',
  'application/vnd.accords.manifest+json': 'json',
};

/**
 * Reads and validates a manifest document (schema and semantic checks of @accords/model).
 *
 * @param text - the document
 * @param options - its format (detected when absent) and, when it came in an OCCI attribute, that attribute's name
 * @returns the manifest
 * @throws ModelError (400/422) with every issue's JSON pointer, line and column; BrokerError
 *   `invalid_manifest` naming the attribute when the document came inside an OCCI entity
 * @example
 * const manifest = readManifest(yamlText, { format: 'yaml' });
 */
export function readManifest(text: string, options: { format?: 'yaml' | 'json'; attribute?: string; source?: string } = {}): Manifest {
  try {
    return parseManifest(text, { ...(options.format ? { format: options.format } : {}), ...(options.source ? { source: options.source } : {}) });
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    if (!options.attribute) throw error;
    throw new BrokerError('invalid_manifest', `${options.attribute}: ${error.message}`, {
      status: error.status, location: { ...error.location, attribute: options.attribute }, issues: error.issues ?? [], cause: error,
    });
  }
}
