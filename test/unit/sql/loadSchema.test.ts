import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadSchema } from '../../../src/core/sql/schema/loadSchema';
import { findColumn, findTable, type SchemaModel } from '../../../src/core/sql/schema/schemaModel';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

async function schemaOf(name: string): Promise<SchemaModel> {
  const lookup = await loadSchema(join(FIXTURES, name));
  assert.equal(lookup.kind, 'ok', `a schema in ${name}`);
  return (lookup as { schema: SchemaModel }).schema;
}

/** The same three tables, whatever the source: names, keys, nullability, kinds, relations. */
function assertCommonShape(schema: SchemaModel): void {
  assert.deepEqual(schema.tables.map((t) => t.name).sort(), ['logins', 'subscriptions', 'users']);
  const users = findTable(schema, 'users')!;
  assert.deepEqual(users.primaryKey, ['id']);
  assert.equal(findColumn(users, 'id')!.generated, true);
  assert.equal(findColumn(users, 'email')!.nullable, false);
  assert.equal(findColumn(users, 'email')!.unique, true);
  assert.equal(findColumn(users, 'name')!.nullable, true);
  const logins = findTable(schema, 'logins')!;
  assert.equal(findColumn(logins, 'logged_in_at')!.kind, 'timestamp');
  assert.deepEqual(logins.foreignKeys, [{ columns: ['user_id'], table: 'users', referencedColumns: ['id'] }]);
  const subscriptions = findTable(schema, 'subscriptions')!;
  assert.deepEqual(subscriptions.foreignKeys, [{ columns: ['user_id'], table: 'users', referencedColumns: ['id'] }]);
  assert.match(users.evidence, /:\d+$/);
}

describe('sql: schema model from the project', () => {
  it('Prisma: @map/@@map names, enum, relation keys, provider → postgres, /// comments', async () => {
    const schema = await schemaOf('sql-prisma');
    assert.equal(schema.source, 'prisma');
    assert.equal(schema.dialect, 'postgres');
    assertCommonShape(schema);
    const status = findColumn(findTable(schema, 'subscriptions')!, 'status')!;
    assert.equal(status.kind, 'enum');
    assert.deepEqual(schema.enums, [{ name: 'SubscriptionStatus', values: ['active', 'canceled', 'trialing'] }]);
    assert.match(findTable(schema, 'subscriptions')!.comment ?? '', /paying/);
    assert.equal(findColumn(findTable(schema, 'users')!, 'created_at')!.hasDefault, true);
  });

  it('Drizzle: pgTable columns, pgEnum, references(() => users.id)', async () => {
    const schema = await schemaOf('sql-drizzle');
    assert.equal(schema.source, 'drizzle');
    assert.equal(schema.dialect, 'postgres');
    assertCommonShape(schema);
    assert.deepEqual(schema.enums, [{ name: 'subscription_status', values: ['active', 'canceled', 'trialing'] }]);
    assert.equal(findColumn(findTable(schema, 'subscriptions')!, 'status')!.enumName, 'subscription_status');
  });

  it('TypeORM: @Entity names, @Column options, @ManyToOne + @JoinColumn keys, an imported enum', async () => {
    const schema = await schemaOf('sql-typeorm');
    assert.equal(schema.source, 'typeorm');
    assertCommonShape(schema);
    assert.deepEqual(schema.enums, [{ name: 'subscription_status', values: ['active', 'canceled', 'trialing'] }]);
    assert.equal(findColumn(findTable(schema, 'subscriptions')!, 'status')!.comment, 'active means paying');
  });

  it('SQL migrations: CREATE TABLE over two files, inline and table-level foreign keys', async () => {
    const schema = await schemaOf('sql-migrations');
    assert.equal(schema.source, 'sql-migrations');
    assertCommonShape(schema);
    assert.deepEqual(schema.files, ['migrations/001_init.sql', 'migrations/002_logins.sql']);
    assert.equal(findTable(schema, 'logins')!.evidence, 'migrations/002_logins.sql:1');
  });

  it('Knex migrations: createTable builders over two files, .references().inTable(), t.foreign().references(\'users.id\'), t.enu', async () => {
    const schema = await schemaOf('sql-knex');
    assert.equal(schema.source, 'knex');
    assertCommonShape(schema);
    assert.deepEqual(schema.files, ['migrations/20260101000000_init.ts', 'migrations/20260102000000_logins.ts']);
    assert.deepEqual(schema.enums, [{ name: 'subscription_status', values: ['active', 'canceled', 'trialing'] }]);
    const status = findColumn(findTable(schema, 'subscriptions')!, 'status')!;
    assert.deepEqual([status.kind, status.nullable, status.comment], ['enum', false, 'active = paying']);
    assert.equal(findColumn(findTable(schema, 'users')!, 'created_at')!.hasDefault, true);
    assert.equal(findTable(schema, 'logins')!.evidence, 'migrations/20260102000000_logins.ts:4');
  });

  it('Sequelize: sequelize.define and Model.init, field/underscored names, references, ENUM, implicit timestamps', async () => {
    const schema = await schemaOf('sql-sequelize');
    assert.equal(schema.source, 'sequelize');
    assertCommonShape(schema);
    assert.deepEqual(findTable(schema, 'users')!.columns.map((c) => c.name), ['id', 'email', 'name', 'created_at'], 'underscored createdAt, updatedAt: false');
    assert.deepEqual(findTable(schema, 'subscriptions')!.columns.map((c) => c.name), ['id', 'user_id', 'status', 'plan', 'started_at']);
    assert.deepEqual(schema.enums, [{ name: 'enum_subscriptions_status', values: ['active', 'canceled', 'trialing'] }]);
    assert.equal(findColumn(findTable(schema, 'subscriptions')!, 'status')!.comment, 'active = paying');
  });

  it('MikroORM: decorators with the underscore naming strategy, @ManyToOne → user_id, @Enum items', async () => {
    const schema = await schemaOf('sql-mikro-orm');
    assert.equal(schema.source, 'mikro-orm');
    assertCommonShape(schema);
    assert.deepEqual(findTable(schema, 'logins')!.columns.map((c) => c.name), ['id', 'user_id', 'logged_in_at']);
    assert.deepEqual(schema.enums, [{ name: 'SubscriptionStatus', values: ['active', 'canceled', 'trialing'] }]);
    assert.equal(findColumn(findTable(schema, 'users')!, 'created_at')!.hasDefault, true);
  });

  it('a folder without any schema says what was looked for', async () => {
    const lookup = await loadSchema(join(FIXTURES, 'explain-demo'));
    assert.equal(lookup.kind, 'none');
  });
});
