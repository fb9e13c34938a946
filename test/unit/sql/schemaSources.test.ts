import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLlm } from '../../../src/core/gateway/createLlm';
import { silentLogger } from '../../../src/core/util/logger';
import { EmbeddedEngines } from '../../../src/core/sql/embedded/embeddedEngines';
import { generateQuery } from '../../../src/core/sql/generateQuery';
import { sqliteFixedOffsetProblem } from '../../../src/core/sql/timeZone';
import { FakeLlmServer } from '../../support/fakeLlmServer';
import { settingsFor } from '../../support/llmTestKit';
import { postgresWeekly, sqlAnswerText, sqliteWeekly, TIME_ZONE, WEEKLY_EXPECTED, WEEKLY_QUESTION } from '../../support/sqlAnswers';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

describe('sql: the issue\'s question proven on the Knex, Sequelize and MikroORM fixtures, and across a DST change (one warm PGlite)', function () {
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
  // America/New_York leaves daylight saving time on Sunday 2026-11-01 (UTC-4 → UTC-5).
  const acrossDst = {
    json: {
      ...postgresWeekly.json,
      rows: {
        ...postgresWeekly.json.rows,
        logins: [
          { id: 1, user_id: 1, logged_in_at: '2026-10-28T19:30:00Z' }, // Wed 15:30 EDT: counts (week of Oct 26)
          { id: 2, user_id: 3, logged_in_at: '2026-11-04T19:30:00Z' }, // Wed 14:30 EST: too early (15:30 with the summer offset)
          { id: 3, user_id: 1, logged_in_at: '2026-11-04T20:00:00Z' }, // Wed 15:00 EST: counts (week of Nov 2)
        ],
      },
      expected: [
        { week: '2026-10-26T00:00:00.000Z', paying_users: 1 },
        { week: '2026-11-02T00:00:00.000Z', paying_users: 1 },
      ],
    },
    sql: postgresWeekly.sql,
  };

  it('Postgres across the DST change (America/New_York): each row in its own offset, from PGlite\'s time-zone data', async () => {
    server.enqueue({ kind: 'text', text: sqlAnswerText(acrossDst.json, acrossDst.sql) });
    const client = createLlm({ llm: settingsFor(server) }, silentLogger);
    const result = await generateQuery(client, engines, { root: join(FIXTURES, 'sql-mikro-orm'), question: `${WEEKLY_QUESTION} (New York)`, timeZone: 'America/New_York', allowWrites: false });
    assert.equal(result.kind, 'ok', JSON.stringify(result));
    assert.ok(result.kind === 'ok');
    assert.deepEqual(result.value.query.proof?.rows, acrossDst.json.expected);
  });

  it('SQLite with a zone that has DST (America/New_York): refused with a clear message, nothing proposed, no repair turn', async () => {
    server.enqueue({ kind: 'text', text: sqlAnswerText(sqliteWeekly.json, sqliteWeekly.sql) });
    const chats = (): number => server.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
    const before = chats();
    const client = createLlm({ llm: settingsFor(server) }, silentLogger);
    const result = await generateQuery(client, engines, { root: join(FIXTURES, 'sql-knex'), question: `${WEEKLY_QUESTION} (New York, SQLite)`, timeZone: 'America/New_York', allowWrites: false });
    assert.equal(result.kind, 'failed', JSON.stringify(result));
    assert.ok(result.kind === 'failed');
    assert.match(result.message, /America\/New_York changes its UTC offset in 2026 \(UTC-05:00 in January, UTC-04:00 in July\), and SQLite has no time zones/);
    assert.match(result.message, /Nothing was generated/);
    assert.equal(chats() - before, 1, 'no repair turn: the model cannot fix SQLite');
  });

  it('sqliteFixedOffsetProblem: zones without DST pass, zones with DST are named with both offsets', () => {
    const dates = [new Date('2026-11-04T07:00:00Z')];
    assert.equal(sqliteFixedOffsetProblem('Asia/Shanghai', dates), undefined);
    assert.equal(sqliteFixedOffsetProblem('UTC', dates), undefined);
    assert.match(sqliteFixedOffsetProblem('Europe/Paris', dates) ?? '', /UTC\+01:00 in January, UTC\+02:00 in July/);
    assert.match(sqliteFixedOffsetProblem('Australia/Sydney', dates) ?? '', /UTC\+11:00 in January, UTC\+10:00 in July/);
  });

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
