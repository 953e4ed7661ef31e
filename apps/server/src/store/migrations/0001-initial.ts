import { Table, TableIndex } from 'typeorm';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const str = (name: string, length: number, nullable = false) => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const text = (name: string) => ({ name, type: 'text' });

/** The first schema: entities, user mixins, tenants and tokens. */
export class Initial1763900000001 implements MigrationInterface {
  name = 'Initial1763900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'accords_entities',
        columns: [
          { ...str('tenant_id', 64), isPrimary: true },
          { ...str('id', 64), isPrimary: true },
          str('kind', 512),
          str('collection', 512),
          { name: 'is_link', type: 'boolean' },
          str('source', 1024, true),
          str('target', 1024, true),
          text('mixins'),
          text('data'),
          { name: 'version', type: 'integer' },
          str('created_at', 32),
          str('updated_at', 32),
        ],
      }),
    );
    await q.createIndex('accords_entities', new TableIndex({ name: 'accords_entities_tenant_kind', columnNames: ['tenant_id', 'kind', 'created_at'] }));
    await q.createIndex('accords_entities', new TableIndex({ name: 'accords_entities_source', columnNames: ['tenant_id', 'source'] }));
    await q.createIndex('accords_entities', new TableIndex({ name: 'accords_entities_target', columnNames: ['tenant_id', 'target'] }));
    await q.createTable(
      new Table({
        name: 'accords_mixins',
        columns: [
          { ...str('tenant_id', 64), isPrimary: true },
          { ...str('id', 512), isPrimary: true },
          str('location', 512),
          text('definition'),
          str('created_at', 32),
        ],
      }),
    );
    await q.createIndex('accords_mixins', new TableIndex({ name: 'accords_mixins_location', columnNames: ['tenant_id', 'location'], isUnique: true }));
    await q.createTable(
      new Table({
        name: 'accords_tenants',
        columns: [{ ...str('id', 64), isPrimary: true }, str('name', 128), { name: 'is_admin', type: 'boolean' }, str('created_at', 32)],
      }),
    );
    await q.createIndex('accords_tenants', new TableIndex({ name: 'accords_tenants_name', columnNames: ['name'], isUnique: true }));
    await q.createTable(
      new Table({
        name: 'accords_tokens',
        columns: [{ ...str('id', 64), isPrimary: true }, str('tenant_id', 64), str('hash', 64), str('created_at', 32), str('revoked_at', 32, true)],
      }),
    );
    await q.createIndex('accords_tokens', new TableIndex({ name: 'accords_tokens_hash', columnNames: ['hash'], isUnique: true }));
    await q.createIndex('accords_tokens', new TableIndex({ name: 'accords_tokens_tenant', columnNames: ['tenant_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['accords_tokens', 'accords_tenants', 'accords_mixins', 'accords_entities']) await q.dropTable(table);
  }
}
