// Runs inside code-server's real extension host: real VS Code API, real extension bundle, real HTTP
// to a fake OpenAI-compatible server started right here in the host.
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import * as vscode from 'vscode';
import { FakeLlmServer } from '../../support/fakeLlmServer';

const EXTENSION_ID = 'routecraft.routecraft';
const EXPLAIN = 'routecraft.explainSelection';

type ExplainOutcome =
  | { readonly kind: 'ok'; readonly text: string; readonly cached: boolean }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

const ANSWER = [
  '## What `applyDiscount` does',
  '',
  'It **reduces** a total in cents by a percentage and rounds to whole cents.',
  '',
  '- Rejects percentages outside 0–100 with a `RangeError`.',
].join('\n');

function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test window has the explain-demo folder open');
  return folder;
}

/** Opens src/pricing.ts and selects `applyDiscount` (lines 7-12). */
async function selectApplyDiscount(): Promise<{ editor: vscode.TextEditor; selectedText: string }> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceFolder().uri, 'src', 'pricing.ts'));
  const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
  const start = doc.getText().indexOf('export function applyDiscount');
  assert.ok(start >= 0, 'fixture contains applyDiscount');
  const startPos = doc.positionAt(start);
  const endLine = startPos.line + 5;
  editor.selection = new vscode.Selection(startPos, doc.lineAt(endLine).range.end);
  return { editor, selectedText: doc.getText(editor.selection) };
}

async function setLlmSettings(values: Readonly<Record<string, unknown>>): Promise<void> {
  const config = vscode.workspace.getConfiguration('routecraft.llm');
  for (const [key, value] of Object.entries(values)) {
    await config.update(key, value, vscode.ConfigurationTarget.Global);
  }
}

/** Explain Selection; `fresh` runs "Explain Selection (Skip Cache)" so a scripted reply is used. */
async function explain(fresh = false): Promise<ExplainOutcome | undefined> {
  return vscode.commands.executeCommand<ExplainOutcome | undefined>(fresh ? `${EXPLAIN}Fresh` : EXPLAIN);
}

function explainTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter(
    (t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('routecraft.explain'),
  );
}

async function waitFor(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A port nothing listens on. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => { resolve(); }));
  return typeof address === 'object' && address ? address.port : 1;
}

function bodyText(body: unknown): string {
  return typeof body === 'string' ? body : JSON.stringify(body);
}

describe('Routecraft in a real VS Code (extension host)', function () {
  let llm: FakeLlmServer;

  before(async function () {
    llm = await FakeLlmServer.start();
    await setLlmSettings({ baseUrl: llm.baseUrl, model: 'fake-model', maxRetries: 0, timeoutSeconds: 20 });
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await llm.close();
  });

  it('activates and registers every contributed command', async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded from extensionDevelopmentPath`);
    await extension.activate();
    assert.equal(extension.isActive, true);
    const contributed = (extension.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
    assert.ok(contributed.includes(EXPLAIN));
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], 'every contributed command is registered after activation');
  });

  it('explains the selection: ok with the scripted answer, request carries the code, panel opens', async function () {
    const { selectedText } = await selectApplyDiscount();
    llm.enqueue({ kind: 'text', text: ANSWER, chunkSize: 16, chunkDelayMs: 5 });
    const before = llm.requests.length;

    const outcome = await explain();

    assert.deepEqual(outcome, { kind: 'ok', text: ANSWER, cached: false });
    const requests = llm.requests.slice(before).filter((r) => r.path.endsWith('/chat/completions'));
    assert.equal(requests.length, 1, 'one chat request');
    const body = bodyText(requests[0]?.body);
    assert.ok(body.includes('Math.round(totalCents * (1 - percent / 100))'), 'the request contains the selected code');
    assert.ok(selectedText.includes('applyDiscount'));
    assert.ok(body.includes('fake-model'), 'the request names the configured model');

    await waitFor('the explain webview tab', () => explainTabs().length > 0);
    const [tab] = explainTabs();
    assert.ok(tab?.label.startsWith('Explain'), `tab label "${tab?.label ?? ''}" starts with Explain`);
  });

  it('answers the same question again from the cache: no request, 0 tokens', async function () {
    await selectApplyDiscount();
    const before = llm.requests.length;
    const outcome = await explain();
    assert.deepEqual(outcome, { kind: 'ok', text: ANSWER, cached: true });
    assert.equal(llm.requests.length, before, 'the server was not asked');
  });

  it('reports a 500 as failed with a message naming the server URL', async function () {
    await selectApplyDiscount();
    llm.enqueue({ kind: 'status', status: 500, body: { error: { message: 'model exploded', type: 'server_error' } } });

    const outcome = await explain(true);

    assert.equal(outcome?.kind, 'failed', JSON.stringify(outcome));
    assert.ok(outcome.kind === 'failed' && outcome.message.includes(llm.baseUrl.replace(/\/v1$/, '')), `message names the URL: ${JSON.stringify(outcome)}`);
  });

  it('reports a dead endpoint as failed with a message naming the URL', async function () {
    const dead = `http://127.0.0.1:${await deadPort()}/v1`;
    await setLlmSettings({ baseUrl: dead });
    try {
      await selectApplyDiscount();
      const outcome = await explain(true);
      assert.equal(outcome?.kind, 'failed', JSON.stringify(outcome));
      assert.ok(outcome.kind === 'failed' && outcome.message.includes(dead.replace(/\/v1$/, '')), `message names the URL: ${JSON.stringify(outcome)}`);
    } finally {
      await setLlmSettings({ baseUrl: llm.baseUrl });
    }
  });

  it('cancels a hanging request via the progress notification Cancel action', async function () {
    await selectApplyDiscount();
    llm.enqueue({ kind: 'hang' });
    const before = llm.requests.length;

    const pending = explain(true);
    await waitFor('the chat request to reach the fake server', () => llm.requests.length > before);
    // The host cannot click the notification's Cancel button; the workbench command that runs a
    // notification's primary action (a cancellable progress's is "Cancel") does the same.
    await vscode.commands.executeCommand('notification.acceptPrimaryAction');
    const outcome = await Promise.race([
      pending,
      new Promise<'still running'>((r) => setTimeout(() => { r('still running'); }, 8_000)),
    ]);

    assert.deepEqual(outcome, { kind: 'cancelled' });
    await llm.waitForClientDisconnects(1, 5_000);
  });
});
