import assert from 'node:assert/strict';
import { join } from 'node:path';
import { liveDatabaseFromEnv, redactConnection, type LiveDatabase } from '../../../src/core/sql/live/databaseUrl';
import { compareSchemas } from '../../../src/core/sql/live/compareSchemas';
import { explainOnDatabase } from '../../../src/core/sql/live/explainLive';
import { introspectDatabase } from '../../../src/core/sql/live/introspectLive';
import { withReadOnlySession } from '../../../src/core/sql/live/readOnlySession';
import { loadSchema } from '../../../src/core/sql/schema/loadSchema';
import { findTable } from '../../../src/core/sql/schema/schemaModel';
import { LIVE_DDL, startLiveDatabase, type LiveTestDatabase } from '../../support/liveDatabase';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

describe('sql: the live database (read-only EXPLAIN and introspection through pg, on a real Postgres wire server)', function () {
  this.timeout(60_000);
  let live: LiveTestDatabase;
  let database: LiveDatabase;
  before(async () => {
    live = await startLiveDatabase(LIVE_DDL);
    const lookup = liveDatabaseFromEnv('APP_DATABASE_URL', { APP_DATABASE_URL: live.url });
    assert.equal(lookup.kind, 'ok');
    database = lookup.database;
  });
  after(async () => {
    await live.close();
  });

  it('nothing is read unless a variable is named; a named but unset, or non-Postgres, variable is a clear error that never shows its value', () => {
    assert.deepEqual(liveDatabaseFromEnv(undefined, { DATABASE_URL: 'postgres://x' }), { kind: 'none' });
    assert.deepEqual(liveDatabaseFromEnv('  ', { DATABASE_URL: 'postgres://x' }), { kind: 'none' });
    const unset = liveDatabaseFromEnv('APP_DATABASE_URL', {});
    assert.equal(unset.kind, 'invalid');
    assert.match(unset.kind === 'invalid' ? unset.message : '', /APP_DATABASE_URL is not set/);
    const mysql = liveDatabaseFromEnv('DB', { DB: 'mysql://root:hunter22@db/app' });
    assert.equal(mysql.kind, 'invalid');
    assert.doesNotMatch(JSON.stringify(mysql), /hunter22/);
    const pasted = liveDatabaseFromEnv('postgres://root:hunter22@db/app', {});
    assert.equal(pasted.kind, 'invalid');
    assert.match(pasted.kind === 'invalid' ? pasted.message : '', /not an environment variable name/);
  });

  it('EXPLAIN of a parameterized query shows the plan (planned, not run) and uses the index', async () => {
    const result = await explainOnDatabase(database, 'SELECT l.id FROM logins l WHERE l.user_id = :userId AND l.logged_in_at >= :since LIMIT 10;', { userId: 1, since: '2026-11-01T00:00:00Z' });
    assert.equal(result.kind, 'ok', JSON.stringify(result));
    assert.ok(result.kind === 'ok');
    assert.match(result.value.lines.join('\n'), /Limit[\s\S]*logins/);
    assert.ok(result.value.totalCost !== undefined && result.value.totalCost > 0, result.value.lines.join('\n'));
    assert.ok(result.value.lines.every((l) => !/actual time/.test(l)), 'never ANALYZE');
  });

  it('a missing parameter is refused before connecting', async () => {
    const result = await explainOnDatabase(database, 'SELECT * FROM users WHERE id = :id', {});
    assert.deepEqual(result, { kind: 'failed', message: 'no value for :id' });
  });

  it('a write through the read-only path is refused by the database itself, and nothing changes', async () => {
    const result = await withReadOnlySession(database, async (client) => client.query("INSERT INTO users (email) VALUES ('mallory@example.com')"));
    assert.equal(result.kind, 'failed');
    assert.match(result.kind === 'failed' ? result.message : '', /^APP_DATABASE_URL: refused by the database: cannot execute INSERT in a read-only transaction/);
    const explainedWrite = await explainOnDatabase(database, "DELETE FROM users WHERE email = :email", { email: 'ann@example.com' });
    assert.equal(explainedWrite.kind, 'ok', 'EXPLAIN plans a DELETE without running it');
    const count = await live.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    assert.equal(count.rows[0]?.n, 2);
  });

  it('the session is READ ONLY with the statement_timeout asked for (PGlite does not enforce timeouts: the setting is checked)', async () => {
    const result = await withReadOnlySession(database, async (client) => (await client.query<Record<string, string>>("SELECT current_setting('statement_timeout') AS timeout, current_setting('transaction_read_only') AS ro")).rows[0], { statementTimeoutMs: 1500 });
    assert.equal(result.kind, 'ok', JSON.stringify(result));
    assert.deepEqual(result.kind === 'ok' ? result.value : undefined, { timeout: '1500ms', ro: 'on' });
  });

  it('a dead database gives a clear error without the connection string or its password', async () => {
    const dead: LiveDatabase = { envName: 'APP_DATABASE_URL', url: `postgres://routecraft:${live.password}@127.0.0.1:1/postgres` };
    const t0 = Date.now();
    const result = await explainOnDatabase(dead, 'SELECT 1', {}, { connectTimeoutMs: 2000 });
    assert.equal(result.kind, 'failed');
    const message = result.kind === 'failed' ? result.message : '';
    assert.match(message, /^APP_DATABASE_URL: cannot reach the database/);
    assert.doesNotMatch(message, new RegExp(live.password));
    assert.ok(Date.now() - t0 < 5000);
    assert.equal(redactConnection(`failed for ${dead.url} (password ${live.password})`, dead), 'failed for [redacted] (password [redacted])');
  });

  it('introspection reads tables, columns, types, nullability, keys, enums and comments into the schema model', async () => {
    const result = await introspectDatabase(database);
    assert.equal(result.kind, 'ok', JSON.stringify(result));
    assert.ok(result.kind === 'ok');
    const schema = result.value;
    assert.equal(schema.source, 'postgres-database');
    assert.deepEqual(schema.files, ['$APP_DATABASE_URL']);
    assert.deepEqual(schema.tables.map((t) => t.name), ['audit_events', 'logins', 'subscriptions', 'users']);
    assert.deepEqual(schema.enums, [{ name: 'SubscriptionStatus', values: ['active', 'canceled', 'trialing'] }]);
    const users = findTable(schema, 'users')!;
    assert.equal(users.comment, 'People who signed up.');
    assert.deepEqual(users.primaryKey, ['id']);
    assert.deepEqual(users.columns.map((c) => [c.name, c.kind, c.nullable, c.generated, c.unique]), [
      ['id', 'integer', false, true, false], ['email', 'text', false, false, true], ['name', 'text', true, false, false], ['created_at', 'timestamp', false, false, false],
    ]);
    const subscriptions = findTable(schema, 'subscriptions')!;
    assert.deepEqual(subscriptions.foreignKeys, [{ columns: ['user_id'], table: 'users', referencedColumns: ['id'] }]);
    const status = subscriptions.columns.find((c) => c.name === 'status')!;
    assert.deepEqual([status.kind, status.enumName, status.comment], ['enum', 'SubscriptionStatus', 'active = paying']);
    const audit = findTable(schema, 'audit_events')!;
    assert.deepEqual(audit.columns.map((c) => [c.kind, c.generated]), [['bigint', true], ['json', false]]);
  });

  it('compared with the code: a column in the code missing in the database is a warning; extra database tables are notes', async () => {
    const code = await loadSchema(join(FIXTURES, 'sql-prisma'));
    assert.equal(code.kind, 'ok');
    assert.ok(code.kind === 'ok');
    const before = await introspectDatabase(database);
    assert.ok(before.kind === 'ok');
    const same = compareSchemas(code.schema, before.value);
    assert.deepEqual(same.warnings, []);
    assert.deepEqual(same.notes, ['1 table(s) in the database the code does not declare: audit_events']);
    await live.db.exec('ALTER TABLE logins DROP COLUMN logged_in_at; ALTER TABLE users ADD COLUMN nickname text');
    try {
      const after = await introspectDatabase(database);
      assert.ok(after.kind === 'ok');
      const drift = compareSchemas(code.schema, after.value);
      assert.deepEqual(drift.warnings, ['column logins.logged_in_at (prisma/schema.prisma:40) is not in the database']);
      assert.ok(drift.notes.includes('table users has column(s) in the database the code does not declare: nickname'), drift.notes.join('\n'));
    } finally {
      await live.db.exec('ALTER TABLE logins ADD COLUMN logged_in_at timestamptz NOT NULL DEFAULT now(); ALTER TABLE users DROP COLUMN nickname');
    }
  });
});
