// "Routecraft: Generate Endpoint" driven like a person: F1, the command, a description typed into
// the input box, the multi-file review with every generated file, a CodeLens, Apply in the title. The project is
// a fresh copy of the express5-vitest fixture (node_modules linked, so the type check is real); the
// fake OpenAI-compatible server runs in this process and answers with the products CRUD spec.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { parse } from 'yaml';
import { prepareWorkspace } from '../../generation/fixtureWorkspace';
import { repoRoot, resultsDir } from '../harness/paths';
import { waitForFileContent } from '../harness/files';
import { openFile, runCommand, screenshot, waitForTab } from '../harness/workbench';
import { useUiSession } from '../harness/uiSession';
import { scrollUntilVisible } from '../harness/review';

const DESCRIPTION = 'CRUD for products: name (1-120 chars) and a positive price, optional tags';

function specAnswer(): string {
  const spec: unknown = parse(fs.readFileSync(path.join(repoRoot, 'docs', 'spec-examples', 'products-crud.yaml'), 'utf8'));
  return `Here is the spec.\n\n\`\`\`json\n${JSON.stringify(spec, undefined, 2)}\n\`\`\`\n`;
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('Generate Endpoint in the real editor (UI)', function () {
  this.timeout(300_000);
  const session = useUiSession({ workspace: () => prepareWorkspace('express5-vitest', 'e2e-express5-ui'), label: 'endpoint' });
  const page = (): Page => session.page();

  it('F1 → "Routecraft: Generate Endpoint" → a description → every file in one multi-file review → the title\'s Apply writes them and opens the route', async function () {
    const p = page();
    session.llm().enqueue({ kind: 'text', text: specAnswer(), chunkSize: 64 });
    const appBefore = fs.readFileSync(path.join(session.workspace(), 'src', 'app.ts'), 'utf8');

    await runCommand(p, 'Routecraft: Generate Endpoint');
    const input = p.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 30_000 });
    await p.locator('.quick-input-widget', { hasText: 'Describe the endpoint' }).waitFor({ timeout: 10_000 });
    await input.fill(DESCRIPTION);
    await p.keyboard.press('Enter');

    // The review: one multi-file diff editor with every file; nothing on disk yet.
    await waitForTab(p, 'Routecraft:', 150_000);
    const review = p.locator('.multiDiffEditor').first();
    await review.waitFor({ timeout: 60_000 });
    // The multi-file editor renders only the files in view: scroll down to reach the later ones.
    for (const name of ['products.ts', 'productRepository.ts', 'app.ts', 'products.test.ts']) {
      await scrollUntilVisible(p, review, review.getByText(name, { exact: false }).first());
    }
    const registration = review.locator('.monaco-diff-editor .editor.modified .view-lines', { hasText: "app.use('/products', productsRouter)" }).first();
    await scrollUntilVisible(p, review, registration);
    // Apply / Discard in the editor title. (The take/leave CodeLenses are provided, as the in-host test
    // proves through executeCodeLensProvider, but code-server 1.139's multi-file diff editor does not
    // draw CodeLenses; taking or leaving goes through the commands and keys at the cursor.)
    const apply = p.locator('.editor-actions .action-label[aria-label^="Apply Review"]').first();
    await apply.waitFor({ timeout: 10_000 });
    await p.locator('.editor-actions .action-label[aria-label^="Discard Review"]').first().waitFor({ timeout: 10_000 });
    await p.locator('.statusbar-item', { hasText: 'Routecraft review' }).first().waitFor({ timeout: 10_000 });
    assert.equal(fs.existsSync(path.join(session.workspace(), 'src', 'routes', 'products.ts')), false, 'nothing written before Apply');
    assert.equal(fs.readFileSync(path.join(session.workspace(), 'src', 'app.ts'), 'utf8'), appBefore);
    const bodies = session.llm().requests.filter((r) => r.path.endsWith('/chat/completions')).map((r) => JSON.stringify(r.body));
    assert.equal(bodies.length, 1, 'one chat request');
    assert.ok(bodies[0]?.includes(DESCRIPTION), 'the request carries the typed description');

    const shot = process.env.UPDATE_SCREENSHOT === '1'
      ? path.join(repoRoot, 'media', 'screenshot-endpoint.png')
      : path.join(resultsDir, 'screenshot-endpoint.png');
    await p.mouse.move(0, 0);
    await screenshot(p, 'screenshot-endpoint', shot);

    await apply.click();

    const route = await waitForFileContent(path.join(session.workspace(), 'src', 'routes', 'products.ts'), (c) => c.includes('productsRouter'));
    assert.match(route, /productsRouter/);
    for (const file of ['src/schemas/products.ts', 'src/repositories/productRepository.ts', 'test/products.test.ts']) {
      await waitForFileContent(path.join(session.workspace(), file), (c) => c.trim().length > 0);
    }
    // Saving is not atomic: wait for the whole registration, then count it.
    const app = await waitForFileContent(path.join(session.workspace(), 'src', 'app.ts'), (c) => c.includes("app.use('/products', productsRouter)") && c.trimEnd().endsWith('})'));
    assert.equal(count(app, "app.use('/products', productsRouter)"), 1, app);
    const tab = await waitForTab(p, 'products.ts');
    assert.ok(await tab.isVisible(), 'the route file is open in an editor tab');
    await review.waitFor({ state: 'hidden', timeout: 10_000 });
    await p.locator('.statusbar-item', { hasText: 'Routecraft review' }).first().waitFor({ state: 'hidden', timeout: 10_000 });
  });

  it('takes and leaves a hunk with the mouse (the editor title\'s checklist); Apply writes the taken parts', async function () {
    const p = page();
    const root = session.workspace();
    // A Routecraft spec document in the project: opened with nothing selected, it needs no LLM.
    fs.copyFileSync(path.join(repoRoot, 'docs', 'spec-examples', 'user-registration.yaml'), path.join(root, 'users.yaml'));
    const before = snapshot(root);
    const chatsBefore = chatCount(session.llm().requests);
    await openFile(p, 'users.yaml');
    await runCommand(p, 'Routecraft: Generate Endpoint');
    await waitForTab(p, 'Routecraft:', 150_000);
    const review = p.locator('.multiDiffEditor').first();
    await review.waitFor({ timeout: 60_000 });
    const modifiedLine = (text: string): Locator => review.locator('.editor.modified .view-line', { hasText: text }).first();
    const registration = modifiedLine("app.use('/users'");
    await scrollUntilVisible(p, review, registration);
    // With the mouse: the editor title's "Choose the Changes to Take…" lists every hunk, checked when
    // taken. Leave the registration, take it back, leave it again for good.
    const choose = async (take: boolean): Promise<void> => {
      await p.locator('.editor-actions .action-label[aria-label^="Choose the Changes to Take"]').first().click();
      const widget = p.locator('.quick-input-widget');
      const row = widget.locator('.quick-input-list .monaco-list-row', { hasText: 'src/app.ts: change 2' }).first();
      await row.waitFor({ timeout: 30_000 });
      assert.match(await row.innerText(), /usersRouter/, 'the row shows the change\'s first line');
      const count = widget.getByText(/^\d+ Selected$/).first();
      const selected = Number.parseInt(await count.innerText(), 10);
      await row.click(); // a click on a row of a checklist toggles it
      await widget.getByText(`${selected + (take ? 1 : -1)} Selected`, { exact: true }).waitFor({ timeout: 10_000 });
      await widget.locator('.monaco-button', { hasText: /^OK$/ }).first().click();
      await widget.waitFor({ state: 'hidden', timeout: 10_000 });
    };
    await choose(false);
    await registration.waitFor({ state: 'detached', timeout: 30_000 });
    await choose(true);
    await scrollUntilVisible(p, review, registration);
    await choose(false);
    await registration.waitFor({ state: 'detached', timeout: 30_000 });
    await scrollUntilVisible(p, review, modifiedLine('import { usersRouter }'));
    assert.deepEqual(snapshot(root), before, 'nothing written while reviewing');

    await p.locator('.editor-actions .action-label[aria-label^="Apply Review"]').first().click();
    const app = await waitForFileContent(path.join(root, 'src', 'app.ts'), (c) => c.includes('usersRouter'), 60_000);
    assert.doesNotMatch(app, /app\.use\('\/users'/, 'the left hunk is not written');
    await review.waitFor({ state: 'hidden', timeout: 30_000 });
    const created = Object.keys(snapshot(root)).filter((f) => before[f] === undefined);
    assert.ok(created.length >= 2, `new files: ${JSON.stringify(created)}`);
    assert.equal(chatCount(session.llm().requests), chatsBefore, 'a spec document needs no LLM');

    // One Ctrl+Z, as a person presses it right after Apply: in the route file Apply opened (focused),
    // with the changed app.ts open in a background tab (Apply opens it: a saved file in no editor
    // loses its part of the undo once its model goes).
    const group = p.locator('.editor-group-container.active');
    await group.locator('.tabs-container .tab.active', { hasText: 'users.ts' }).first().waitFor({ timeout: 30_000 });
    const appTab = group.locator('.tabs-container .tab', { hasText: 'app.ts' }).first();
    await appTab.waitFor({ timeout: 30_000 });
    await group.locator('.monaco-editor .native-edit-context:focus, .monaco-editor textarea:focus').first().waitFor({ state: 'attached', timeout: 30_000 });
    await p.keyboard.press('Control+Z');
    // On disk: every created file deleted, app.ts byte for byte as before (Routecraft saves a changed
    // file once Undo brings its text back to exactly what it was; VS Code itself would leave it dirty).
    await waitForFileContent(path.join(root, 'src', 'app.ts'), (c) => c === before['src/app.ts'], 60_000);
    await waitFor('every created file deleted', () => created.every((f) => !fs.existsSync(path.join(root, f))), 60_000);
    assert.deepEqual(snapshot(root), before, 'one Undo: the disk is byte for byte as before Apply');
    // In the editor: app.ts shows its old text and is not dirty; the deleted route's tab is gone.
    await appTab.click();
    const appLines = group.locator('.monaco-editor .view-lines').first();
    await appLines.waitFor({ timeout: 30_000 });
    assert.doesNotMatch(await appLines.innerText(), /usersRouter/, 'the app.ts editor shows the text before Apply');
    await group.locator('.tabs-container .tab.dirty').first().waitFor({ state: 'detached', timeout: 30_000 });
    assert.equal(await group.locator('.tabs-container .tab', { hasText: 'users.ts' }).count(), 0, 'the deleted route file\'s tab closed');
  });
});

/** Polls `condition` every 250 ms until it holds; fails after `timeoutMs`. */
async function waitFor(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function chatCount(requests: readonly { readonly path: string }[]): number {
  return requests.filter((r) => r.path.endsWith('/chat/completions')).length;
}

/** Every file of the project but node_modules, by relative path. */
function snapshot(root: string, dir = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.name === 'node_modules') {
      continue;
    }
    if (entry.isDirectory()) {
      Object.assign(out, snapshot(root, rel));
    } else {
      out[rel] = fs.readFileSync(path.join(root, rel), 'utf8');
    }
  }
  return out;
}
