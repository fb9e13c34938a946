// Privacy, audit and usage in the real extension host: what reaches the (fake) server, what is
// refused, what the audit log holds. Runs after explain.test (mocha loads files sorted).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { FakeLlmServer } from '../../support/fakeLlmServer';

const SECRET = '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';
const EMAIL = 'night.shift@acme-payments.io';

type Outcome = { kind: 'ok'; text: string; cached: boolean } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

async function openAndSelectAll(relative: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, ...relative.split('/')));
  const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
  editor.selection = new vscode.Selection(doc.positionAt(0), doc.positionAt(doc.getText().length));
}

describe('Privacy, audit and usage (extension host)', function () {
  let llm: FakeLlmServer;

  before(async function () {
    llm = await FakeLlmServer.start();
    const config = vscode.workspace.getConfiguration('routecraft');
    await config.update('llm.baseUrl', llm.baseUrl, vscode.ConfigurationTarget.Global);
    await config.update('llm.maxRetries', 0, vscode.ConfigurationTarget.Global);
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await llm.close();
  });

  it('Preview Prompt shows the redacted request and sends nothing', async function () {
    await openAndSelectAll('src/mailer.ts');
    const text = await vscode.commands.executeCommand<string | undefined>('routecraft.previewPrompt');
    assert.ok(text, 'a preview was produced');
    assert.ok(!text.includes(SECRET) && !text.includes(EMAIL), 'no secret in the preview');
    assert.match(text, /<SECRET_1>/);
    assert.match(text, /Redacted: 1 SECRET, 1 EMAIL/);
    assert.equal(llm.requests.length, 0);
  });

  it('never sends the secret or the e-mail, and shows the answer with the values restored', async function () {
    await openAndSelectAll('src/mailer.ts');
    llm.enqueue({ kind: 'text', text: 'Sends mail to <EMAIL_1> using the key <SECRET_1> hard-coded in the file.', chunkSize: 4 });
    const outcome = await vscode.commands.executeCommand<Outcome>('routecraft.explainSelection');
    assert.equal(outcome.kind, 'ok', JSON.stringify(outcome));
    const received = JSON.stringify(llm.requests.map((r) => [r.headers, r.body]));
    assert.ok(!received.includes(SECRET), 'the SendGrid key never reached the server');
    assert.ok(!received.includes(EMAIL), 'the e-mail never reached the server');
    assert.ok(outcome.kind === 'ok' && outcome.text.includes(EMAIL) && outcome.text.includes(SECRET), 'restored for the reader');
  });

  it('refuses a file excluded by default (.env) and sends nothing', async function () {
    await openAndSelectAll('.env');
    const before = llm.requests.length;
    const outcome = await vscode.commands.executeCommand<Outcome>('routecraft.explainSelection');
    assert.equal(outcome.kind, 'failed');
    assert.match(outcome.kind === 'failed' ? outcome.message : '', /"\.env" is excluded/);
    assert.equal(llm.requests.length, before);
  });

  it('keeps one audit line per LLM call, with no secret in it', async function () {
    const file = await vscode.commands.executeCommand<string | undefined>('routecraft.openAuditLog');
    assert.ok(file && fs.existsSync(file), 'the audit log exists');
    const all = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { outcome: string; cache: string; redactions: Record<string, number>; command?: string });
    // Other suites in this window (Explain Changes, Explain Error) log their own calls: keep Explain Selection's.
    const lines = all.filter((l) => l.command === undefined || l.command.startsWith('routecraft.explainSelection'));
    // explain.test: ok (miss), cache hit, 500, dead endpoint, cancelled; this suite: the mailer call.
    assert.deepEqual(lines.map((l) => `${l.outcome}/${l.cache}`), ['ok/miss', 'ok/hit', 'error/bypass', 'error/bypass', 'cancelled/bypass', 'ok/miss']);
    assert.deepEqual(lines[5]?.redactions, { SECRET: 1, EMAIL: 1 });
    const raw = fs.readFileSync(file, 'utf8');
    assert.ok(!raw.includes(SECRET) && !raw.includes(EMAIL));
  });

  it('counts the session usage with cache savings', async function () {
    const summary = await vscode.commands.executeCommand<string>('routecraft.showUsage');
    assert.match(summary, /^\d+ calls?, .* tokens in .*; cache saved \d+ tokens/);
  });
});
