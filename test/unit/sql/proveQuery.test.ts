import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAnswer } from '../../../src/core/sql/checkAnswer';
import { EmbeddedEngines } from '../../../src/core/sql/embedded/embeddedEngines';
import { proveQuery } from '../../../src/core/sql/embedded/proveQuery';
import { loadSchema } from '../../../src/core/sql/schema/loadSchema';
import type { SchemaModel, SqlDialect } from '../../../src/core/sql/schema/schemaModel';
import { sqliteOffsetModifier } from '../../../src/core/sql/timeZone';
import { postgresWeekly, sqlAnswerText, sqliteWeekly, TIME_ZONE, WEEKLY_EXPECTED } from '../../support/sqlAnswers';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

async function schemaOf(name: string): Promise<SchemaModel> {
  const lookup = await loadSchema(join(FIXTURES, name));
  assert.equal(lookup.kind, 'ok');
  return (lookup as { schema: SchemaModel }).schema;
}

async function run(engines: EmbeddedEngines, fixture: string, dialect: SqlDialect, answer: { json: unknown; sql: string }, timeZone = TIME_ZONE) {
  const schema = await schemaOf(fixture);
  const checked = checkAnswer(sqlAnswerText(answer.json, answer.sql), { dialect, schema, allowWrites: false, timeZone });
  assert.equal(checked.kind, 'ok', JSON.stringify(checked));
  const value = (checked).value;
  const parameters = { timeZone, timeZoneOffset: sqliteOffsetModifier(timeZone), ...Object.fromEntries(value.answer.parameters.map((p) => [p.name, p.value])) };
  return proveQuery(engines, { schema, dialect, rows: value.rows, sql: value.sql, parameters });
}

describe('sql: proven on an embedded database', function () {
  this.timeout(180_000);
  const engines = new EmbeddedEngines({ cacheDir: join(tmpdir(), 'routecraft-test-pglite') });
  after(() => engines.close());

  for (const fixture of ['sql-prisma', 'sql-drizzle', 'sql-typeorm']) {
    it(`${fixture}: the weekly Wednesday-after-3-pm count on PGlite, in Asia/Shanghai`, async () => {
      const result = await run(engines, fixture, 'postgres', postgresWeekly);
      assert.equal(result.kind, 'ok', JSON.stringify(result));
      const proof = (result).proof;
      assert.deepEqual(proof.rows, WEEKLY_EXPECTED);
      assert.deepEqual(proof.inserted, { users: 3, subscriptions: 3, logins: 8 });
      assert.equal(proof.types['paying_users'], 'number');
    });
  }

  it('the same rows in UTC give a different answer (the time zone is really used)', async () => {
    const result = await run(engines, 'sql-prisma', 'postgres', postgresWeekly, 'UTC');
    assert.equal(result.kind, 'ok');
    assert.notDeepEqual((result).proof.rows, WEEKLY_EXPECTED);
  });

  it('sql-migrations: the SQLite version on sql.js, with the offset modifier', async () => {
    const result = await run(engines, 'sql-migrations', 'sqlite', sqliteWeekly);
    assert.equal(result.kind, 'ok', JSON.stringify(result));
    assert.deepEqual((result).proof.rows, sqliteWeekly.json.expected);
  });

  it('an engine error comes back as a failure, not a throw', async () => {
    const schema = await schemaOf('sql-prisma');
    const result = await proveQuery(engines, { schema, dialect: 'postgres', rows: [], sql: 'SELECT nosuch(1) AS x', parameters: {} });
    assert.equal(result.kind, 'failed');
    assert.match((result as { error: string }).error, /nosuch/);
  });

  it('MySQL is checked by the parser only, and says so', async () => {
    const schema = await schemaOf('sql-prisma');
    const result = await proveQuery(engines, { schema, dialect: 'mysql', rows: [], sql: 'SELECT 1', parameters: {} });
    assert.equal(result.kind, 'unsupported');
  });
});
