import { EntitySchema } from 'typeorm';
import type { EntityRow, MixinRow, TenantRow, TokenRow } from './rows';

// Every column has an explicit type: the bundle carries no decorator metadata.

/** typeorm schema of `accords_entities`. */
export const EntityTable = new EntitySchema<EntityRow>({
  name: 'EntityRow',
  tableName: 'accords_entities',
  columns: {
    tenantId: { name: 'tenant_id', type: 'varchar', length: 64, primary: true },
    id: { type: 'varchar', length: 64, primary: true },
    kind: { type: 'varchar', length: 512 },
    collection: { type: 'varchar', length: 512 },
    isLink: { name: 'is_link', type: 'boolean' },
    source: { type: 'varchar', length: 1024, nullable: true },
    target: { type: 'varchar', length: 1024, nullable: true },
    mixins: { type: 'text' },
    data: { type: 'text' },
    version: { type: 'integer' },
    createdAt: { name: 'created_at', type: 'varchar', length: 32 },
    updatedAt: { name: 'updated_at', type: 'varchar', length: 32 },
  },
});

/** typeorm schema of `accords_mixins` (user-defined mixins). */
export const MixinTable = new EntitySchema<MixinRow>({
  name: 'MixinRow',
  tableName: 'accords_mixins',
  columns: {
    tenantId: { name: 'tenant_id', type: 'varchar', length: 64, primary: true },
    id: { type: 'varchar', length: 512, primary: true },
    location: { type: 'varchar', length: 512 },
    definition: { type: 'text' },
    createdAt: { name: 'created_at', type: 'varchar', length: 32 },
  },
});

/** typeorm schema of `accords_tenants`. */
export const TenantTable = new EntitySchema<TenantRow>({
  name: 'TenantRow',
  tableName: 'accords_tenants',
  columns: {
    id: { type: 'varchar', length: 64, primary: true },
    name: { type: 'varchar', length: 128 },
    isAdmin: { name: 'is_admin', type: 'boolean' },
    createdAt: { name: 'created_at', type: 'varchar', length: 32 },
  },
});

/** typeorm schema of `accords_tokens`. */
export const TokenTable = new EntitySchema<TokenRow>({
  name: 'TokenRow',
  tableName: 'accords_tokens',
  columns: {
    id: { type: 'varchar', length: 64, primary: true },
    tenantId: { name: 'tenant_id', type: 'varchar', length: 64 },
    hash: { type: 'varchar', length: 64 },
    createdAt: { name: 'created_at', type: 'varchar', length: 32 },
    revokedAt: { name: 'revoked_at', type: 'varchar', length: 32, nullable: true },
  },
});

/** Every table schema of the server's own store. */
export const coreTables = [EntityTable, MixinTable, TenantTable, TokenTable];
