import { num, numOrNull } from '../../jobs/sql';
import type { SqlExecutor } from '../../jobs';
import type { AgreementRecord, ResourceRecord } from '../types';

const parse = <T>(v: unknown, fallback: T): T => (typeof v === 'string' && v !== '' ? (JSON.parse(v) as T) : fallback);

function decodeAgreement(r: Record<string, unknown>): AgreementRecord {
  return {
    id: String(r.id), tenantId: String(r.tenant_id), manifestId: String(r.manifest_id), name: String(r.name),
    state: r.state as AgreementRecord['state'], phase: r.phase as AgreementRecord['phase'],
    manifest: parse(r.manifest, {} as AgreementRecord['manifest']), plan: parse(r.plan, {} as AgreementRecord['plan']),
    contract: parse(r.contract, null), termStates: parse(r.term_states, []), reason: (r.reason as string | null) ?? null,
    createdAt: num(r.created_at), updatedAt: num(r.updated_at),
  };
}

function decodeResource(r: Record<string, unknown>): ResourceRecord {
  return {
    id: String(r.id), tenantId: String(r.tenant_id), agreementId: String(r.agreement_id), node: String(r.node),
    replica: num(r.replica), kind: r.kind as ResourceRecord['kind'], role: r.role as ResourceRecord['role'],
    spec: parse(r.spec, {} as ResourceRecord['spec']), providerId: String(r.provider_id), regionId: String(r.region_id),
    offerId: (r.offer_id as string | null) ?? null, pricePerHour: num(r.price_per_hour), currency: String(r.currency),
    idempotencyKey: String(r.idempotency_key), providerResourceId: (r.provider_resource_id as string | null) ?? null,
    state: r.state as ResourceRecord['state'], addresses: parse(r.addresses, []), error: parse(r.error, null),
    runningSince: numOrNull(r.running_since), dependsOn: parse(r.depends_on, []),
    createdAt: num(r.created_at), updatedAt: num(r.updated_at),
  };
}

/**
 * Stores a new agreement record.
 *
 * @param tx - the transaction
 * @param a - the record
 * @returns when written
 * @example
 * await insertAgreement(tx, record);
 */
export async function insertAgreement(tx: SqlExecutor, a: AgreementRecord): Promise<void> {
  await tx.query(
    `INSERT INTO accords_broker_agreement (id, tenant_id, manifest_id, name, state, phase, manifest, plan, contract,
      term_states, reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [a.id, a.tenantId, a.manifestId, a.name, a.state, a.phase, JSON.stringify(a.manifest), JSON.stringify(a.plan),
      a.contract ? JSON.stringify(a.contract) : null, JSON.stringify(a.termStates), a.reason, a.createdAt, a.updatedAt],
  );
}

/**
 * Reads an agreement record; with `lock`, holds it for update until the transaction ends.
 *
 * @param tx - the transaction
 * @param query - id and whether to lock the row (PostgreSQL)
 * @returns the record or undefined
 * @example
 * const a = await getAgreement(tx, { id, lock: true });
 */
export async function getAgreement(tx: SqlExecutor, query: { id: string; lock?: boolean }): Promise<AgreementRecord | undefined> {
  const lock = query.lock && tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
  const rows = await tx.query(`SELECT * FROM accords_broker_agreement WHERE id = ?${lock}`, [query.id]);
  return rows[0] ? decodeAgreement(rows[0]) : undefined;
}

/**
 * Lists agreement records in given phases (all tenants: background services).
 *
 * @param tx - the transaction
 * @param phases - the phases wanted
 * @returns the records
 * @example
 * const live = await listAgreementsIn(tx, ['running']);
 */
export async function listAgreementsIn(tx: SqlExecutor, phases: string[]): Promise<AgreementRecord[]> {
  if (phases.length === 0) return [];
  const rows = await tx.query(`SELECT * FROM accords_broker_agreement WHERE phase IN (${phases.map(() => '?').join(', ')}) ORDER BY created_at`, phases);
  return rows.map(decodeAgreement);
}

/**
 * Writes the mutable fields of an agreement record.
 *
 * @param tx - the transaction
 * @param a - the record as it should be stored
 * @returns when written
 * @example
 * await saveAgreement(tx, { ...a, state: 'accepted' });
 */
export async function saveAgreement(tx: SqlExecutor, a: AgreementRecord): Promise<void> {
  await tx.query(
    `UPDATE accords_broker_agreement SET state = ?, phase = ?, plan = ?, contract = ?, term_states = ?, reason = ?, updated_at = ? WHERE id = ?`,
    [a.state, a.phase, JSON.stringify(a.plan), a.contract ? JSON.stringify(a.contract) : null, JSON.stringify(a.termStates),
      a.reason, a.updatedAt, a.id],
  );
}

/**
 * Stores new resource records.
 *
 * @param tx - the transaction
 * @param resources - the records
 * @returns when written
 * @example
 * await insertResources(tx, planned);
 */
export async function insertResources(tx: SqlExecutor, resources: ResourceRecord[]): Promise<void> {
  for (const r of resources) {
    await tx.query(
      `INSERT INTO accords_broker_resource (id, tenant_id, agreement_id, node, replica, kind, role, spec, provider_id,
        region_id, offer_id, price_per_hour, currency, idempotency_key, provider_resource_id, state, addresses, error,
        running_since, depends_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [r.id, r.tenantId, r.agreementId, r.node, r.replica, r.kind, r.role, JSON.stringify(r.spec), r.providerId, r.regionId,
        r.offerId, r.pricePerHour, r.currency, r.idempotencyKey, r.providerResourceId, r.state, JSON.stringify(r.addresses),
        r.error ? JSON.stringify(r.error) : null, r.runningSince, JSON.stringify(r.dependsOn), r.createdAt, r.updatedAt],
    );
  }
}

