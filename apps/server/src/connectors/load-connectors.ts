import { readFile } from 'node:fs/promises';
import type { Connector, ConnectorPolicy } from '@accords/connector-kit';
import { wrapConnector } from '@accords/connector-kit';
import { createLibvirtConnector } from '@accords/connector-libvirt';
import { createOcciConnector } from '@accords/connector-occi';
import { createOpenStackConnector } from '@accords/connector-openstack';
import { createSimFleet } from '@accords/connector-sim';
import { AccordsError } from '@accords/occi';

/** The connector families the reference server can load by name. */
export const CONNECTOR_NAMES = ['sim', 'occi', 'openstack', 'libvirt'] as const;
/** A connector family name. */
export type ConnectorName = (typeof CONNECTOR_NAMES)[number];

/** One entry of `ACCORDS_CONNECTORS`: a family and, optionally, the JSON file configuring it. */
export interface ConnectorEntry {
  name: ConnectorName;
  /** Path of the JSON configuration file, when given. */
  file?: string;
  /** Position of the entry in the variable (0-based), for error messages. */
  index: number;
}

function configError(message: string, options: { entry?: number; cause?: unknown } = {}): AccordsError {
  return new AccordsError({
    message,
    code: 'invalid_configuration',
    status: 500,
    location: { attribute: options.entry === undefined ? 'ACCORDS_CONNECTORS' : `ACCORDS_CONNECTORS[${options.entry}]` },
    cause: options.cause,
  });
}

/**
 * Parses `ACCORDS_CONNECTORS`: a comma-separated list of `<name>[=<JSON config file>]`, e.g.
 * `sim,openstack=/etc/accords/openstack.json,libvirt=/etc/accords/lab.json`. A family may be
 * listed more than once (several clouds of one kind, each file with its own provider id).
 * @param value - The variable's value; empty or absent means `sim`.
 * @returns The entries in order.
 * @throws AccordsError `invalid_configuration` naming the entry that is wrong.
 * @example
 * ```ts
 * parseConnectorList('sim,occi=./peer.json'); // [{ name: 'sim', index: 0 }, { name: 'occi', file: './peer.json', index: 1 }]
 * ```
 */
export function parseConnectorList(value: string | undefined): ConnectorEntry[] {
  const text = value?.trim() || 'sim';
  return text.split(',').map((raw, index) => {
    const item = raw.trim();
    const eq = item.indexOf('=');
    const name = (eq < 0 ? item : item.slice(0, eq)).trim();
    const file = eq < 0 ? undefined : item.slice(eq + 1).trim();
    if (!(CONNECTOR_NAMES as readonly string[]).includes(name)) {
      throw configError(`unknown connector "${name}" in entry ${index + 1}: expected one of ${CONNECTOR_NAMES.join(', ')}`, { entry: index });
    }
    if (file !== undefined && file === '') throw configError(`entry ${index + 1} ("${item}") names no configuration file after "="`, { entry: index });
    if (name !== 'sim' && file === undefined) {
      throw configError(`connector "${name}" in entry ${index + 1} needs a configuration file: ${name}=<path to JSON>`, { entry: index });
    }
    return { name: name as ConnectorName, index, ...(file === undefined ? {} : { file }) };
  });
}

async function readConfig(entry: ConnectorEntry): Promise<Record<string, unknown>> {
  if (entry.file === undefined) return {};
  let text: string;
  try {
    text = await readFile(entry.file, 'utf8');
  } catch (cause) {
    throw configError(`cannot read the configuration of connector "${entry.name}" at ${entry.file}`, { entry: entry.index, cause });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw configError(`the configuration of connector "${entry.name}" at ${entry.file} is not valid JSON: ${(cause as Error).message}`, {
      entry: entry.index,
      cause,
    });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw configError(`the configuration of connector "${entry.name}" at ${entry.file} must be a JSON object`, { entry: entry.index });
  }
  return parsed as Record<string, unknown>;
}

function create(entry: ConnectorEntry, config: Record<string, unknown>): Connector[] {
  // The policy key is ours (rate limit, retries, timeout); the rest belongs to the connector.
  const { policy: _policy, ...own } = config;
  switch (entry.name) {
    case 'sim':
      return createSimFleet(own as Parameters<typeof createSimFleet>[0]);
    case 'occi':
      return [createOcciConnector(own as unknown as Parameters<typeof createOcciConnector>[0])];
    case 'openstack':
      return [createOpenStackConnector(config)];
    case 'libvirt':
      return [createLibvirtConnector(config)];
  }
}

/**
 * Loads the connectors named by `ACCORDS_CONNECTORS`, each behind the kit's rate limit, retry
 * and timeout policy (the `policy` key of its configuration file, or the kit's defaults).
 * @param value - The variable's value (absent: the simulated multi-region cloud).
 * @returns The connectors, one per provider; provider ids are unique.
 * @throws AccordsError `invalid_configuration` with the entry at fault, or the connector's own
 *   validation error (its cause) when a configuration file is rejected.
 * @example
 * ```ts
 * const connectors = await loadConnectors(process.env.ACCORDS_CONNECTORS);
 * ```
 */
export async function loadConnectors(value: string | undefined): Promise<Connector[]> {
  const out: Connector[] = [];
  const seen = new Map<string, number>();
  for (const entry of parseConnectorList(value)) {
    const config = await readConfig(entry);
    let made: Connector[];
    try {
      made = create(entry, config);
    } catch (cause) {
      const detail = cause instanceof Error ? cause.message : String(cause);
      throw configError(`connector "${entry.name}"${entry.file ? ` (${entry.file})` : ''} rejected its configuration: ${detail}`, {
        entry: entry.index,
        cause,
      });
    }
    for (const connector of made) {
      const before = seen.get(connector.providerId);
      if (before !== undefined) {
        throw configError(`provider id "${connector.providerId}" of entry ${entry.index + 1} is already used by entry ${before + 1}`, { entry: entry.index });
      }
      seen.set(connector.providerId, entry.index);
      out.push(wrapConnector(connector, (config.policy ?? {}) as ConnectorPolicy));
    }
  }
  return out;
}
