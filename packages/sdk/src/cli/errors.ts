import { AccordsError } from '@accords/occi';
import pc from 'picocolors';
import { OcciClientError } from '../errors';
import { CliError } from './exit-codes';

/**
 * An error as the CLI prints it: one line saying what went wrong and what to do, and with
 * `verbose` the request, the server's request id, every issue, the causes and the stack.
 * @param error - anything thrown
 * @param options - verbosity and colour
 * @returns the text to write to stderr (ends with a newline)
 */
export function formatError(error: unknown, options: { verbose: boolean; color: boolean }): string {
  const colors = pc.createColors(options.color);
  const lines = [`${colors.red('accords:')} ${headline(error)}`];
  const hint = hintFor(error);
  if (hint && !options.verbose) lines[0] += colors.dim(` (${hint})`);
  if (options.verbose) {
    if (hint) lines.push(`  hint: ${hint}`);
    if (error instanceof OcciClientError && error.request) lines.push(`  request: ${error.request.method} ${error.request.url}`);
    if (error instanceof OcciClientError && error.requestId) lines.push(`  request id: ${error.requestId}`);
    if (error instanceof AccordsError) {
      lines.push(`  code: ${error.code}${error.status ? `, HTTP ${error.status}` : ''}`);
      for (const issue of error.issues ?? []) lines.push(`  - ${issue.message}${where(issue.location, issue.message)}`);
    }
    for (let cause = (error as { cause?: unknown })?.cause, depth = 0; cause && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
      lines.push(`  caused by: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`);
    }
    if (error instanceof Error && !(error instanceof AccordsError) && !(error instanceof CliError) && error.stack) lines.push(error.stack);
  }
  return `${lines.join('\n')}\n`;
}

function headline(error: unknown): string {
  if (error instanceof AccordsError) {
    const status = error.status ? ` [HTTP ${error.status} ${error.code}]` : '';
    return `${error.message}${where(error.location, error.message)}${status}`;
  }
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

function where(location: AccordsError['location'], message = ''): string {
  if (!location) return '';
  const parts: string[] = [];
  // The message usually names the attribute already; repeat it only when it does not.
  if (location.attribute && !message.includes(location.attribute)) parts.push(`attribute ${location.attribute}`);
  if (location.pointer !== undefined) parts.push(`at ${location.pointer || '/'}`);
  if (location.line !== undefined) parts.push(`line ${location.line}${location.column !== undefined ? `, column ${location.column}` : ''}`);
  if (location.header) parts.push(`header ${location.header}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function hintFor(error: unknown): string | undefined {
  if (error instanceof CliError) return error.hint;
  if (!(error instanceof AccordsError)) return undefined;
  if (error.code === 'connection_failed') return 'is the server running? set it with --url or ACCORDS_URL';
  if (error.status === 401) return 'check --token, ACCORDS_TOKEN or the config file';
  if (error.status === 412) return 'the entity changed meanwhile: describe it again and retry';
  return undefined;
}
