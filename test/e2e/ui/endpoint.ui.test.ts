// "Routecraft: Generate Endpoint" driven like a person: F1, the command, a description typed into
// the input box, the Refactor Preview with the generated files and their diff, Apply. The project is
// a fresh copy of the express5-vitest fixture (node_modules linked, so the type check is real); the
// fake OpenAI-compatible server runs in this process and answers with the products CRUD spec.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { prepareWorkspace } from '../../generation/fixtureWorkspace';
import { repoRoot, resultsDir } from '../harness/paths';
import { waitForFileContent } from '../harness/files';
import { runCommand, screenshot, waitForTab } from '../harness/workbench';
import { useUiSession } from '../harness/uiSession';

const DESCRIPTION = 'CRUD for products: name (1-120 chars) and a positive price, optional tags';

function specAnswer(): string {
  const spec: unknown = parse(fs.readFileSync(path.join(repoRoot, 'docs', 'spec-examples', 'products-crud.yaml'), 'utf8'));
  return `Here is the spec.\n\n\`\`\`json\n${JSON.stringify(spec, undefined, 2)}\n\`\`\`\n`;
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('Generate Endpoint in the real editor (UI)', function () {
  this.timeout(120_000);
  const session = useUiSession({ workspace: () => prepareWorkspace('express5-vitest', 'e2e-express5-ui'), label: 'endpoint' });
  const page = (): Page => session.page();

  it('F1 → "Routecraft: Generate Endpoint" → a description → the review lists the files beside their diff → Enter writes them and opens the route', async function () {
    const p = page();
    session.llm().enqueue({ kind: 'text', text: specAnswer(), chunkSize: 64 });
    const appBefore = fs.readFileSync(path.join(session.workspace(), 'src', 'app.ts'), 'utf8');

    await runCommand(p, 'Routecraft: Generate Endpoint');
    const input = p.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 30_000 });
    await p.locator('.quick-input-widget', { hasText: 'Describe the endpoint' }).waitFor({ timeout: 10_000 });
    await input.fill(DESCRIPTION);
    await p.keyboard.press('Enter');

    // The review: a checklist with one checked row per file, beside a side-by-side diff; nothing on disk yet.
    const review = p.locator('.quick-input-widget', { hasText: 'Routecraft:' });
    const row = (name: string) => review.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    await row('products.test.ts').waitFor({ timeout: 60_000 });
    for (const name of ['src/routes/products.ts', 'productRepository.ts', 'src/app.ts']) {
      await row(name).waitFor({ timeout: 10_000 });
    }
    assert.equal(await review.locator('.quick-input-list .monaco-list-row input[type=checkbox]:not(:checked)').count(), 0, 'every file starts checked');
    assert.equal(fs.existsSync(path.join(session.workspace(), 'src', 'routes', 'products.ts')), false, 'nothing written before Enter');
    assert.equal(fs.readFileSync(path.join(session.workspace(), 'src', 'app.ts'), 'utf8'), appBefore);
    const bodies = session.llm().requests.filter((r) => r.path.endsWith('/chat/completions')).map((r) => JSON.stringify(r.body));
    assert.equal(bodies.length, 1, 'one chat request');
    assert.ok(bodies[0]?.includes(DESCRIPTION), 'the request carries the typed description');

    // Moving to app.ts's row shows its change in the diff editor beside the list.
    await row('src/app.ts').hover();
    await row('src/app.ts').locator('.codicon-diff').click();
    await p.locator('.tabs-container .tab', { hasText: 'app.ts ↔ Routecraft proposal' }).first().waitFor({ timeout: 20_000 });
    const modified = p.locator('.monaco-diff-editor .editor.modified .view-lines', { hasText: "app.use('/products', productsRouter)" }).first();
    await modified.waitFor({ timeout: 20_000 });

    const shot = process.env.UPDATE_SCREENSHOT === '1'
      ? path.join(repoRoot, 'media', 'screenshot-endpoint.png')
      : path.join(resultsDir, 'screenshot-endpoint.png');
    await p.mouse.move(0, 0);
    await screenshot(p, 'screenshot-endpoint', shot);

    await p.locator('.quick-input-widget .quick-input-box input').focus();
    await p.keyboard.press('Enter');

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
  });
});
