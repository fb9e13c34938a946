import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { FakeLlmServer } from '../support/fakeLlmServer';
import { LIVE_DDL, startLiveDatabase, type LiveTestDatabase } from '../support/liveDatabase';
import { postgresWeekly, sqlAnswerText, TIME_ZONE, WEEKLY_QUESTION } from '../support/sqlAnswers';

const REPO = join(import.meta.dirname, '..', '..');
const PRISMA = join(REPO, 'test', 'fixtures', 'sql-prisma');

async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, env, cwd: REPO, signal: new AbortController().signal });
  return { code, out, err };
}

describe('routecraft sql --database-env (a live Postgres, read-only, on a real wire server)', function () {
  this.timeout(120_000);
  let llm: FakeLlmServer;
  let live: LiveTestDatabase;
  before(async () => {
    live = await startLiveDatabase(LIVE_DDL);
  });
  after(async () => {
    await live.close();
  });
  beforeEach(async () => {
    llm = await FakeLlmServer.start();
  });
  afterEach(async () => {
    await llm.close();
  });

  it('--introspect --explain: compares the schemas, proves the query, then prints its plan on the database; the connection string goes nowhere', async () => {
    llm.enqueue({ kind: 'text', text: sqlAnswerText(postgresWeekly.json, postgresWeekly.sql) });
    const r = await cli(['sql', WEEKLY_QUESTION, '--project', PRISMA, '--time-zone', TIME_ZONE, '--database-env', 'APP_DB', '--introspect', '--explain'], { OPENAI_BASE_URL: llm.baseUrl, APP_DB: live.url });
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /Introspected 4 table\(s\), 1 enum\(s\) from \$APP_DB \(read-only\) in \d+ ms/);
    assert.match(r.err, /note: 1 table\(s\) in the database the code does not declare: audit_events/);
    assert.match(r.out, /EXPLAIN on \$APP_DB \(planned, not run; read-only, rolled back\), \d+ ms:\n {2}Limit[\s\S]*logins/);
    assert.match(r.out, /2026-11-09T00:00:00\.000Z \| 2/, 'still proven on PGlite with fixture rows');
    for (const text of [r.out, r.err, JSON.stringify(llm.requests)]) {
      assert.doesNotMatch(text, new RegExp(live.password));
      assert.doesNotMatch(text, /postgres:\/\/routecraft/);
    }
  });

  it('a dead database: a clear error before the model is asked, and the variable named but unset is bad usage', async () => {
    const dead = await cli(['sql', WEEKLY_QUESTION, '--project', PRISMA, '--time-zone', TIME_ZONE, '--database-env', 'APP_DB', '--introspect'], { OPENAI_BASE_URL: llm.baseUrl, APP_DB: `postgres://u:${live.password}@127.0.0.1:1/app` });
    assert.equal(dead.code, 1);
    assert.match(dead.err, /introspection failed: APP_DB: cannot reach the database/);
    assert.doesNotMatch(dead.err, new RegExp(live.password));
    const unset = await cli(['sql', WEEKLY_QUESTION, '--project', PRISMA, '--database-env', 'APP_DB', '--explain'], { OPENAI_BASE_URL: llm.baseUrl });
    assert.equal(unset.code, 2);
    assert.match(unset.err, /APP_DB is not set/);
    const noName = await cli(['sql', WEEKLY_QUESTION, '--project', PRISMA, '--explain'], { OPENAI_BASE_URL: llm.baseUrl, DATABASE_URL: live.url });
    assert.equal(noName.code, 2);
    assert.match(noName.err, /--explain needs --database-env NAME/);
    assert.equal(llm.requests.length, 0);
  });
});
