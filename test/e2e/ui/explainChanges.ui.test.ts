// "Routecraft: Explain Changes" driven like a person, on a git repository the test builds
// (test/support/reviewRepo.ts: commits that remove a validation, add a dependency, leak a key,
// change a status) plus a working-tree edit that removes the e-mail validation. F1 → the command →
// the source in the quick pick → the panel with the summary and findings; a finding's link opens
// the exact line (on disk for the working tree, at the commit for a commit); the finding's comment
// thread shows in the editor and is resolved from its title. A bad answer shows a clear error.
// The git extension is off in these windows, so the repository comes from the git CLI fallback.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { buildReviewRepo, gitIn, type ReviewRepo } from '../../support/reviewRepo';
import { activeEditor, notificationInCenter, waitForCursor } from '../harness/editorState';
import { runCommand, waitForTab, webviewContent } from '../harness/workbench';
import { useUiSession } from '../harness/uiSession';
import { repoRoot } from '../harness/paths';

const answer = (value: unknown): string => `\`\`\`json\n${JSON.stringify(value)}\n\`\`\``;

let repo: ReviewRepo | undefined;

/** The fixture repository (under test/fixtures/.work) with the e-mail validation removed in the working tree. */
function workspace(): string {
  const parent = path.join(repoRoot, 'test', 'fixtures', '.work');
  fs.mkdirSync(parent, { recursive: true });
  repo = buildReviewRepo(parent);
  const users = path.join(repo.dir, 'src', 'users.ts');
  fs.writeFileSync(users, fs.readFileSync(users, 'utf8').replace('email: z.string().email(),', 'email: z.string(),'));
  return repo.dir;
}

/** Runs the command and picks `label` (and then `then`, a second pick) in its quick picks. */
async function explainChanges(page: Page, label: string, then?: string): Promise<void> {
  await runCommand(page, 'Routecraft: Explain Changes');
  const widget = page.locator('.quick-input-widget');
  for (const choice of then === undefined ? [label] : [label, then]) {
    const row = widget.locator('.quick-input-list .monaco-list-row', { hasText: choice }).first();
    // The first command loads the adapter and looks for the repository: slow on a busy machine.
    await row.waitFor({ timeout: 60_000 });
    await row.click();
  }
  await widget.locator('.quick-input-box input').waitFor({ state: 'hidden', timeout: 10_000 });
}

