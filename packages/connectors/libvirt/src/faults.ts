import type { VirshError } from './virsh';

/** The kit's error kinds, as libvirt failures map onto them. */
export type FaultKind = 'transient' | 'timeout' | 'capacity' | 'quota' | 'auth' | 'not_found' | 'invalid' | 'conflict' | 'unsupported' | 'unknown';

/** How one virsh failure classifies. */
export interface FaultClass {
  kind: FaultKind;
  message: string;
}

const RULES: [RegExp, FaultKind][] = [
  [/not found|no (domain|network|storage (pool|vol)|volume|snapshot) with matching|failed to get (domain|network|vol|pool|snapshot)|storage volume .* not found|Domain snapshot not found/i, 'not_found'],
  [/unsupported configuration|XML error|XML document|failed to parse xml/i, 'invalid'],
  [/already exists|already defined|already in use|is already (active|running)|operation is not valid|domain is not running|is not active|domain is already|Requested operation is not valid|in use by/i, 'conflict'],
  [/not supported|unsupported|this function is not supported|no support for|Operation not supported/i, 'unsupported'],
  [/authentication|permission denied|access denied|not authorized|Failed to connect socket.*Permission/i, 'auth'],
  [/cannot allocate memory|out of memory|not enough (space|memory)|insufficient|no space left|exceeds? (the )?(available|capacity)/i, 'capacity'],
  [/failed to connect|cannot recv data|end of file while reading|connection reset|broken pipe|resource temporarily unavailable|timed out|Unable to connect/i, 'transient'],
  [/XML error|XML document|failed to parse|invalid argument|unsupported configuration|malformed|invalid (value|name|uuid)/i, 'invalid'],
];

/**
 * Classifies a libvirt failure from virsh's stderr (libvirt prints `error: <summary>` then
 * `error: <detail>`); a run killed by its timeout is `timeout`.
 * @param error - The failed virsh run.
 * @returns The kind and libvirt's message without the `error:` prefixes.
 * @example
 * ```ts
 * classifyVirshError(new VirshError({ command: 'dominfo', exitCode: 1, stderr: "error: failed to get domain 'x'" })).kind; // 'not_found'
 * ```
 */
export function classifyVirshError(error: VirshError): FaultClass {
  const message = error.stderr
    .split('\n')
    .map((l) => l.replace(/^error:\s*/, '').trim())
    .filter(Boolean)
    .join('; ');
  if (error.timedOut) return { kind: 'timeout', message: message || error.message };
  for (const [pattern, kind] of RULES) if (pattern.test(message)) return { kind, message };
  return { kind: 'unknown', message: message || error.message };
}
