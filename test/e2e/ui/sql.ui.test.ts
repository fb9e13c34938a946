// "Routecraft: Generate Query" driven like a person: F1, the command, the question typed into the input
// box, the time zone asked once, the SQL and its result table in the Markdown preview beside the editor,
// the data-layer function and its test in the multi-file review, Apply in the editor title. Then a bad
// answer (a DELETE, twice) ends in an error notification with nothing written. The project is a copy
// of the sql-migrations fixture (SQLite, Knex, mocha) with the repository's node_modules linked.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { prepareWorkspace } from '../../generation/fixtureWorkspace';
import { snapshotTree } from '../../support/snapshotTree';
import { badAnswers, sqlAnswerText, sqliteWeekly, WEEKLY_QUESTION } from '../../support/sqlAnswers';
import { repoRoot } from '../harness/paths';
import { waitForFileContent } from '../harness/files';
import { scrollUntilVisible } from '../harness/review';
import { runCommand, waitForTab, webviewContent } from '../harness/workbench';
import { useUiSession } from '../harness/uiSession';

const FUNCTION_FILE = path.join('src', 'weeklyPayingWednesdayLogins.ts');
const TEST_FILE = path.join('test', 'weeklyPayingWednesdayLogins.test.ts');

/** The project's files except the workspace settings (the time zone answer is saved there). */
function projectFiles(root: string): Record<string, string> {
  return Object.fromEntries(Object.entries(snapshotTree(root)).filter(([f]) => !f.startsWith('.vscode')));
}

/** Waits for the quick input whose text contains `hint`, types `value` and presses Enter. */
async function answerInput(page: Page, hint: string, value: string): Promise<void> {
  const widget = page.locator('.quick-input-widget', { hasText: hint });
  await widget.waitFor({ state: 'visible', timeout: 30_000 });
  await widget.locator('.quick-input-box input').fill(value);
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** F1 → "Routecraft: Generate Query" until its question box is up (it takes the palette's place). */
async function startGenerateQuery(page: Page): Promise<void> {
  await runCommand(page, 'Routecraft: Generate Query', 4, page.locator('.quick-input-widget', { hasText: 'Ask in words' }));
}

describe('Generate Query in the real editor (UI)', function () {
  this.timeout(300_000);
  const session = useUiSession({ workspace: () => prepareWorkspace('sql-migrations', 'e2e-sql-ui', path.join(repoRoot, 'node_modules')), label: 'sql' });
  const page = (): Page => session.page();

  it('F1 → "Routecraft: Generate Query" → the question → the time zone → SQL + result table beside it → function and test in the review → Apply writes them', async function () {
    const p = page();
    const root = session.workspace();
    const before = projectFiles(root);
    session.llm().enqueue({ kind: 'text', text: sqlAnswerText(sqliteWeekly.json, sqliteWeekly.sql), chunkSize: 128 });

    // A person in the project's data layer: src/db.ts opened from the explorer.
    await p.locator('.explorer-folders-view .monaco-list-row', { hasText: 'src' }).first().click();
    await p.locator('.explorer-folders-view .monaco-list-row', { hasText: 'db.ts' }).first().click();
    await waitForTab(p, 'db.ts', 30_000);
    await startGenerateQuery(p);
    await answerInput(p, 'Ask in words', WEEKLY_QUESTION);
    await answerInput(p, 'IANA zone', 'Asia/Shanghai');

    // The proof beside the editor: the Markdown preview with the SQL and the rows sql.js returned.
    await waitForTab(p, 'Preview weeklyPayingWednesdayLogins.md', 150_000).catch((e: unknown) => {
      throw new Error(`no proof preview; the fake LLM got ${session.llm().requests.length} request(s)`, { cause: e });
    });
    const preview = webviewContent(p);
    await preview.locator('code', { hasText: "strftime('%w', l.logged_in_at, :timeZoneOffset)" }).first().waitFor({ timeout: 90_000 });
    const table = preview.locator('table', { hasText: 'paying_users' }).last();
    await table.waitFor({ timeout: 30_000 });
    const cells = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    assert.deepEqual(cells, [['2026-11-02', '1'], ['2026-11-09', '2']], 'the result table shows the proven rows');

    // The review: the function and its test in the multi-file diff editor; nothing on disk yet.
    await waitForTab(p, 'Routecraft:', 60_000);
    const review = p.locator('.multiDiffEditor').first();
    await review.waitFor({ timeout: 60_000 });
    for (const name of ['weeklyPayingWednesdayLogins.ts', 'weeklyPayingWednesdayLogins.test.ts']) {
      await scrollUntilVisible(p, review, review.getByText(name, { exact: false }).first());
    }
    assert.deepEqual(projectFiles(root), before, 'nothing written before Apply');
    assert.match(fs.readFileSync(path.join(root, '.vscode', 'settings.json'), 'utf8'), /"routecraft\.sql\.timeZone": "Asia\/Shanghai"/, 'the time zone is saved once');

    await p.locator('.editor-actions .action-label[aria-label^="Apply Review"]').first().click();
    await review.waitFor({ state: 'hidden', timeout: 30_000 });
    const fn = await waitForFileContent(path.join(root, FUNCTION_FILE), (c) => c.includes('export async function weeklyPayingWednesdayLogins('));
    assert.match(fn, /db\.raw\(/, 'Knex raw with bindings, as the project writes queries');
    const test = await waitForFileContent(path.join(root, TEST_FILE), (c) => c.includes('EXPECTED'));
    assert.match(test, /"paying_users": 2/);
    // Apply ends by showing the function: wait for it, or it may take the focus from the next test's palette.
    await p.locator('.tabs-container .tab.active', { hasText: 'weeklyPayingWednesdayLogins.ts' }).waitFor({ timeout: 60_000 });
  });

  it('a DELETE answered twice → an error notification, nothing written', async function () {
    const p = page();
    const root = session.workspace();
    await p.keyboard.press('Escape');
    await runCommand(p, 'View: Close All Editors');
    const bad = badAnswers.find((b) => b.name === 'a DELETE');
    assert.ok(bad);
    const text = sqlAnswerText(sqliteWeekly.json, bad.sql);
    session.llm().enqueue({ kind: 'text', text });
    session.llm().enqueue({ kind: 'text', text });
    const before = projectFiles(root);
    const chats = (): number => session.llm().requests.filter((r) => r.path.endsWith('/chat/completions')).length;
    const requests = chats();

    await startGenerateQuery(p);
    await answerInput(p, 'Ask in words', 'delete the logins of canceled users');
    // The time zone is asked once; the first test answered it unless it ran alone.
    if (await p.locator('.quick-input-widget', { hasText: 'IANA zone' }).waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false)) {
      await answerInput(p, 'IANA zone', 'Asia/Shanghai');
    }

    // Toasts are off under the smoke-test driver: read the error in the notification center.
    const deadline = Date.now() + 90_000;
    while (chats() < requests + 2 && Date.now() < deadline) {
      await p.waitForTimeout(200);
    }
    await p.locator('[id="status.notifications"]').click();
    const item = p.locator('.notifications-center .notification-list-item', { hasText: 'refused after one repair turn' }).first();
    await item.waitFor({ timeout: 60_000 });
    assert.match(await item.innerText(), /writes data \(DELETE\)/);
    assert.ok(await item.locator('.codicon-error').count() > 0, 'it is an error notification');
    await p.keyboard.press('Escape');
    assert.equal(chats() - requests, 2, 'the answer and one repair turn');
    assert.deepEqual(projectFiles(root), before, 'nothing written');
    assert.equal(await p.locator('.multiDiffEditor').count(), 0, 'no review');
  });
});