describe('Explain Changes in the real editor (UI)', function () {
  this.timeout(240_000);
  const session = useUiSession({ workspace, label: 'explain-changes' });
  const page = (): Page => session.page();
  after(() => {
    if (repo) {
      fs.rmSync(repo.dir, { recursive: true, force: true });
    }
  });

  it('working tree: F1 → Explain Changes → Working Tree → summary and findings; the link opens src/users.ts at line 5; its comment thread resolves', async function () {
    const p = page();
    session.llm().enqueue({
      kind: 'text',
      text: answer({
        summary: 'E-mail addresses are no longer checked when a user is created.',
        findings: [
          { file: 'src/users.ts', line: 5, kind: 'missing-test', severity: 'medium', message: 'No test covers an invalid e-mail any more.' },
          { file: 'src/users.ts', line: 99, kind: 'behaviour', severity: 'high', message: 'An invented line.' },
        ],
      }),
    });

    await explainChanges(p, 'Working Tree');

    await waitForTab(p, 'Review: working tree', 30_000);
    const view = webviewContent(p);
    await view.locator('#content', { hasText: 'E-mail addresses are no longer checked' }).waitFor({ timeout: 60_000 });
    await view.locator('#content h2', { hasText: 'src/users.ts' }).waitFor();
    await view.locator('#content li', { hasText: 'No test covers an invalid e-mail' }).waitFor();
    await view.locator('#content li', { hasText: 'validation' }).first().waitFor();
    assert.equal(await view.locator('#content li', { hasText: 'An invented line' }).count(), 0, 'the finding at a line outside the change is not shown');
    await view.locator('#content', { hasText: '1 finding of the model pointed outside the change' }).waitFor();
    const body = JSON.stringify(session.llm().requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1)?.body);
    assert.ok(body.includes('email: z.string()'), 'the diff was sent');

    // The finding's link (a command link of the webview) opens the file on disk at line 5.
    await view.locator('#content li', { hasText: 'No test covers an invalid e-mail' }).locator('a', { hasText: 'line 5' }).click();
    await waitForCursor(p, 'users.ts', 5);
    const editor = await activeEditor(p, 'users.ts');
    await editor.locator('.view-line', { hasText: 'email: z.string(),' }).first().waitFor();

    // The findings as comment threads in that editor; resolve one from its title bar.
    const group = p.locator('.editor-group-container.active');
    const thread = group.locator('.review-widget', { hasText: 'No test covers an invalid e-mail' }).first();
    await thread.waitFor({ timeout: 20_000 });
    assert.equal(await group.locator('.review-widget').count(), 2, 'the model finding and the rule finding');
    assert.equal(await group.locator('.comment-range-glyph.comment-thread').count(), 0, 'no resolved thread yet');
    await thread.hover();
    await thread.locator('.action-label[aria-label*="Resolve Finding"]').first().click();
    // Resolved, the thread collapses (its widget goes) and its gutter glyph turns from unresolved to resolved.
    await thread.waitFor({ state: 'hidden', timeout: 15_000 });
    await group.locator('.comment-range-glyph.comment-thread').first().waitFor({ timeout: 10_000 });
    assert.equal(await group.locator('.comment-range-glyph.comment-thread-unresolved').count(), 1, 'one finding left open');
    assert.equal(await group.locator('.review-widget').count(), 1);
    assert.ok(await group.locator('.review-widget', { hasText: 'Validation removed' }).first().isVisible(), 'the rule finding stays open');
  });

  it('a commit: F1 → Explain Changes → A Commit… → the link opens the file as it is in that commit', async function () {
    const p = page();
    session.llm().enqueue({ kind: 'text', text: answer({ summary: 'Names may now be empty.', findings: [] }) });

    await explainChanges(p, 'A Commit…', 'users: accept any name');

    await waitForTab(p, 'Review: commit', 30_000);
    const view = webviewContent(p);
    await view.locator('#content', { hasText: 'Names may now be empty.' }).waitFor({ timeout: 60_000 });
    await view.locator('#content li', { hasText: 'validation' }).locator('a', { hasText: 'line 6' }).click();
    await waitForCursor(p, 'users.ts', 6);
    // That commit answered 201; the working tree (a later commit) answers 200.
    const editor = await activeEditor(p, 'users.ts');
    await editor.locator('.view-line', { hasText: 'res.status(201)' }).first().waitFor({ timeout: 15_000 });
    assert.equal(await editor.locator('.view-line', { hasText: 'res.status(200)' }).count(), 0, 'not the file on disk');
    // The rule finding's comment thread sits on that same read-only document.
    await p.locator('.editor-group-container.active .review-widget', { hasText: 'Validation removed' }).first().waitFor({ timeout: 20_000 });
  });

  it('a bad answer shows a clear error and changes nothing', async function () {
    const p = page();
    assert.ok(repo);
    const status = gitIn(repo.dir, 'status', '--porcelain');
    session.llm().enqueue({ kind: 'text', text: 'Looks fine to me.' }, { kind: 'text', text: answer({ summary: 3 }) });

    await explainChanges(p, 'A Commit…', 'add lodash');

    await webviewContent(p).locator('#status', { hasText: 'could not be used' }).waitFor({ timeout: 60_000 });
    const note = await notificationInCenter(p, 'could not be used');
    assert.ok(await note.locator('.codicon-error').count() > 0, 'it is an error notification');
    await p.keyboard.press('Escape');
    assert.equal(gitIn(repo.dir, 'status', '--porcelain'), status, 'nothing written');
  });
});
