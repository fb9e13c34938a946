import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLlm } from '../../../src/core/gateway/createLlm';
import { silentLogger } from '../../../src/core/llm/types';
import { EmbeddedEngines } from '../../../src/core/sql/embedded/embeddedEngines';
import { generateQuery } from '../../../src/core/sql/generateQuery';
import { FakeLlmServer } from '../../support/fakeLlmServer';
import { settingsFor } from '../../support/llmTestKit';
import { postgresWeekly, sqlAnswerText, sqliteWeekly, TIME_ZONE, WEEKLY_EXPECTED, WEEKLY_QUESTION } from '../../support/sqlAnswers';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

describe('sql: the issue\'s question proven on the Knex, Sequelize and MikroORM fixtures (one warm PGlite)', function () {
  this.timeout(180_000);
  const engines = new EmbeddedEngines({ cacheDir: join(tmpdir(), 'routecraft-pglite') });
  let server: FakeLlmServer;
  before(async () => {
    server = await FakeLlmServer.start();
  });
  after(async () => {
    await server.close();
    await engines.close();
  });

  const cases = [
    { fixture: 'sql-knex', source: 'knex', dialect: 'sqlite', answer: sqliteWeekly, expected: sqliteWeekly.json.expected, path: 'src/weeklyPayingWednesdayLogins.ts', body: /await db\.raw\(`SELECT date\(l\.logged_in_at, \?, 'weekday 0', '-6 days'\) AS week/ },
    { fixture: 'sql-sequelize', source: 'sequelize', dialect: 'postgres', answer: postgresWeekly, expected: WEEKLY_EXPECTED, path: 'src/queries/weeklyPayingWednesdayLogins.ts', body: /db\.query\(`SELECT date_trunc\('week', timezone\(\$1, l\.logged_in_at\)\)/ },
    { fixture: 'sql-mikro-orm', source: 'mikro-orm', dialect: 'postgres', answer: postgresWeekly, expected: WEEKLY_EXPECTED, path: 'src/queries/weeklyPayingWednesdayLogins.ts', body: /db\.query\(`SELECT date_trunc/ },
  ] as const;
  for (const c of cases) {
    it(`${c.fixture}: schema from ${c.source}, the weekly question's rows on the embedded ${c.dialect} database, a typed function and its test`, async () => {
      server.enqueue({ kind: 'text', text: sqlAnswerText(c.answer.json, c.answer.sql) });
      const client = createLlm({ llm: settingsFor(server) }, silentLogger);
      const result = await generateQuery(client, engines, { root: join(FIXTURES, c.fixture), question: `${WEEKLY_QUESTION} (${c.fixture})`, timeZone: TIME_ZONE, allowWrites: false });
      assert.equal(result.kind, 'ok', JSON.stringify(result));
      assert.ok(result.kind === 'ok');
      assert.equal(result.value.schema.source, c.source);
      assert.equal(result.value.dialect, c.dialect, 'the dialect from package.json');
      assert.deepEqual(result.value.query.proof?.rows, c.expected);
      const fn = result.value.changeSet.files.find((f) => f.path === c.path);
      assert.ok(fn, result.value.changeSet.files.map((f) => f.path).join(', '));
      assert.match(fn.after, c.body);
      assert.deepEqual((fn.diagnostics ?? []).map((d) => d.message), [], 'the function type-checks');
      assert.ok(result.value.changeSet.files.some((f) => f.path.endsWith('weeklyPayingWednesdayLogins.test.ts')), 'and its test');
    });
  }
});
