// Security in the real extension host, on a copy of the explain-demo fixture (the main window, last
// by name, see mainHostSuite in scripts/run-e2e.mjs): workspace settings are written into the copy.
// 1. API keys are bound to the server origin they were saved for; a server named by workspace
//    settings never receives the user's key (the fake servers record every header).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FakeLlmServer } from '../../support/fakeLlmServer';

type Outcome = { kind: 'ok'; text: string; cached: boolean } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

const USER_KEY = 'sk-user-key-for-server-a-0123456789';
const WORKSPACE_KEY = 'sk-workspace-key-for-server-b-987654';

async function selectPricing(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'src', 'pricing.ts'));
  const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
  editor.selection = new vscode.Selection(doc.positionAt(0), doc.positionAt(doc.getText().length));
}

async function explainVia(server: FakeLlmServer): Promise<{ authorization: string | string[] | undefined; all: string }> {
  await selectPricing();
  const before = server.requests.length;
  server.enqueue({ kind: 'text', text: 'Prices things.' });
  const outcome = await vscode.commands.executeCommand<Outcome>('routecraft.explainSelectionFresh');
  assert.equal(outcome.kind, 'ok', JSON.stringify(outcome));
  assert.equal(server.requests.length, before + 1, 'exactly one request reached this server');
  const request = server.requests[before]!;
  return { authorization: request.headers['authorization'], all: JSON.stringify(request.headers) };
}

async function setBaseUrl(value: string | undefined, target: vscode.ConfigurationTarget): Promise<void> {
  await vscode.workspace.getConfiguration('routecraft').update('llm.baseUrl', value, target);
}

describe('API key bound to its server origin (extension host)', function () {
  this.timeout(120_000);
  let a: FakeLlmServer;
  let b: FakeLlmServer;

  before(async function () {
    a = await FakeLlmServer.start();
    b = await FakeLlmServer.start();
    await vscode.workspace.getConfiguration('routecraft').update('llm.maxRetries', 0, vscode.ConfigurationTarget.Global);
    await setBaseUrl(a.baseUrl, vscode.ConfigurationTarget.Global);
  });

  after(async function () {
    await setBaseUrl(undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('routecraft.clearApiKey');
    await setBaseUrl(undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await a.close();
    await b.close();
  });

  it('sends no Authorization header while no key is saved', async function () {
    assert.equal((await explainVia(a)).authorization, undefined);
  });

  it('sends the user key to the user-level server it was saved for', async function () {
    assert.equal(await vscode.commands.executeCommand('routecraft.setApiKey', USER_KEY), true);
    assert.equal((await explainVia(a)).authorization, `Bearer ${USER_KEY}`);
  });

  it('gives a workspace setting that points at another server no key at all', async function () {
    await setBaseUrl(b.baseUrl, vscode.ConfigurationTarget.Workspace);
    const seen = await explainVia(b);
    assert.equal(seen.authorization, undefined);
    assert.ok(!seen.all.includes(USER_KEY), 'the user key is nowhere in the headers');
  });

  it('gives a workspace setting no user key even when it names the same origin', async function () {
    await setBaseUrl(`${a.baseUrl}/`, vscode.ConfigurationTarget.Workspace);
    assert.equal((await explainVia(a)).authorization, undefined);
  });

  it('keeps a key entered for a workspace-chosen server for that server, and the user key for the user server', async function () {
    await setBaseUrl(b.baseUrl, vscode.ConfigurationTarget.Workspace);
    assert.equal(await vscode.commands.executeCommand('routecraft.setApiKey', WORKSPACE_KEY), true);
    assert.equal((await explainVia(b)).authorization, `Bearer ${WORKSPACE_KEY}`);
    await vscode.commands.executeCommand('routecraft.clearApiKey');
    await setBaseUrl(undefined, vscode.ConfigurationTarget.Workspace);
    const back = await explainVia(a);
    assert.equal(back.authorization, `Bearer ${USER_KEY}`);
    assert.ok(!back.all.includes(WORKSPACE_KEY));
  });
});
