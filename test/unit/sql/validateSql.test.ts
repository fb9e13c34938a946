import assert from 'node:assert/strict';
import { join } from 'node:path';
import { checkAnswer } from '../../../src/core/sql/checkAnswer';
import { toPositional } from '../../../src/core/sql/positionalSql';
import { loadSchema } from '../../../src/core/sql/schema/loadSchema';
import type { SchemaModel } from '../../../src/core/sql/schema/schemaModel';
import { validateSql } from '../../../src/core/sql/validateSql';
import { badAnswers, postgresWeekly, sqlAnswerText, TIME_ZONE } from '../../support/sqlAnswers';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

describe('sql: checking an answer before anything runs', () => {
  let schema: SchemaModel;
  before(async () => {
    const lookup = await loadSchema(join(FIXTURES, 'sql-prisma'));
    assert.equal(lookup.kind, 'ok');
    schema = (lookup as { schema: SchemaModel }).schema;
  });
  const check = (sql: string, parameters: string[] = [], allowWrites = false) => validateSql({ sql, dialect: 'postgres', schema, parameters, allowWrites, timeZone: TIME_ZONE });

  it('accepts the good weekly answer, with its parameters in order of use', () => {
    const result = checkAnswer(sqlAnswerText(postgresWeekly.json, postgresWeekly.sql), { dialect: 'postgres', schema, allowWrites: false, timeZone: TIME_ZONE });
    assert.equal(result.kind, 'ok', JSON.stringify(result));
    const value = (result).value;
    assert.deepEqual(value.check.usedParameters, ['timeZone', 'status', 'weekday', 'fromHour']);
    assert.deepEqual(value.check.warnings, []);
  });

  for (const bad of badAnswers) {
    it(`refuses ${bad.name}`, () => {
      const result = checkAnswer(sqlAnswerText(postgresWeekly.json, bad.sql), { dialect: 'postgres', schema, allowWrites: false, timeZone: TIME_ZONE });
      assert.equal(result.kind, 'invalid');
      assert.match((result as { errors: readonly string[] }).errors.join('\n'), bad.refusal);
    });
  }

  it('a write passes only when writes are allowed', () => {
    assert.deepEqual(check('DELETE FROM logins WHERE user_id = :id', ['id'], true).errors, []);
    assert.equal(check('DELETE FROM logins WHERE user_id = :id', ['id'], true).statement, 'delete');
    assert.match(check('DROP TABLE users', [], true).errors.join(), /never generated|does not parse/);
  });

  it('needs a LIMIT on open-ended reads but not on a single aggregate row', () => {
    assert.match(check('SELECT id FROM users').errors.join(), /LIMIT/);
    assert.deepEqual(check('SELECT count(*) AS n FROM users').errors, []);
  });

  it('a join off the foreign keys is a warning; an undeclared parameter is an error', () => {
    assert.match(check('SELECT u.id FROM users u JOIN logins l ON l.id = u.id LIMIT 5').warnings.join(), /follows no foreign key/);
    assert.match(check('SELECT id FROM users WHERE id = :id LIMIT 5').errors.join(), /:id is used in the SQL but not declared/);
  });

  it('an answer with questions and no SQL asks instead of guessing', () => {
    const result = checkAnswer(sqlAnswerText({ functionName: 'x', questions: ['Which column says a user pays?'] }, undefined), { dialect: 'postgres', schema, allowWrites: false, timeZone: TIME_ZONE });
    assert.equal(result.kind, 'questions');
  });

  it('fixture rows are checked against the schema', () => {
    const json = { ...postgresWeekly.json, rows: { logins: [{ id: 1, user_id: 1, logged_in_at: 'yesterday' }], payments: [{ id: 1 }] } };
    const result = checkAnswer(sqlAnswerText(json, postgresWeekly.sql), { dialect: 'postgres', schema, allowWrites: false, timeZone: TIME_ZONE });
    assert.equal(result.kind, 'invalid');
    const errors = (result as { errors: readonly string[] }).errors.join('\n');
    assert.match(errors, /rows\.payments: unknown table/);
    assert.match(errors, /rows\.logins\[0\]\.logged_in_at: expects an ISO date\/time/);
  });

  it(':name placeholders become $n (repeated names reused) or ?, leaving casts and strings alone', () => {
    assert.deepEqual(toPositional("SELECT count(*)::int, ':no' FROM t WHERE a = :x AND b = :y OR c = :x", 'postgres'), { text: "SELECT count(*)::int, ':no' FROM t WHERE a = $1 AND b = $2 OR c = $1", order: ['x', 'y'] });
    assert.deepEqual(toPositional('SELECT 1 FROM t WHERE a = :x AND c = :x', 'sqlite'), { text: 'SELECT 1 FROM t WHERE a = ? AND c = ?', order: ['x', 'x'] });
  });
});
