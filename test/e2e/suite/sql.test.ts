// "Routecraft: Generate Query" inside code-server's real extension host, on a copy of the
// sql-migrations fixture (SQLite migrations, Knex raw queries, mocha; node_modules linked to the
// repository's, so the type check is real). scripts/run-e2e.mjs runs this file in a window of its own
// (separateHostSuites). The fake LLM answers with the scripted answers of test/support/sqlAnswers.ts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FakeLlmServer } from '../../support/fakeLlmServer';
import { snapshotTree } from '../../support/snapshotTree';
import { badAnswers, sqlAnswerText, sqliteWeekly, WEEKLY_QUESTION } from '../../support/sqlAnswers';
import { APPLY, reviewFiles, reviewShowing, waitFor } from './reviewDriver';

const GENERATE = 'routecraft.generateQuery';
const FUNCTION_FILE = 'src/weeklyPayingWednesdayLogins.ts';
const TEST_FILE = 'test/weeklyPayingWednesdayLogins.test.ts';

type Outcome =
  | { readonly kind: 'applied'; readonly written: readonly string[]; readonly skipped: readonly string[] }
  | { readonly kind: 'discarded' | 'stale' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'questions'; readonly questions: readonly string[] };

function root(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test window has the sql-migrations copy open');
  return folder.uri.fsPath;
}

function chats(llm: FakeLlmServer): number {
  return llm.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
}

/** The proof shown beside the SQL: the read-only Markdown document behind the preview. */
function proofDocument(): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'routecraft-query' && d.getText().includes('```sql'));
}

/** The Markdown preview tab of the proof. */
function proofPreviewShowing(): boolean {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.label === 'Preview weeklyPayingWednesdayLogins.md');
}

