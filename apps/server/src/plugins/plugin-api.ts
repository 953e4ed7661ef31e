import type { Logger } from 'pino';
import type { Model } from '@accords/occi';
import type { ServerOptions } from '../config/options';
import type { Tenancy } from '../core/tenancy';
import { serverError } from '../errors';
import { TenantTable } from '../store/schemas';
import { ADMIN_TENANT } from '../store/tenant-repo';
import type { Principal } from '../store/tenant-repo';
import type { PluginApi } from './types';

/**
 * Builds the API handed to plugins' routes and services.
 * @param deps - the tenancy, logger, model and options of the server
 * @returns the API
 */
export function createPluginApi(deps: { tenancy: Tenancy; log: Logger; model: Model; options: ServerOptions }): PluginApi {
  const { tenancy, log } = deps;
  const db = tenancy.deps.db;
  const principalOf = async (tenantId: string, allTenants: boolean): Promise<Principal> => {
    const where = allTenants ? { name: ADMIN_TENANT } : { id: tenantId };
    const row = await db.dataSource.manager.findOne(TenantTable, { where });
    if (!row) throw serverError('not_found', `no tenant ${tenantId}`);
    return { tenantId: row.id, tenantName: row.name, isAdmin: row.isAdmin, ...(allTenants ? { allTenants: true } : {}) };
  };
  return {
    log,
    model: deps.model,
    options: { databaseUrl: deps.options.databaseUrl, ...(deps.options.connectors ? { connectors: deps.options.connectors } : {}) },
    async withTenant(tenantId, fn) {
      return tenancy.run({ principal: await principalOf(tenantId, false), log }, fn);
    },
    async asAdmin(fn) {
      return tenancy.run({ principal: await principalOf('', true), log }, fn);
    },
    transaction(fn) {
      return db.transaction(fn);
    },
    principalOf(res) {
      const principal = res.locals.principal as Principal | undefined;
      if (!principal) throw serverError('unauthorized', 'the request is not authenticated');
      return principal;
    },
    runAs(options, fn) {
      return tenancy.run({ ...options, log: options.log ?? log }, fn);
    },
  };
}
