// "Routecraft: Generate Tests" driven like a person: open src/lib/testgenPricing.ts, click into
// priceWithTax, F1 → the command, the multi-file review showing the test file, Apply in the editor title.
// The project is a fresh copy of the express5-vitest fixture (node_modules linked: the type check and
// the two vitest runs are real); the fake OpenAI-compatible server runs in this process.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { prepareWorkspace } from '../../generation/fixtureWorkspace';
import { repoRoot, resultsDir } from '../harness/paths';
import { waitForFileContent } from '../harness/files';
import { openFile, runCommand, screenshot, waitForTab } from '../harness/workbench';
import { useUiSession } from '../harness/uiSession';

/** The model's answer: two good cases and one that expects a wrong value (a run drops it). */
function answer(): string {
  const cases = {
    c1: { title: 'adds the tax rate', code: 'expect(priceWithTax(100, 20)).toBe(120)' },
    c2: { title: 'rounds to cents', code: 'expect(priceWithTax(0.1, 10)).toBe(0.11)' },
    c3: { title: 'expects the wrong value', code: 'expect(priceWithTax(10, 10)).toBe(12)' },
  };
  const json = { cases: Object.entries(cases).map(([id, c]) => ({ id, title: c.title, checks: c.title })) };
  const blocks = Object.entries(cases).map(([id, c]) => `\`\`\`ts ${id}\n${c.code}\n\`\`\``).join('\n');
  return `\`\`\`json\n${JSON.stringify(json)}\n\`\`\`\n${blocks}\n`;
}

/** Test files for testgenPricing anywhere under the workspace (node_modules excluded). */
function testFiles(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => !f.startsWith('node_modules') && /testgenPricing\.test\.ts$/.test(f));
}

describe('Generate Tests in the real editor (UI)', function () {
  this.timeout(300_000);
  const session = useUiSession({ workspace: () => prepareWorkspace('express5-vitest', 'e2e-express5-tests-ui'), label: 'tests' });
  const page = (): Page => session.page();

  it('cursor in priceWithTax → F1 "Routecraft: Generate Tests" → the multi-file review shows the test file → Apply writes the passing tests', async function () {
    const p = page();
    session.llm().enqueue({ kind: 'text', text: answer(), chunkSize: 64 });

    await openFile(p, 'src/lib/testgenPricing.ts');
    await p.locator('.editor-instance .monaco-editor .view-line', { hasText: 'Math.round(net' }).first().click();
    await runCommand(p, 'Routecraft: Generate Tests');

    // The review: the multi-file diff editor with the new test file; nothing on disk yet.
    await waitForTab(p, 'Routecraft:', 150_000);
    const review = p.locator('.multiDiffEditor').first();
    await review.getByText('testgenPricing.test.ts', { exact: false }).first().waitFor({ timeout: 30_000 });
    assert.deepEqual(testFiles(session.workspace()), [], 'nothing written before Apply');
    await review.locator('.monaco-diff-editor .editor.modified .view-lines', { hasText: 'rounds to cents' }).first().waitFor({ timeout: 30_000 });
    const bodies = session.llm().requests.filter((r) => r.path.endsWith('/chat/completions')).map((r) => JSON.stringify(r.body));
    assert.equal(bodies.length, 1, 'one chat request');
    assert.ok(bodies[0]?.includes('priceWithTax'), 'the request carries the function at the cursor');

    const shot = process.env.UPDATE_SCREENSHOT === '1'
      ? path.join(repoRoot, 'media', 'screenshot-tests.png')
      : path.join(resultsDir, 'screenshot-tests.png');
    await p.mouse.move(0, 0);
    await screenshot(p, 'screenshot-tests', shot);

    await p.locator('.editor-actions .action-label[aria-label^="Apply Review"]').first().click();

    await review.waitFor({ state: 'hidden', timeout: 20_000 });
    const deadline = Date.now() + 20_000;
    while (testFiles(session.workspace()).length === 0 && Date.now() < deadline) {
      await p.waitForTimeout(100);
    }
    const [file] = testFiles(session.workspace());
    assert.ok(file, 'the test file exists on disk');
    const written = await waitForFileContent(path.join(session.workspace(), file), (c) => c.includes('rounds to cents'));
    assert.match(written, /adds the tax rate/);
    assert.doesNotMatch(written, /expects the wrong value/, 'the failing case is not written');
    assert.ok(await (await waitForTab(p, path.basename(file))).isVisible(), 'the test file is open in an editor tab');
  });
});
