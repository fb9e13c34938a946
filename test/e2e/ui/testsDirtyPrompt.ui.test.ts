// Generate Tests on an unsaved document, as a person meets it: the modal prompt (DOM in code-server,
// answered with the mouse). Cancel sends nothing and saves nothing; "Save and Generate" saves, then asks.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { prepareWorkspace } from '../../generation/fixtureWorkspace';
import { waitForFileContent } from '../harness/files';
import { openFile, runCommand, waitForTab } from '../harness/workbench';
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

describe('Generate Tests on an unsaved document (UI)', function () {
  this.timeout(300_000);
  // code-server's web build autosaves after a delay: off, so an edit stays unsaved.
  const session = useUiSession({ workspace: () => prepareWorkspace('express5-vitest', 'e2e-express5-tests-dirty-ui'), label: 'tests-dirty', settings: { 'files.autoSave': 'off' } });
  const page = (): Page => session.page();

  it('an unsaved edit: the modal asks first; Cancel sends nothing and keeps the edit unsaved, "Save and Generate" saves then generates', async function () {
    const p = page();
    const file = path.join(session.workspace(), 'src', 'lib', 'testgenPricing.ts');
    const onDisk = fs.readFileSync(file, 'utf8');
    const chats = (): number => session.llm().requests.filter((r) => r.path.endsWith('/chat/completions')).length;
    const before = chats();
    await openFile(p, 'src/lib/testgenPricing.ts');
    await p.locator('.editor-instance .monaco-editor .view-line', { hasText: 'Math.round(net' }).first().click();
    await p.keyboard.press('End');
    await p.keyboard.type(' // unsaved edit');
    await p.locator('.tabs-container .tab.dirty', { hasText: 'testgenPricing.ts' }).first().waitFor({ timeout: 10_000 });

    await runCommand(p, 'Routecraft: Generate Tests');
    const dialog = p.locator('.monaco-dialog-box', { hasText: 'has unsaved changes' });
    await dialog.waitFor({ timeout: 60_000 });
    assert.match(await dialog.innerText(), /reads and runs the saved file/);
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    await p.waitForTimeout(2_000); // give a wrongly sent request time to arrive
    assert.equal(chats(), before, 'Cancel sends nothing');
    assert.equal(fs.readFileSync(file, 'utf8'), onDisk, 'Cancel does not save');
    assert.ok(await p.locator('.tabs-container .tab.dirty', { hasText: 'testgenPricing.ts' }).first().isVisible(), 'the edit stays unsaved');

    session.llm().enqueue({ kind: 'text', text: answer(), chunkSize: 64 });
    await runCommand(p, 'Routecraft: Generate Tests');
    await dialog.waitFor({ timeout: 60_000 });
    await dialog.locator('.monaco-button', { hasText: 'Save and Generate' }).click();
    await waitForFileContent(file, (c) => c.includes('// unsaved edit'), 30_000);
    await waitForTab(p, 'Routecraft:', 150_000);
    assert.equal(chats(), before + 1, 'one request, after saving');
    await p.locator('.editor-actions .action-label[aria-label^="Discard Review"]').first().click();
    await p.locator('.multiDiffEditor').first().waitFor({ state: 'hidden', timeout: 20_000 });
  });
});
