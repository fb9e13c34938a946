import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { FakeLlmServer } from '../support/fakeLlmServer';
import { snapshotTree } from '../support/snapshotTree';
import { badAnswers, postgresWeekly, sqlAnswerText, sqliteWeekly, TIME_ZONE, WEEKLY_QUESTION } from '../support/sqlAnswers';

const REPO = join(import.meta.dirname, '..', '..');
const FIXTURES = join(REPO, 'test', 'fixtures');

/** A copy of a fixture under test/fixtures/.work whose node_modules is the repository's (PGlite, sql.js, mocha, tsx). */
function workspace(name: string): string {
  const target = join(FIXTURES, '.work', `${name}-cli`);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(join(FIXTURES, name), target, { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(target, 'node_modules'), 'dir');
  return target;
}

async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, env, cwd: REPO, signal: new AbortController().signal });
  return { code, out, err };
}

const WEEK_ROWS = /week\s+\| paying_users\n-+-\+-+\n2026-11-02T00:00:00\.000Z \| 1\n2026-11-09T00:00:00\.000Z \| 2/;

describe('routecraft sql (CLI)', function () {
  this.timeout(300_000);
  let llm: FakeLlmServer;
  beforeEach(async () => {
    llm = await FakeLlmServer.start();
  });
  afterEach(async () => {
    await llm.close();
  });
  const env = (): NodeJS.ProcessEnv => ({ OPENAI_BASE_URL: llm.baseUrl });

  it('sql-prisma: the weekly question is proven on PGlite, written with --write, and the function, its test and the devDependency written', async () => {
    const root = workspace('sql-prisma');
    llm.enqueue({ kind: 'text', text: sqlAnswerText(postgresWeekly.json, postgresWeekly.sql) });
    const wrote = await cli(['sql', WEEKLY_QUESTION, '--project', root, '--time-zone', TIME_ZONE, '--write'], env());
    assert.equal(wrote.code, 0, wrote.err);
    assert.match(wrote.out, WEEK_ROWS);
    assert.match(wrote.out, /:timeZone = "Asia\/Shanghai"/);
    assert.match(wrote.out, /\+\+\+ b\/src\/weeklyPayingWednesdayLogins\.ts/);
    assert.match(wrote.out, /db\.\$queryRaw<WeeklyPayingWednesdayLoginsRow\[\]>`/);
    assert.match(wrote.out, /\+\+\+ b\/test\/weeklyPayingWednesdayLogins\.test\.ts/);
    assert.doesNotMatch(wrote.err, /error TS/);
    assert.match(JSON.stringify(llm.requests[0]?.body), /TABLE logins/);
    assert.match(wrote.err, /Wrote 3 file\(s\)/);
    assert.match(readFileSync(join(root, 'package.json'), 'utf8'), /"@electric-sql\/pglite"/);
    // The generated test runs in the project's runner in test/generation/sqlQuery.test.ts.
  });

  it('sql-migrations (SQLite, Knex): proven on sql.js and written', async () => {
    const root = workspace('sql-migrations');
    llm.enqueue({ kind: 'text', text: sqlAnswerText(sqliteWeekly.json, sqliteWeekly.sql) });
    const r = await cli(['sql', WEEKLY_QUESTION, '--project', root, '--time-zone', TIME_ZONE, '--write'], env());
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /2026-11-02 \| 1\n2026-11-09 \| 2/);
    assert.match(r.out, /db\.raw\(`SELECT/);
    assert.match(r.err, /fact: knex queries as in src\/db\.ts/);
    assert.ok(existsSync(join(root, 'test', 'weeklyPayingWednesdayLogins.test.ts')), r.out);
  });

  for (const bad of badAnswers) {
    it(`refuses ${bad.name} after one repair turn, writing nothing`, async () => {
      const root = workspace('sql-prisma');
      const before = snapshotTree(root);
      const text = sqlAnswerText(postgresWeekly.json, bad.sql);
      llm.enqueue({ kind: 'text', text }, { kind: 'text', text });
      const r = await cli(['sql', WEEKLY_QUESTION, '--project', root, '--time-zone', TIME_ZONE, '--write'], env());
      assert.equal(r.code, 1, r.err);
      assert.match(r.err, /refused after one repair turn; nothing was written/);
      assert.match(r.err, bad.refusal);
      assert.equal(llm.requests.length, 2, 'one answer and one repair turn');
      assert.match(JSON.stringify(llm.requests[1]?.body), /Your answer was refused/);
      assert.deepEqual(snapshotTree(root), before);
    });
  }

  it('a wrong first answer repaired by the second is proven (SQLite)', async () => {
    const root = workspace('sql-migrations');
    const wrong = sqliteWeekly.sql.replace("strftime('%H', l.logged_in_at", "strftime('%H', l.login_time");
    llm.enqueue({ kind: 'text', text: sqlAnswerText(sqliteWeekly.json, wrong) }, { kind: 'text', text: sqlAnswerText(sqliteWeekly.json, sqliteWeekly.sql) });
    const r = await cli(['sql', WEEKLY_QUESTION, '--project', root, '--time-zone', TIME_ZONE], env());
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /after one repair turn/);
    assert.match(JSON.stringify(llm.requests[1]?.body), /unknown column \\"l\.login_time\\"/);
    assert.match(r.out, /2026-11-02 \| 1\n2026-11-09 \| 2/);
  });

  it('a model that asks a question gets exit 2, and a bad --time-zone or --dialect is bad usage', async () => {
    const root = workspace('sql-prisma');
    llm.enqueue({ kind: 'text', text: sqlAnswerText({ functionName: 'x', questions: ['Which column marks a paying user?'] }, undefined) });
    const asked = await cli(['sql', WEEKLY_QUESTION, '--project', root], env());
    assert.equal(asked.code, 2);
    assert.match(asked.err, /Which column marks a paying user\?/);
    assert.equal((await cli(['sql', 'q', '--project', root, '--time-zone', 'Mars/Olympus'], env())).code, 2);
    assert.equal((await cli(['sql', 'q', '--project', root, '--dialect', 'oracle'], env())).code, 2);
  });

  it('--dry-run prints the redacted prompt with only the schema, and sends nothing', async () => {
    const r = await cli(['sql', WEEKLY_QUESTION, '--project', join(FIXTURES, 'sql-typeorm'), '--dry-run', '--time-zone', TIME_ZONE], env());
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /TABLE subscriptions/);
    assert.match(r.out, /status enum subscription_status NOT NULL -- active means paying/);
    assert.equal(llm.requests.length, 0);
  });
});