/**
 * Reads one resource record.
 *
 * @param tx - the transaction
 * @param id - its id
 * @returns the record or undefined
 * @example
 * const r = await getResource(tx, id);
 */
export async function getResource(tx: SqlExecutor, id: string): Promise<ResourceRecord | undefined> {
  const rows = await tx.query(`SELECT * FROM accords_broker_resource WHERE id = ?`, [id]);
  return rows[0] ? decodeResource(rows[0]) : undefined;
}

/**
 * Lists the resource records of an agreement, in creation order.
 *
 * @param tx - the transaction
 * @param agreementId - the agreement
 * @returns the records
 * @example
 * const rs = await listResources(tx, agreementId);
 */
export async function listResources(tx: SqlExecutor, agreementId: string): Promise<ResourceRecord[]> {
  const rows = await tx.query(`SELECT * FROM accords_broker_resource WHERE agreement_id = ? ORDER BY created_at, node, replica, id`, [agreementId]);
  return rows.map(decodeResource);
}

/**
 * Lists every resource record in given states (all tenants: reconciliation, billing).
 *
 * @param tx - the transaction
 * @param states - the states wanted
 * @returns the records
 * @example
 * const live = await listResourcesIn(tx, ['running']);
 */
export async function listResourcesIn(tx: SqlExecutor, states: string[]): Promise<ResourceRecord[]> {
  const rows = await tx.query(`SELECT * FROM accords_broker_resource WHERE state IN (${states.map(() => '?').join(', ')})`, states);
  return rows.map(decodeResource);
}

/**
 * Writes the mutable fields of a resource record.
 *
 * @param tx - the transaction
 * @param r - the record as it should be stored
 * @returns when written
 * @example
 * await saveResource(tx, { ...r, state: 'running' });
 */
export async function saveResource(tx: SqlExecutor, r: ResourceRecord): Promise<void> {
  await tx.query(
    `UPDATE accords_broker_resource SET state = ?, provider_resource_id = ?, addresses = ?, error = ?, running_since = ?,
      role = ?, updated_at = ? WHERE id = ?`,
    [r.state, r.providerResourceId, JSON.stringify(r.addresses), r.error ? JSON.stringify(r.error) : null, r.runningSince,
      r.role, r.updatedAt, r.id],
  );
}

/** The small, often-read part of an agreement record. */
export interface AgreementHead {
  id: string;
  tenantId: string;
  name: string;
  state: AgreementRecord['state'];
  phase: AgreementRecord['phase'];
}

/**
 * Reads the head of an agreement (state and phase) without decoding its manifest and plan;
 * with `lock`, holds the row until the transaction ends (PostgreSQL).
 *
 * @param tx - the transaction
 * @param query - id and lock
 * @returns the head or undefined
 * @example
 * const head = await getAgreementHead(tx, { id, lock: true });
 */
export async function getAgreementHead(tx: SqlExecutor, query: { id: string; lock?: boolean }): Promise<AgreementHead | undefined> {
  const lock = query.lock && tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
  const rows = await tx.query(`SELECT id, tenant_id, name, state, phase FROM accords_broker_agreement WHERE id = ?${lock}`, [query.id]);
  const r = rows[0];
  return r ? { id: String(r.id), tenantId: String(r.tenant_id), name: String(r.name), state: r.state as AgreementHead['state'], phase: r.phase as AgreementHead['phase'] } : undefined;
}

/**
 * Counts the primary resources of an agreement that are not running yet (released ones aside).
 *
 * @param tx - the transaction
 * @param agreementId - the agreement
 * @returns how many are still on their way
 * @example
 * if ((await countNotRunning(tx, id)) === 0) markRunning();
 */
export async function countNotRunning(tx: SqlExecutor, agreementId: string): Promise<number> {
  const rows = await tx.query(
    `SELECT COUNT(*) AS n FROM accords_broker_resource WHERE agreement_id = ? AND role = 'primary' AND state <> 'running' AND state <> 'released'`,
    [agreementId],
  );
  return num(rows[0]?.n);
}

const manifests = new Map<string, AgreementRecord['manifest']>();

/**
 * The manifest of an agreement (it never changes once submitted), read once per process.
 *
 * @param tx - where to read it the first time
 * @param agreementId - the agreement
 * @returns the manifest, or undefined when there is no such agreement
 * @example
 * const manifest = await manifestOf(tx, agreementId);
 */
export async function manifestOf(tx: SqlExecutor, agreementId: string): Promise<AgreementRecord['manifest'] | undefined> {
  const cached = manifests.get(agreementId);
  if (cached) return cached;
  const rows = await tx.query(`SELECT manifest FROM accords_broker_agreement WHERE id = ?`, [agreementId]);
  if (!rows[0]) return undefined;
  const manifest = JSON.parse(String(rows[0].manifest)) as AgreementRecord['manifest'];
  if (manifests.size > 10_000) manifests.clear();
  manifests.set(agreementId, manifest);
  return manifest;
}
