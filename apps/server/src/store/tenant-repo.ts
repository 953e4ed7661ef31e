import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import { hashToken, mintToken } from '../auth/tokens';
import { TenantTable, TokenTable } from './schemas';
import type { TenantRow } from './rows';

/** Who a request acts for. */
export interface Principal {
  tenantId: string;
  tenantName: string;
  isAdmin: boolean;
  /** System work of plugins: sees every tenant's entities (never set for an HTTP request). */
  allTenants?: boolean;
}

/** The name of the administrators' tenant created at the first start. */
export const ADMIN_TENANT = 'admin';

const now = () => new Date().toISOString();

/**
 * Finds the principal owning a bearer token (revoked tokens find nothing).
 * @param manager - a transaction or the data source's manager
 * @param value - the token value
 * @returns the principal, or undefined
 */
export async function findPrincipal(manager: EntityManager, value: string): Promise<Principal | undefined> {
  const token = await manager.findOne(TokenTable, { where: { hash: hashToken(value), revokedAt: IsNull() } });
  if (!token) return undefined;
  const tenant = await manager.findOne(TenantTable, { where: { id: token.tenantId } });
  return tenant ? { tenantId: tenant.id, tenantName: tenant.name, isAdmin: tenant.isAdmin } : undefined;
}

/**
 * Makes sure the administrators' tenant exists and holds `token` (when given), or mints its
 * first token when it has none.
 * @param manager - the transaction
 * @param token - the configured administrator token, if any
 * @returns the admin tenant id, and the token value when one was minted now
 */
export async function ensureAdmin(manager: EntityManager, token?: string): Promise<{ tenantId: string; minted?: string }> {
  let tenant = await manager.findOne(TenantTable, { where: { name: ADMIN_TENANT } });
  if (!tenant) {
    tenant = { id: randomUUID(), name: ADMIN_TENANT, isAdmin: true, createdAt: now() };
    await manager.insert(TenantTable, tenant);
  }
  if (token !== undefined) {
    const hash = hashToken(token);
    const existing = await manager.findOne(TokenTable, { where: { hash } });
    if (!existing) await manager.insert(TokenTable, { id: randomUUID(), tenantId: tenant.id, hash, createdAt: now(), revokedAt: null });
    else if (existing.tenantId !== tenant.id || existing.revokedAt !== null) {
      await manager.update(TokenTable, { id: existing.id }, { tenantId: tenant.id, revokedAt: null });
    }
    return { tenantId: tenant.id };
  }
  const live = await manager.count(TokenTable, { where: { tenantId: tenant.id, revokedAt: IsNull() } });
  if (live > 0) return { tenantId: tenant.id };
  const minted = mintToken();
  await manager.insert(TokenTable, { id: minted.id, tenantId: tenant.id, hash: minted.hash, createdAt: now(), revokedAt: null });
  return { tenantId: tenant.id, minted: minted.value };
}

/**
 * Finds a tenant by name.
 * @param manager - the transaction
 * @param name - the tenant name
 * @returns the row, or undefined
 */
export async function findTenantByName(manager: EntityManager, name: string): Promise<TenantRow | undefined> {
  return (await manager.findOne(TenantTable, { where: { name } })) ?? undefined;
}

/**
 * Creates a tenant row with the given id.
 * @param manager - the transaction
 * @param tenant - id and name
 */
export async function insertTenant(manager: EntityManager, tenant: { id: string; name: string }): Promise<void> {
  await manager.insert(TenantTable, { id: tenant.id, name: tenant.name, isAdmin: false, createdAt: now() });
}

/**
 * Renames a tenant.
 * @param manager - the transaction
 * @param tenant - id and new name
 */
export async function renameTenant(manager: EntityManager, tenant: { id: string; name: string }): Promise<void> {
  await manager.update(TenantTable, { id: tenant.id }, { name: tenant.name });
}

/**
 * Mints and stores a new token for a tenant.
 * @param manager - the transaction
 * @param tenantId - the owner
 * @returns the token (its value is never stored)
 */
export async function issueToken(manager: EntityManager, tenantId: string): Promise<{ id: string; value: string }> {
  const minted = mintToken();
  await manager.insert(TokenTable, { id: minted.id, tenantId, hash: minted.hash, createdAt: now(), revokedAt: null });
  return { id: minted.id, value: minted.value };
}

/**
 * Revokes a tenant's token, named by its value or its id.
 * @param manager - the transaction
 * @param request - the tenant and the token's value or id
 * @returns how many tokens were revoked (0 or 1)
 */
export async function revokeToken(manager: EntityManager, request: { tenantId: string; token: string }): Promise<number> {
  const byHash = await manager.update(TokenTable, { tenantId: request.tenantId, hash: hashToken(request.token), revokedAt: IsNull() }, { revokedAt: now() });
  if (byHash.affected) return byHash.affected;
  const byId = await manager.update(TokenTable, { tenantId: request.tenantId, id: request.token, revokedAt: IsNull() }, { revokedAt: now() });
  return byId.affected ?? 0;
}

/**
 * Deletes a tenant and its tokens (its entities are deleted by the caller).
 * @param manager - the transaction
 * @param tenantId - the tenant
 */
export async function deleteTenant(manager: EntityManager, tenantId: string): Promise<void> {
  await manager.delete(TokenTable, { tenantId });
  await manager.delete(TenantTable, { id: tenantId });
}
