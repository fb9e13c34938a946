// Routecraft: Explain Changes inside code-server's real extension host, on a git repository the
// test builds (commits that remove a validation, add a dependency, leak a key, change a status).
// The git extension is off in the test window (git.enabled: false), so the repository is found
// through the git CLI fallback; the LLM is the fake HTTP server, reached through the real client.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FakeLlmServer } from '../../support/fakeLlmServer';
import { buildReviewRepo, LEAKED_KEY, type ReviewRepo } from '../../support/reviewRepo';

const EXPLAIN_CHANGES = 'routecraft.explainChanges';
const OPEN_LOCATION = 'routecraft.openReviewLocation';
const RESOLVE = 'routecraft.resolveFinding';

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly kind: string;
  readonly severity: string;
  readonly origin: 'model' | 'rule';
  readonly rule?: string;
}

type Outcome =
  | { readonly kind: 'ok'; readonly report: { readonly findings: readonly Finding[]; readonly dropped: readonly unknown[] }; readonly markdown: string; readonly html: string; readonly threads: readonly { uri: string; line: number }[] }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

const answer = (value: unknown): string => `\`\`\`json\n${JSON.stringify(value)}\n\`\`\``;

async function explainChanges(repo: ReviewRepo, ref: string): Promise<Outcome | undefined> {
  return vscode.commands.executeCommand<Outcome | undefined>(EXPLAIN_CHANGES, { repository: repo.dir, source: { kind: 'commit', ref } });
}

describe('Explain Changes in a real VS Code (extension host)', function () {
  this.timeout(60_000);
  let llm: FakeLlmServer;
  let repo: ReviewRepo;

  before(async function () {
    llm = await FakeLlmServer.start();
    const config = vscode.workspace.getConfiguration('routecraft.llm');
    for (const [key, value] of Object.entries({ baseUrl: llm.baseUrl, model: 'fake-model', maxRetries: 0, timeoutSeconds: 20 })) {
      await config.update(key, value, vscode.ConfigurationTarget.Global);
    }
    repo = buildReviewRepo();
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await llm.close();
  });

  it('reviews a commit: rule and model findings at their lines, invented lines dropped, comments and a safe panel', async function () {
    llm.enqueue({
      kind: 'text',
      text: answer({
        summary: 'Names may now be empty. See [details](https://evil.example/x) ![t](https://evil.example/p.png?q=1)',
        findings: [
          { file: 'src/users.ts', line: 6, kind: 'missing-test', severity: 'medium', message: 'No test covers an empty name; <img src=x onerror=alert(1)>' },
          { file: 'src/users.ts', line: 99, kind: 'behaviour', severity: 'high', message: 'Invented line.' },
        ],
      }),
    });
    const outcome = await explainChanges(repo, repo.commits.removeValidation);
    assert.ok(outcome?.kind === 'ok', JSON.stringify(outcome));
    const at = outcome.report.findings.map((f) => `${f.origin}:${f.kind}:${f.file}:${f.line}`).sort();
    assert.deepEqual(at, ['model:missing-test:src/users.ts:6', 'rule:validation:src/users.ts:6']);
    assert.equal(outcome.report.dropped.length, 1, 'the finding at line 99 was dropped');
    assert.doesNotMatch(outcome.markdown, /Invented line/);
    assert.equal(outcome.threads.length, 2);
    // The threads sit on the file as it is in that (older) commit, not on today's file.
    assert.ok(outcome.threads.every((t) => vscode.Uri.parse(t.uri).scheme === 'routecraft-revision' && vscode.Uri.parse(t.uri).path.endsWith('/src/users.ts') && t.line === 6), JSON.stringify(outcome.threads));
    const old = /\]\(command:routecraft\.openReviewLocation\?([^)]+)\)/.exec(outcome.markdown);
    assert.ok(old?.[1], outcome.markdown);
    assert.equal(await vscode.commands.executeCommand<boolean>(OPEN_LOCATION, ...(JSON.parse(decodeURIComponent(old[1])) as unknown[])), true);
    const atRevision = vscode.window.activeTextEditor?.document;
    assert.equal(atRevision?.uri.scheme, 'routecraft-revision');
    assert.match(atRevision?.lineAt(15).text ?? '', /res\.status\(201\)/, 'the commit\'s own line 16 (201), not the working tree\'s (200)');
    assert.match(outcome.html, /<a href="command:routecraft\.openReviewLocation\?/);
    assert.doesNotMatch(outcome.html, /href="https?:|src="https?:|<img|<script/i, 'no model link, image or HTML renders');
    assert.match(outcome.html, /&lt;img src=x onerror=alert\(1\)&gt;/, 'model HTML is shown as text');
    const panelTabs = (): vscode.Tab[] => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('routecraft.explainChanges'));
    for (let waited = 0; panelTabs().length === 0 && waited < 15_000; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.equal(panelTabs().length, 1, 'the review panel is open (tabs update asynchronously)');
  });

  it('a panel link opens the exact line; findings resolve one by one', async function () {
    llm.enqueue({ kind: 'text', text: answer({ summary: 'Status changes.', findings: [] }) });
    const outcome = await explainChanges(repo, repo.commits.changeStatus);
    assert.ok(outcome?.kind === 'ok', JSON.stringify(outcome));
    const link = /\]\(command:routecraft\.openReviewLocation\?([^)]+)\)/.exec(outcome.markdown);
    assert.ok(link?.[1], outcome.markdown);
    const args = JSON.parse(decodeURIComponent(link[1])) as [string, number];
    assert.equal(args[1], 16);
    assert.equal(await vscode.commands.executeCommand<boolean>(OPEN_LOCATION, ...args), true);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is open');
    assert.ok(editor.document.uri.fsPath.endsWith('src/users.ts'), editor.document.uri.toString());
    assert.equal(editor.selection.active.line, 15, 'line 16 (1-based) is selected');
    assert.equal(await vscode.commands.executeCommand<boolean>(OPEN_LOCATION, '/etc/passwd', 1), false, 'files outside the workspace and the review are refused');
    let resolved = 0;
    while (await vscode.commands.executeCommand<boolean>(RESOLVE)) {
      resolved++;
    }
    assert.equal(resolved, outcome.threads.length);
  });

  it('the leaked key is found at its line and never sent; a bad answer fails clearly', async function () {
    llm.enqueue({ kind: 'text', text: answer({ summary: 'Adds payment config.', findings: [] }) });
    const outcome = await explainChanges(repo, repo.commits.leakKey);
    assert.ok(outcome?.kind === 'ok', JSON.stringify(outcome));
    assert.ok(outcome.report.findings.some((f) => f.rule === 'secret-added' && f.file === 'config/default.json' && f.line === 4));
    assert.ok(!JSON.stringify(llm.requests.map((r) => r.body)).includes(LEAKED_KEY));
    llm.enqueue({ kind: 'text', text: 'no JSON here' }, { kind: 'text', text: 'still none' });
    const bad = await explainChanges(repo, repo.commits.addDependency);
    assert.equal(bad?.kind, 'failed');
    assert.match(bad.kind === 'failed' ? bad.message : '', /could not be used/);
  });
});
