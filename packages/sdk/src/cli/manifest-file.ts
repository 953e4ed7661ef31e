import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AccordsError } from '@accords/occi';
import type { Manifest } from '@accords/model';
import { CliError, ExitCode } from './exit-codes';

/** A manifest read from a file and checked locally. */
export interface LocalManifest {
  path: string;
  text: string;
  manifest: Manifest;
}

/**
 * Reads and validates a manifest file before anything is sent, so that mistakes are reported
 * with their file, line and column.
 * @param path - the file (`-` for standard input is not supported: the CLI needs a name to quote)
 * @returns the text and the parsed manifest (a promise)
 * @throws {CliError} exit code 3 listing every issue as `file:line:column: message (pointer)`
 */
export async function readManifestFile(path: string): Promise<LocalManifest> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new CliError(`cannot read ${path}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`, { exitCode: ExitCode.invalidInput, cause });
  }
  const format = /\.json$/i.test(path) ? 'json' : /\.ya?ml$/i.test(path) ? 'yaml' : undefined;
  // Loaded on demand: the schemas cost start-up time that the OCCI verbs do not need.
  const { parseManifest } = await import('@accords/model');
  try {
    return { path, text, manifest: parseManifest(text, { source: basename(path), ...(format ? { format } : {}) }) };
  } catch (error) {
    if (!(error instanceof AccordsError)) throw error;
    const issues = error.issues?.length ? error.issues : [{ message: error.message, code: error.code, location: error.location }];
    const lines = issues.map((i) => {
      const at = i.location?.line !== undefined ? `${path}:${i.location.line}:${i.location.column ?? 1}` : path;
      const pointer = i.location?.pointer ? ` (${i.location.pointer})` : '';
      return `${at}: ${i.message}${pointer}`;
    });
    const summary = issues.length === 1 ? lines[0]! : `${path}: ${issues.length} problems\n${lines.map((l) => `  ${l}`).join('\n')}`;
    throw new CliError(summary, { exitCode: ExitCode.invalidInput, cause: error });
  }
}
