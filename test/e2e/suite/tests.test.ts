// "Routecraft: Generate Tests" inside code-server's real extension host, on a copy of the
// express5-vitest fixture (node_modules linked: the type check and the two vitest runs are real).
// scripts/run-e2e.mjs runs it after endpoint.test.ts in their window (separateHostSuites). The review is the
// multi-file diff editor: the test presses its Apply button through the command behind it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FakeLlmServer } from '../../support/fakeLlmServer';
import { snapshotTree } from '../../support/snapshotTree';
import { APPLY, reviewFiles, reviewShowing, waitFor } from './reviewDriver';

const GENERATE = 'routecraft.generateTests';
const TARGET = path.join('src', 'lib', 'testgenPricing.ts');

interface Summary {
  readonly testFile: string;
  readonly generated: number;
  readonly compiled: number;
  readonly passed: number;
  readonly kept: number;
  readonly dropped: readonly { readonly title: string; readonly reason: string }[];
  readonly suspectedBugs: readonly { readonly title: string; readonly error: string }[];
}

type Outcome =
  | { readonly kind: 'applied'; readonly written: readonly string[]; readonly skipped: readonly string[]; readonly summary: Summary }
  | { readonly kind: 'discarded' | 'none-kept'; readonly summary: Summary }
  | { readonly kind: 'stale'; readonly files: readonly string[]; readonly summary: Summary }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

/** The model's answer: a JSON list of cases, then one fenced `ts <id>` block of statements per case. */
function plan(cases: Record<string, { title: string; code: string }>): string {
  const json = { cases: Object.entries(cases).map(([id, c]) => ({ id, title: c.title, checks: c.title })) };
  const blocks = Object.entries(cases).map(([id, c]) => `\`\`\`ts ${id}\n${c.code}\n\`\`\``).join('\n');
  return `\`\`\`json\n${JSON.stringify(json)}\n\`\`\`\n${blocks}\n`;
}

function root(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test window has the express5-vitest copy open');
  return folder.uri.fsPath;
}

/** Every file of the workspace with its content (node_modules excluded). */
function snapshot(): Record<string, string> {
  return snapshotTree(root());
}

/** Opens src/lib/testgenPricing.ts with the cursor inside the body of `fn`. */
async function cursorIn(fn: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root(), TARGET)));
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
  const at = doc.getText().indexOf(`export function ${fn}`);
  assert.ok(at >= 0, `the fixture has ${fn}`);
  const inside = doc.positionAt(at).translate(1, 2);
  editor.selection = new vscode.Selection(inside, inside);
}

describe('Generate Tests in a real VS Code (extension host)', function () {
  this.timeout(120_000);
  let llm: FakeLlmServer;

  before(async function () {
    llm = await FakeLlmServer.start();
    const config = vscode.workspace.getConfiguration('routecraft.llm');
    for (const [key, value] of Object.entries({ baseUrl: llm.baseUrl, model: 'fake-model', maxRetries: 0, timeoutSeconds: 30 })) {
      await config.update(key, value, vscode.ConfigurationTarget.Global);
    }
    assert.ok(fs.existsSync(path.join(root(), 'node_modules', 'vitest')), 'the fixture copy has node_modules');
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await llm.close();
  });

  it('cursor in priceWithTax → 4 cases → the multi-file review shows the test file → Apply writes only the 2 passing ones', async function () {
    await cursorIn('priceWithTax');
    llm.enqueue({
      kind: 'text',
      chunkSize: 64,
      text: plan({
        c1: { title: 'adds the tax rate', code: 'expect(priceWithTax(100, 20)).toBe(120)' },
        c2: { title: 'rounds to cents', code: 'expect(priceWithTax(0.1, 10)).toBe(0.11)' },
        c3: { title: 'uses the other runner', code: 'const f = jest.fn()\nexpect(f).not.toHaveBeenCalled()' },
        c4: { title: 'expects the wrong value', code: 'expect(priceWithTax(10, 10)).toBe(12)' },
      }),
    });
    const requests = llm.requests.length;

    let settled = false;
    const pending = Promise.resolve(vscode.commands.executeCommand<Outcome>(GENERATE)).finally(() => { settled = true; });
    const started = Date.now();
    await waitFor('the review (a proposal diff) or the end of the command', () => settled || reviewShowing(), 90_000);
    console.log(`      review after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (settled) {
      assert.fail(`the command ended without a review: ${JSON.stringify(await pending)}`);
    }
    const diffs = [...reviewFiles().keys()];
    assert.ok(diffs.some((f) => /testgenPricing\.test\.ts$/.test(f)), `the review shows the test file: ${JSON.stringify(diffs)}`);
    const testFiles = Object.keys(snapshot()).filter((f) => f.includes('testgenPricing.test'));
    assert.deepEqual(testFiles, [], 'nothing written before Apply');
    // Apply; pressed until the command resolves (a second press while applying does nothing).
    while (!settled) {
      await vscode.commands.executeCommand(APPLY);
      await new Promise((r) => setTimeout(r, 250));
    }
    const outcome = await pending;

    assert.equal(llm.requests.slice(requests).filter((r) => r.path.endsWith('/chat/completions')).length, 1, 'one chat request');
    assert.equal(outcome.kind, 'applied', JSON.stringify(outcome));
    assert.ok(outcome.kind === 'applied');
    const s = outcome.summary;
    assert.deepEqual({ generated: s.generated, compiled: s.compiled, passed: s.passed, kept: s.kept }, { generated: 4, compiled: 3, passed: 2, kept: 2 }, JSON.stringify(s));
    assert.deepEqual(s.suspectedBugs.map((b) => b.title), ['expects the wrong value']);
    assert.deepEqual(s.dropped.map((d) => d.title).sort(), ['expects the wrong value', 'uses the other runner']);
    assert.deepEqual(outcome.written, [s.testFile]);
    assert.match(s.testFile, /testgenPricing\.test\.ts$/);

    const written = fs.readFileSync(path.join(root(), s.testFile), 'utf8');
    assert.match(written, /adds the tax rate/);
    assert.match(written, /rounds to cents/);
    assert.doesNotMatch(written, /uses the other runner|jest\.fn|expects the wrong value/);
    assert.equal(written.split(/\bit\(|\btest\(/).length - 1, 2, `exactly 2 cases:\n${written}`);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, path.join(root(), s.testFile), 'the test file is open');
    assert.deepEqual(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.fsPath), [], 'everything saved');
  });

  it('Cancel on the progress while the model hangs → cancelled, nothing written', async function () {
    // bulkDiscount: another prompt than the first test's, so the response cache cannot answer it.
    await cursorIn('bulkDiscount');
    const before = snapshot();
    llm.enqueue({ kind: 'hang' });
    const chats = (): number => llm.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
    const requests = chats();
    const disconnects = llm.clientDisconnects;

    const pending = Promise.resolve(vscode.commands.executeCommand<Outcome>(GENERATE));
    await waitFor('the chat request to reach the fake server', () => chats() > requests, 30_000);
    // The host cannot click the notification's Cancel; this command runs its primary action (Cancel).
    await vscode.commands.executeCommand('notification.acceptPrimaryAction');
    const outcome = await pending;

    assert.deepEqual(outcome, { kind: 'cancelled' });
    await llm.waitForClientDisconnects(disconnects + 1, 5_000);
    assert.deepEqual(snapshot(), before, 'no file created or changed');
    assert.equal(reviewShowing(), false, 'no review');
  });
});
