// "Routecraft: Explain Error" driven like a person: a stack trace selected in a log file, F1 → the
// command, the Explain panel with the cause and the evidence; its links open the file at the line;
// the fix from the notification opens the multi-file review and Apply writes it. A bad answer shows
// a clear error and writes nothing. The project is a fresh copy of test/fixtures/explain-demo; the
// fake OpenAI-compatible server runs in this process.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { prepareWorkspace } from '../../generation/fixtureWorkspace';
import { activeEditor, notificationInCenter, waitForCursor } from '../harness/editorState';
import { waitForFileContent } from '../harness/files';
import { runCommand, waitForTab, webviewContent } from '../harness/workbench';
import { useUiSession } from '../harness/uiSession';

const TRACE = [
  'RangeError: discount must be between 0 and 100, got 150',
  '    at applyDiscount (src/pricing.ts:9:11)',
  '    at orderTotal (src/pricing.ts:16:10)',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
].join('\n');

const CAUSE = 'orderTotal passes a discount of 150 percent to applyDiscount, which refuses values above 100.';

const ANSWER = [
  '```json',
  JSON.stringify({
    cause: CAUSE,
    evidence: [{ file: 'src/pricing.ts', line: 9, why: 'the RangeError' }, { file: 'src/pricing.ts', line: 900, why: 'an invented line' }],
    confidence: 'high',
    fix: { summary: 'Clamp the discount', edits: [{ file: 'src/pricing.ts', startLine: 16, endLine: 16 }] },
  }),
  '```',
  '```ts',
  '  return applyDiscount(subtotal, Math.min(100, Math.max(0, discountPercent)));',
  '```',
].join('\n');

/** A copy of explain-demo with a log file holding the trace between other lines. */
function workspace(): string {
  const dir = prepareWorkspace('explain-demo', 'e2e-explain-error-ui');
  fs.mkdirSync(path.join(dir, 'logs'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'logs', 'failure.log'), `${TRACE}\n`);
  return dir;
}

/** Opens the log from the Explorer and selects the whole trace with the keyboard. */
async function selectTrace(page: Page): Promise<void> {
  const rows = page.locator('.explorer-folders-view .monaco-list-row');
  const log = rows.filter({ hasText: /^failure\.log$/ }).first();
  if (!(await log.isVisible())) {
    await rows.filter({ hasText: /^logs$/ }).first().click();
  }
  await log.click();
  const editor = await activeEditor(page, 'failure.log');
  await editor.locator('.view-line', { hasText: 'RangeError' }).first().click();
  await page.keyboard.press('Control+A');
  await page.locator('.editor-group-container.active .monaco-editor .selected-text').first().waitFor({ timeout: 5_000 });
}

describe('Explain Error in the real editor (UI)', function () {
  this.timeout(240_000);
  const session = useUiSession({ workspace, label: 'explain-error' });
  const page = (): Page => session.page();
  const pricing = (): string => path.join(session.workspace(), 'src', 'pricing.ts');

  it('selected trace → F1 "Routecraft: Explain Error" → cause and evidence; the links open file:line; Review Fix → Apply writes the fix', async function () {
    const p = page();
    const original = fs.readFileSync(pricing(), 'utf8');
    await selectTrace(p);
    session.llm().enqueue({ kind: 'text', text: ANSWER, chunkSize: 64 });

    await runCommand(p, 'Routecraft: Explain Error');

    await waitForTab(p, 'Explain Error', 30_000);
    const view = webviewContent(p);
    await view.locator('#content h2', { hasText: 'Cause' }).waitFor({ timeout: 60_000 });
    await view.locator('#content', { hasText: 'refuses values above 100' }).waitFor();
    await view.locator('#content', { hasText: '1 evidence item(s) dropped' }).waitFor();
    const evidence = view.locator('#content a[data-href]', { hasText: 'src/pricing.ts:9' }).first();
    await evidence.waitFor({ timeout: 10_000 });
    assert.equal(await view.locator('#content a[data-href]', { hasText: 'src/pricing.ts:900' }).count(), 0, 'the invented evidence is not a link');
    const body = JSON.stringify(session.llm().requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1)?.body);
    assert.ok(body.includes('Math.round(totalCents * (1 - percent / 100))'), 'the code of applyDiscount was sent');
    assert.ok(!body.includes('task_queues'), 'Node internals were not sent');

    // The evidence link opens src/pricing.ts with the cursor on line 9, in code-server too.
    await evidence.click();
    await waitForCursor(p, 'pricing.ts', 9);
    // A mapped frame's link (orderTotal, line 16) opens its line.
    await webviewContent(p).locator('#content li', { hasText: 'orderTotal' }).locator('a[data-href]').first().click();
    await waitForCursor(p, 'pricing.ts', 16);

    // The notification offers the fix: the multi-file review, nothing written until Apply.
    const note = await notificationInCenter(p, 'orderTotal passes a discount');
    await note.getByRole('button', { name: 'Review Fix' }).click();
    await p.keyboard.press('Escape');
    const review = p.locator('.multiDiffEditor').first();
    await review.waitFor({ timeout: 60_000 });
    await review.locator('.monaco-diff-editor .editor.modified .view-lines', { hasText: 'Math.min(100' }).first().waitFor({ timeout: 30_000 });
    assert.equal(fs.readFileSync(pricing(), 'utf8'), original, 'nothing written before Apply');
    await p.locator('.editor-actions .action-label[aria-label^="Apply Review"]').first().click();
    const written = await waitForFileContent(pricing(), (c) => c.includes('Math.min(100, Math.max(0, discountPercent))'));
    assert.equal(written.split('\n').length, original.split('\n').length, 'one line replaced, nothing else');
    await review.waitFor({ state: 'hidden', timeout: 20_000 });
  });

  it('a malformed answer shows a clear error in the panel and writes nothing', async function () {
    const p = page();
    const before = fs.readFileSync(pricing(), 'utf8');
    await selectTrace(p);
    session.llm().enqueue({ kind: 'text', text: 'No idea, sorry.' }, { kind: 'text', text: '```json\n{"cause": 1}\n```' });
    const requests = session.llm().requests.length;

    await runCommand(p, 'Routecraft: Explain Error');

    await webviewContent(p).locator('#error', { hasText: 'could not be used' }).waitFor({ timeout: 60_000 });
    assert.equal(session.llm().requests.length - requests, 2, 'the answer and the one repair turn');
    const note = await notificationInCenter(p, 'could not be used');
    assert.ok(await note.locator('.codicon-error').count() > 0, 'it is an error notification');
    await p.keyboard.press('Escape');
    assert.equal(await p.locator('.multiDiffEditor').count(), 0, 'no review opened');
    assert.equal(fs.readFileSync(pricing(), 'utf8'), before, 'nothing written');
  });
});
