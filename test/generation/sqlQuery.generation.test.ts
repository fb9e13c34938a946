import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { FakeLlmServer } from '../support/fakeLlmServer';
import { postgresWeekly, sqlAnswerText, sqliteWeekly, TIME_ZONE, WEEKLY_QUESTION } from '../support/sqlAnswers';

const REPO = join(import.meta.dirname, '..', '..');
const FIXTURES = join(REPO, 'test', 'fixtures');

/** A fixture copy whose node_modules is the repository's (PGlite, sql.js, mocha, tsx, @types). */
function workspace(name: string): string {
  const target = join(FIXTURES, '.work', `${name}-generation`);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(join(FIXTURES, name), target, { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(target, 'node_modules'), 'dir');
  return target;
}

async function writeQuery(root: string, server: FakeLlmServer, answer: { json: unknown; sql: string }): Promise<void> {
  server.enqueue({ kind: 'text', text: sqlAnswerText(answer.json, answer.sql) });
  let err = '';
  const code = await runCli(['sql', WEEKLY_QUESTION, '--project', root, '--time-zone', TIME_ZONE, '--write'], {
    stdout: { write: () => true }, stderr: { write: (t: string) => (err += t) }, env: { OPENAI_BASE_URL: server.baseUrl }, cwd: REPO, signal: new AbortController().signal,
  });
  assert.equal(code, 0, err);
  assert.doesNotMatch(err, /error TS/);
}

describe('generation: routecraft sql writes a test that passes in the project\'s own runner', function () {
  this.timeout(600_000);
  let server: FakeLlmServer;
  before(async () => {
    server = await FakeLlmServer.start();
  });
  after(async () => {
    await server.close();
  });

  it('sql-prisma: the $queryRaw function, tested with node:test on PGlite', async () => {
    const root = workspace('sql-prisma');
    await writeQuery(root, server, postgresWeekly);
    const tsc = spawnSync(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', '.'], { cwd: root, encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout);
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', 'test/weeklyPayingWednesdayLogins.test.ts'], { cwd: root, encoding: 'utf8', timeout: 480_000 });
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /# pass 1/);
  });

  it('sql-migrations: the Knex raw function, tested with mocha on sql.js', async () => {
    const root = workspace('sql-migrations');
    await writeQuery(root, server, sqliteWeekly);
    const run = spawnSync(process.execPath, [join(REPO, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--no-config', '--import=tsx', 'test/weeklyPayingWednesdayLogins.test.ts'], { cwd: root, encoding: 'utf8', timeout: 240_000 });
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /1 passing/);
  });
});