describe('Generate Query in a real VS Code (extension host)', function () {
  this.timeout(180_000);
  let llm: FakeLlmServer;

  before(async function () {
    llm = await FakeLlmServer.start();
    const config = vscode.workspace.getConfiguration('routecraft');
    for (const [key, value] of Object.entries({ 'llm.baseUrl': llm.baseUrl, 'llm.model': 'fake-model', 'llm.maxRetries': 0, 'llm.timeoutSeconds': 30, 'sql.timeZone': 'Asia/Shanghai' })) {
      await config.update(key, value, vscode.ConfigurationTarget.Global);
    }
    assert.ok(fs.existsSync(path.join(root(), 'node_modules', 'sql.js')), 'the fixture copy has node_modules (sql.js)');
    assert.ok(fs.existsSync(path.join(root(), 'migrations', '001_init.sql')), 'the fixture copy has its migrations');
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await llm.close();
  });

  it('question → SQL proven on sql.js, result table beside it → function + test in the review → Apply writes them', async function () {
    const before = snapshotTree(root());
    llm.enqueue({ kind: 'text', chunkSize: 256, text: sqlAnswerText(sqliteWeekly.json, sqliteWeekly.sql) });
    const requests = chats(llm);

    let settled = false;
    const pending = Promise.resolve(vscode.commands.executeCommand<Outcome>(GENERATE, WEEKLY_QUESTION)).finally(() => { settled = true; });
    const started = Date.now();
    await waitFor('the review (a proposal diff) or the end of the command', () => settled || reviewShowing(), 120_000);
    console.log(`      review after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (settled) {
      assert.fail(`the command ended without a review: ${JSON.stringify(await pending)}`);
    }
    assert.equal(chats(llm) - requests, 1, 'one chat request');
    const body = JSON.stringify(llm.requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1)?.body);
    assert.match(body, /logged_in_at/, 'the prompt carries the schema read from the migrations');
    assert.match(body, /Asia\/Shanghai/, 'the prompt carries the time zone setting');

    // The proof beside the SQL: the query, its parameters and the rows sql.js returned.
    const proof = proofDocument();
    assert.ok(proof, 'the SQL and its result are shown');
    const markdown = proof.getText();
    assert.match(markdown, /strftime\('%w', l\.logged_in_at, :timeZoneOffset\)/);
    assert.match(markdown, /\*\*Result on sql\.js \(SQLite\)\*\* with fixture rows \(3 users, 3 subscriptions, 8 logins\)/);
    assert.match(markdown, /\| week \| paying_users \|\n\| --- \| --- \|\n\| 2026-11-02 \| 1 \|\n\| 2026-11-09 \| 2 \|/);
    assert.ok(proofPreviewShowing(), `the Markdown preview is open beside: ${JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label))}`);

    const files = reviewFiles();
    assert.deepEqual([...files.keys()].sort(), ['package.json', FUNCTION_FILE, TEST_FILE].sort(), 'the review shows the function, its test and the devDependencies');
    assert.deepEqual(snapshotTree(root()), before, 'nothing written before Apply');
    const proposed = (await vscode.workspace.openTextDocument(files.get(FUNCTION_FILE)!.modified)).getText();
    assert.match(proposed, /export async function weeklyPayingWednesdayLogins\(db: /);
    assert.match(proposed, /db\.raw\(/, 'written the way the project writes queries (Knex raw with bindings)');

    while (!settled) {
      await vscode.commands.executeCommand(APPLY);
      await new Promise((r) => setTimeout(r, 250));
    }
    const outcome = await pending;
    assert.equal(outcome?.kind, 'applied', JSON.stringify(outcome));
    assert.ok(outcome?.kind === 'applied');
    assert.deepEqual([...outcome.written].sort(), ['package.json', FUNCTION_FILE, TEST_FILE].sort());
    const written = fs.readFileSync(path.join(root(), FUNCTION_FILE), 'utf8');
    assert.equal(written, proposed, 'the applied function is the reviewed one');
    const test = fs.readFileSync(path.join(root(), TEST_FILE), 'utf8');
    assert.match(test, /import initSqlJs from 'sql\.js'/);
    assert.match(test, /"week": "2026-11-09",\s*"paying_users": 2/);
    assert.match(fs.readFileSync(path.join(root(), 'package.json'), 'utf8'), /"sql\.js": "\^1\.17\.0"/);
  });

  for (const name of ['unknown column', 'a DELETE']) {
    it(`a bad answer (${name}), twice → refused after one repair turn with a clear error, nothing written`, async function () {
      const bad = badAnswers.find((b) => b.name === name);
      assert.ok(bad);
      // Same tables as the good answer, so only the named mistake is refused.
      const sql = name === 'a DELETE' ? bad.sql : sqliteWeekly.sql.replace("l.logged_in_at, :timeZoneOffset) >= :fromHour", 'l.login_time, :timeZoneOffset) >= :fromHour');
      const refusal = name === 'a DELETE' ? bad.refusal : /unknown column "l\.login_time"/;
      const text = sqlAnswerText(sqliteWeekly.json, sql);
      llm.enqueue({ kind: 'text', chunkSize: 256, text });
      llm.enqueue({ kind: 'text', chunkSize: 256, text });
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const before = snapshotTree(root());
      const requests = chats(llm);

      // Another question than the first test's, so the response cache cannot answer it.
      const outcome = await vscode.commands.executeCommand<Outcome>(GENERATE, `${WEEKLY_QUESTION} (${name})`);

      assert.equal(outcome?.kind, 'failed', JSON.stringify(outcome));
      assert.ok(outcome?.kind === 'failed');
      assert.match(outcome.message, /refused after one repair turn; nothing was changed/);
      assert.match(outcome.message, refusal);
      assert.equal(chats(llm) - requests, 2, 'the answer and one repair turn');
      const repair = JSON.stringify(llm.requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1)?.body);
      assert.match(repair, /Your answer was refused/, 'the repair turn quotes the errors');
      assert.deepEqual(snapshotTree(root()), before, 'no file created or changed');
      assert.equal(reviewShowing(), false, 'no review');
      assert.equal(proofPreviewShowing(), false, 'no result shown');
    });
  }
});
