import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLlm } from '../../../src/core/gateway/createLlm';
import { silentLogger } from '../../../src/core/util/logger';
import { EmbeddedEngines } from '../../../src/core/sql/embedded/embeddedEngines';
import { generateQuery } from '../../../src/core/sql/generateQuery';
import { FakeLlmServer } from '../../support/fakeLlmServer';
import { settingsFor } from '../../support/llmTestKit';
import { postgresWeekly, sqlAnswerText, TIME_ZONE, WEEKLY_EXPECTED, WEEKLY_QUESTION } from '../../support/sqlAnswers';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

describe('sql: generateQuery on the Drizzle and TypeORM fixtures (one warm PGlite)', function () {
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
    { fixture: 'sql-drizzle', path: 'src/db/weeklyPayingWednesdayLogins.ts', body: /const result = await db\.execute\(sql`\n\s+SELECT date_trunc\('week', timezone\(\$\{params\.timeZone\}, l\.logged_in_at\)\)/, test: /import \{ drizzle \} from 'drizzle-orm\/pglite';[\s\S]*from '\.\/weeklyPayingWednesdayLogins\.js'[\s\S]*expect\(plain\(await weeklyPayingWednesdayLogins\(db, PARAMS\)\)\)\.toEqual\(EXPECTED\)/ },
    { fixture: 'sql-typeorm', path: 'src/queries/weeklyPayingWednesdayLogins.ts', body: /return \(await db\.query\(`SELECT[\s\S]*\$1[\s\S]*`, \[params\.timeZone, params\.status, params\.weekday, params\.fromHour\]\)\) as WeeklyPayingWednesdayLoginsRow\[\];/, test: /from '\.\/weeklyPayingWednesdayLogins'[\s\S]*\}, 120000\);/ },
  ];
  for (const c of cases) {
    it(`${c.fixture}: proven rows, the function written the project's way, and a test in its runner`, async () => {
      server.enqueue({ kind: 'text', text: sqlAnswerText(postgresWeekly.json, postgresWeekly.sql) });
      const client = createLlm({ llm: settingsFor(server) }, silentLogger);
      const result = await generateQuery(client, engines, { root: join(FIXTURES, c.fixture), question: WEEKLY_QUESTION, timeZone: TIME_ZONE, allowWrites: false });
      assert.equal(result.kind, 'ok', JSON.stringify(result));
      const value = (result).value;
      assert.deepEqual(value.query.proof?.rows, WEEKLY_EXPECTED);
      const fn = value.changeSet.files.find((f) => f.path === c.path);
      assert.ok(fn, value.changeSet.files.map((f) => f.path).join(', '));
      assert.match(fn.after, c.body);
      assert.match(fn.after, /export interface WeeklyPayingWednesdayLoginsRow \{\n {2}week: Date;\n {2}paying_users: number;\n\}/);
      const test = value.changeSet.files.find((f) => f.path === c.path.replace(/\.ts$/, '.test.ts'));
      assert.match(test?.after ?? '', c.test);
      assert.equal(fn.before, undefined);
      // The fixtures have no node_modules: only a missing drizzle-orm may be reported.
      assert.deepEqual((fn.diagnostics ?? []).filter((d) => d.code !== 2307), [], 'the function type-checks');
    });
  }
});
