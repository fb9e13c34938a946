// Explain Error inside code-server's real extension host, on the explain-demo folder, against the
// fake OpenAI-compatible server started in the host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FakeLlmServer } from '../../support/fakeLlmServer';

const EXPLAIN_ERROR = 'routecraft.explainError';

interface Outcome {
  readonly kind: string;
  readonly markdown?: string;
  readonly triage?: { readonly fix?: { readonly changeSet: { readonly files: readonly { readonly path: string; readonly diagnostics?: readonly unknown[] }[] } }; readonly evidence: readonly { file: string; line: number }[] };
}

const TRACE = [
  'RangeError: discount must be between 0 and 100, got 150',
  '    at applyDiscount (src/pricing.ts:9:11)',
  '    at orderTotal (src/pricing.ts:16:10)',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
].join('\n');

const ANSWER = [
  '```json',
  JSON.stringify({
    cause: 'orderTotal passes a discount of 150 percent to applyDiscount, which refuses values above 100.',
    evidence: [{ file: 'src/pricing.ts', line: 9, why: 'the RangeError' }, { file: 'src/pricing.ts', line: 900 }],
    confidence: 'high',
    fix: { summary: 'Clamp the discount', edits: [{ file: 'src/pricing.ts', startLine: 16, endLine: 16 }] },
  }),
  '```',
  '```ts',
  '  return applyDiscount(subtotal, Math.min(100, Math.max(0, discountPercent)));',
  '```',
].join('\n');

describe('Routecraft: Explain Error (extension host)', function () {
  let llm: FakeLlmServer;
  before(async function () {
    llm = await FakeLlmServer.start();
    const config = vscode.workspace.getConfiguration('routecraft.llm');
    for (const [key, value] of Object.entries({ baseUrl: llm.baseUrl, model: 'fake-model', maxRetries: 0, timeoutSeconds: 20 })) {
      await config.update(key, value, vscode.ConfigurationTarget.Global);
    }
  });
  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await llm.close();
  });

  it('explain error from the clipboard: frames mapped, code sent, evidence linked, bad evidence dropped, type-checked fix', async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // A panel left by an earlier suite is disposed asynchronously in the extension host: let its
    // dispose event arrive before the command reuses or recreates the panel.
    await waitFor(() => explainTab() === undefined);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await vscode.env.clipboard.writeText(TRACE);
    llm.enqueue({ kind: 'text', text: ANSWER });
    const before = llm.requests.length;
    const outcome = await vscode.commands.executeCommand<Outcome | undefined>(EXPLAIN_ERROR);
    assert.equal(outcome?.kind, 'ok', JSON.stringify(outcome));
    const body = JSON.stringify(llm.requests.slice(before).map((r) => r.body));
    assert.ok(body.includes('Math.round(totalCents * (1 - percent / 100))'), 'the code of applyDiscount was sent');
    assert.ok(!body.includes('task_queues'), 'Node internals were not sent');
    assert.deepEqual(outcome?.triage?.evidence.map((e) => `${e.file}:${e.line}`), ['src/pricing.ts:9']);
    // The evidence is the first location handed to the panel, which opens it itself (see the UI test).
    assert.ok(outcome?.markdown?.includes('[src/pricing.ts:9](routecraft-location:0)'), outcome?.markdown);
    assert.ok(outcome?.markdown?.includes('1 evidence item(s) dropped'));
    assert.deepEqual(outcome?.triage?.fix?.changeSet.files.map((f) => [f.path, f.diagnostics?.length]), [['src/pricing.ts', 0]]);
    assert.ok(await waitFor(() => explainTab() !== undefined), 'the Explain panel is open');
  });

  it('a selection is preferred to the clipboard; a malformed answer fails clearly', async function () {
    const doc = await vscode.workspace.openTextDocument({ content: `log line\n${TRACE}\n`, language: 'log' });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(1, 0, 3, 0);
    await vscode.env.clipboard.writeText('nothing to see here');
    llm.enqueue({ kind: 'text', text: 'No idea.' }, { kind: 'text', text: '{"cause": 1}' });
    const outcome = await vscode.commands.executeCommand<Outcome | undefined>(EXPLAIN_ERROR);
    assert.equal(outcome?.kind, 'failed');
    assert.match(llm.lastUserMessage() ?? JSON.stringify(llm.requests.at(-1)?.body), /applyDiscount|JSON/);
  });
});

function explainTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('routecraft.explain'));
}

/** Polls `condition` for up to 10 s; true when it held. */
async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}
