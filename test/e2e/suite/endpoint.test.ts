// "Routecraft: Generate Endpoint" inside code-server's real extension host, on a copy of the
// express5-vitest fixture (node_modules linked, so the type check is real). scripts/run-e2e.mjs runs
// this file with tests.test.ts in one window (separateHostSuites), this one first. The review is VS Code's multi-file diff
// editor: the tests press its Apply / Discard and CodeLens buttons through the commands behind them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FakeLlmServer } from '../../support/fakeLlmServer';
import { snapshotTree } from '../../support/snapshotTree';
import { APPLY, clickLens, DISCARD, reviewFiles, reviewShowing, waitFor } from './reviewDriver';

const GENERATE = 'routecraft.generateEndpoint';

/** What the folder's project model reused for a generation (src/core/projectModel). */
interface ModelRequest {
  readonly request: number;
  readonly warm: boolean;
  readonly factsReused: boolean;
  readonly check?: { readonly reusedParses: number; readonly newParses: number; readonly programReused: boolean };
}

type Outcome =
  | { readonly kind: 'applied'; readonly written: readonly string[]; readonly skipped: readonly string[]; readonly model?: ModelRequest }
  | { readonly kind: 'discarded'; readonly model?: ModelRequest }
  | { readonly kind: 'stale'; readonly files: readonly string[]; readonly model?: ModelRequest }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

/** The outcome without what the project model reused (asserted by its own test). */
function withoutModel(outcome: Outcome): Outcome {
  return Object.fromEntries(Object.entries(outcome).filter(([key]) => key !== 'model')) as Outcome;
}

/** The bundle runs from out/e2e-suite-endpoint; the spec examples live in docs/. */
const examples = path.join(__dirname, '..', '..', 'docs', 'spec-examples');

const USER_LINE = "app.get('/version', (_req, res) => { res.json({ version: '1.0.0' }) })";

function root(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test window has the express5-vitest copy open');
  return folder.uri.fsPath;
}

function read(relative: string): string {
  return fs.readFileSync(path.join(root(), relative), 'utf8');
}

/** Every file of the workspace with its content (node_modules excluded). */
function snapshot(): Record<string, string> {
  return snapshotTree(root());
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/** A Routecraft spec as the model answers it (a fenced JSON block). */
function specAnswer(spec: unknown): string {
  return `Here is the spec.\n\n\`\`\`json\n${JSON.stringify(spec, undefined, 2)}\n\`\`\`\n`;
}

const accountSpec = {
  version: 1,
  resource: 'account',
  endpoints: [{
    operationId: 'registerAccount',
    method: 'POST',
    path: '/accounts/register',
    summary: 'Register an account',
    body: {
      type: 'object',
      required: ['email', 'password'],
      properties: {
        email: { type: 'string', format: 'email' },
        password: { type: 'string', minLength: 8, examples: ['Secret123'] },
      },
    },
    responses: { '201': { description: 'created' }, '400': { description: 'invalid' } },
  }],
};

const newsletterSpec = {
  version: 1,
  resource: 'subscription',
  endpoints: [{
    operationId: 'subscribe',
    method: 'POST',
    path: '/subscriptions',
    summary: 'Subscribe to the newsletter',
    body: { type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' } } },
    responses: { '201': { description: 'subscribed' }, '400': { description: 'invalid' } },
  }],
};

interface Review {
  /** The workbench command pressed once the review shows the change (apply or discard). */
  readonly press: string;
  /** Runs on every round too, e.g. closing the "changed while generating" warning (no toasts here). */
  readonly also?: string;
  /** How long the command may take (default 60 s). */
  readonly deadlineMs?: number;
}

/**
 * Runs the command and plays the person in front of the review: once the review shows its diff,
 * presses `press` (Apply or Discard) until the command resolves.
 */
async function generate(text: string, review: Review): Promise<Outcome> {
  let settled = false;
  const pending = Promise.resolve(vscode.commands.executeCommand<Outcome>(GENERATE, text)).finally(() => { settled = true; });
  const deadline = Date.now() + (review.deadlineMs ?? 60_000);
  while (!settled) {
    if (Date.now() > deadline) {
      throw new Error(`${GENERATE} did not settle within ${String((review.deadlineMs ?? 60_000) / 1000)} s (pressing ${review.press})`);
    }
    await new Promise((r) => setTimeout(r, 250));
    if (!settled && reviewShowing()) {
      await vscode.commands.executeCommand(review.press);
    }
    if (!settled && review.also) {
      await vscode.commands.executeCommand(review.also);
    }
  }
  return pending;
}

/**
 * Types a line at the end of src/app.ts in an editor, as a person does (a WorkspaceEdit on a file
 * that no editor shows is saved by VS Code at once), and saves it only when `save`.
 */
async function typeIntoAppTs(save: boolean): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root(), 'src', 'app.ts')));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  assert.ok(await editor.edit((b) => b.insert(document.positionAt(document.getText().length), `\n${USER_LINE}\n`)), 'the user edit applied');
  if (save) {
    assert.ok(await document.save(), 'the user edit saved');
  }
  return document;
}

describe('Generate Endpoint in a real VS Code (extension host)', function () {
  this.timeout(90_000);
  let llm: FakeLlmServer;

  before(async function () {
    llm = await FakeLlmServer.start();
    const config = vscode.workspace.getConfiguration('routecraft.llm');
    for (const [key, value] of Object.entries({ baseUrl: llm.baseUrl, model: 'fake-model', maxRetries: 0, timeoutSeconds: 30 })) {
      await config.update(key, value, vscode.ConfigurationTarget.Global);
    }
    // VS Code for the Web (code-server) saves after a delay by default; desktop VS Code does not.
    // The stale test needs an edit that stays unsaved.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    assert.ok(fs.existsSync(path.join(root(), 'node_modules', 'express')), 'the fixture copy has node_modules');
  });

  after(async function () {
    await llm.close();
  });

  it('a pasted YAML spec (no LLM) → multi-file review → Apply: the files are written and registers the router once', async function () {
    const yaml = fs.readFileSync(path.join(examples, 'products-crud.yaml'), 'utf8');
    const outcome = await generate(yaml, { press: APPLY });

    assert.equal(outcome.kind, 'applied', JSON.stringify(outcome));
    assert.ok(outcome.kind === 'applied');
    for (const file of ['src/routes/products.ts', 'src/schemas/products.ts', 'src/repositories/productRepository.ts', 'src/app.ts', 'test/products.test.ts']) {
      assert.ok(outcome.written.includes(file), `${file} written: ${JSON.stringify(outcome.written)}`);
      assert.ok(fs.existsSync(path.join(root(), file)), `${file} is on disk`);
    }
    assert.deepEqual(outcome.skipped, []);
    assert.match(read('src/routes/products.ts'), /productsRouter/);
    const app = read('src/app.ts');
    assert.equal(count(app, "app.use('/products', productsRouter)"), 1, app);
    assert.equal(count(app, "import { productsRouter } from './routes/products.js'"), 1, app);
    assert.equal(llm.requests.length, 0, 'structured input never asks the LLM');
    assert.deepEqual(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.fsPath), [], 'everything saved');
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, path.join(root(), 'src', 'routes', 'products.ts'), 'the main file is open');
  });

  it('Discard in the review writes nothing', async function () {
    const before = snapshot();
    const yaml = fs.readFileSync(path.join(examples, 'user-registration.yaml'), 'utf8');

    const outcome = await generate(yaml, { press: DISCARD });

    assert.deepEqual(withoutModel(outcome), { kind: 'discarded' });
    assert.deepEqual(snapshot(), before, 'no file created or changed');
    assert.deepEqual(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.fsPath), []);
  });

  it('takes and leaves a hunk and a file in the multi-file review; Apply is one edit that one Undo reverts byte for byte', async function () {
    this.timeout(240_000);
    const before = snapshot();
    const yaml = fs.readFileSync(path.join(examples, 'user-registration.yaml'), 'utf8');
    let settled = false;
    const pending = Promise.resolve(vscode.commands.executeCommand<Outcome>(GENERATE, yaml)).finally(() => { settled = true; });
    await waitFor('the multi-file review', () => settled || reviewFiles().size > 0, 150_000);
    assert.ok(!settled, 'the command ended without a review');

    console.log('      review open');
    const files = reviewFiles();
    const app = files.get('src/app.ts');
    assert.ok(app, `app.ts is in the review: ${JSON.stringify([...files.keys()])}`);
    assert.equal(app.original.scheme, 'file', 'a changed file is shown against itself');
    const testFile = [...files.keys()].find((f) => f.startsWith('test/'));
    assert.ok(testFile, 'the generated test file is in the review');
    assert.equal(files.get(testFile)?.original.scheme, 'routecraft-proposal', 'a new file is shown against an empty document');
    assert.deepEqual(snapshot(), before, 'nothing written while reviewing');

    // Leave the hunk that registers the router, keep the one that imports it.
    const proposed = await vscode.workspace.openTextDocument(app.modified);
    const registration = proposed.getText().split('\n').findIndex((l) => l.startsWith("app.use('/users'"));
    assert.ok(registration >= 0, proposed.getText());
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', app.modified);
    const leave = lenses.find((l) => l.range.start.line === registration && /Leave This Change/.test(l.command?.title ?? ''));
    assert.ok(leave?.command, `a Leave lens on line ${registration}: ${JSON.stringify(lenses.map((l) => [l.range.start.line, l.command?.title]))}`);
    await vscode.commands.executeCommand(leave.command.command, ...((leave.command.arguments ?? []) as unknown[]));
    await waitFor('the proposal without the registration', async () => !(await vscode.workspace.openTextDocument(app.modified)).getText().includes("app.use('/users'"));
    assert.match((await vscode.workspace.openTextDocument(app.modified)).getText(), /import \{ usersRouter \}/, 'the import stays proposed');
    // Leave the whole test file.
    await clickLens(files.get(testFile)!.modified, /Leave File/);
    await waitFor('the left test file to show empty', async () => (await vscode.workspace.openTextDocument(files.get(testFile)!.modified)).getText() === '');

    console.log('      hunk and file left');
    await vscode.commands.executeCommand(APPLY);
    const outcome = await pending;
    console.log('      applied');
    assert.equal(outcome.kind, 'applied', JSON.stringify(outcome));
    assert.ok(outcome.kind === 'applied');
    assert.deepEqual(outcome.skipped, [testFile]);
    assert.ok(outcome.written.includes('src/app.ts') && !outcome.written.includes(testFile), JSON.stringify(outcome.written));
    assert.ok(!fs.existsSync(path.join(root(), testFile)), 'the left file is not written');
    const appOnDisk = read('src/app.ts');
    assert.match(appOnDisk, /import \{ usersRouter \}/);
    assert.doesNotMatch(appOnDisk, /app\.use\('\/users'/, 'the left hunk is not written');
    assert.ok(!reviewShowing(), 'the review closed');
    const created = outcome.written.filter((f) => before[f] === undefined);
    assert.ok(created.length >= 2, `new files written: ${JSON.stringify(created)}`);

    // One Undo, in the editor of the new route file that Apply opened.
    assert.ok(vscode.window.activeTextEditor, 'an editor is active after Apply');
    await vscode.commands.executeCommand('undo');
    await waitFor('every new file removed and app.ts restored', async () =>
      created.every((f) => !fs.existsSync(path.join(root(), f))) && (await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root(), 'src', 'app.ts')))).getText() === before['src/app.ts']);
    // Routecraft saves a changed file once Undo brings it back to exactly its text before Apply.
    await waitFor('app.ts saved by the undo watcher', () => read('src/app.ts') === before['src/app.ts']);
    const restored = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root(), 'src', 'app.ts')));
    await waitFor('app.ts not dirty', () => !restored.isDirty);
    assert.deepEqual(snapshot(), before, 'byte-identical files after one Undo, in the editor and on disk');
  });

  it('Apply refuses a file edited (unsaved) after the review opened: stale, nothing written', async function () {
    this.timeout(240_000);
    const before = snapshot();
    const yaml = fs.readFileSync(path.join(examples, 'user-registration.yaml'), 'utf8');
    let settled = false;
    const pending = Promise.resolve(vscode.commands.executeCommand<Outcome>(GENERATE, yaml)).finally(() => { settled = true; });
    await waitFor('the multi-file review', () => settled || reviewShowing(), 150_000);
    const document = await typeIntoAppTs(false);

    await vscode.commands.executeCommand(APPLY);
    // The "changed while generating" warning waits for an answer (no toasts here): close it.
    while (!settled) {
      await vscode.commands.executeCommand('notifications.clearAll');
      await new Promise((r) => setTimeout(r, 250));
    }
    const outcome = await pending;

    assert.deepEqual(withoutModel(outcome), { kind: 'stale', files: ['src/app.ts'] });
    assert.deepEqual(snapshot(), before, 'nothing written');
    assert.ok(document.isDirty && document.getText().includes(USER_LINE), 'the user edit is kept, unsaved');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('notifications.clearAll');
    assert.equal(document.getText(), before['src/app.ts'], 'the test leaves app.ts as it found it');
  });

  it('plain words go to the LLM; its spec is generated and applied', async function () {
    const description = 'account registration takes email and password; password at least 8 characters';
    llm.enqueue({ kind: 'text', text: specAnswer(accountSpec), chunkSize: 64 });
    const before = llm.requests.length;

    const outcome = await generate(description, { press: APPLY });

    const bodies = llm.requests.slice(before).filter((r) => r.path.endsWith('/chat/completions')).map((r) => JSON.stringify(r.body));
    assert.equal(bodies.length, 1, 'one chat request');
    assert.ok(bodies[0]?.includes(description), 'the request carries the description');
    assert.ok(bodies[0]?.includes('fake-model'));
    assert.equal(outcome.kind, 'applied', JSON.stringify(outcome));
    assert.ok(fs.existsSync(path.join(root(), 'src', 'routes', 'accounts.ts')) || Object.keys(snapshot()).some((f) => f.startsWith('src/routes/account')), 'the account route exists');
    assert.equal(count(read('src/app.ts'), "app.use('/products', productsRouter)"), 1, 'the earlier registration is not duplicated');
  });

  it('an unsaved edit to app.ts made while the LLM answers is never overwritten: stale, nothing written', async function () {
    const diskBefore = read('src/app.ts');
    // A slow answer (~5 s): the edit lands while the model is still talking, even on a loaded machine.
    llm.enqueue({ kind: 'text', text: specAnswer(newsletterSpec), chunkSize: 40, chunkDelayMs: 200 });
    const requests = llm.requests.length;
    let edited: vscode.TextDocument | undefined;
    const editing = (async () => {
      await llm.waitForRequests(requests + 1, 20_000);
      edited = await typeIntoAppTs(false);
    })();

    const outcome = await generate('newsletter subscription with an email', { press: DISCARD, also: 'notifications.clearAll' });
    await editing;

    assert.ok(edited);
    assert.ok(edited.getText().includes(USER_LINE), 'the buffer keeps the user text');
    // The generator read app.ts from disk; the open buffer differs, so the review refuses it.
    assert.deepEqual(withoutModel(outcome), { kind: 'stale', files: ['src/app.ts'] });
    assert.equal(read('src/app.ts'), diskBefore, 'nothing written to app.ts');
    assert.ok(edited.isDirty, 'the user edit is still unsaved, in the editor');
    assert.ok(!Object.keys(snapshot()).some((f) => f.includes('subscription')), 'no subscription file written');
  });

  it('a saved edit to app.ts made while the LLM answers is kept in the applied change', async function () {
    llm.enqueue({ kind: 'text', text: specAnswer(newsletterSpec), chunkSize: 40, chunkDelayMs: 60 });
    const requests = llm.requests.length;
    const editing = (async () => {
      await llm.waitForRequests(requests + 1, 20_000);
      await typeIntoAppTs(true);
    })();

    // Not the stale test's words: its answer is in the response cache and would send no request.
    const outcome = await generate('a newsletter subscription that takes an email address', { press: APPLY });
    await editing;

    const app = read('src/app.ts');
    assert.ok(app.includes(USER_LINE), `app.ts keeps the user's line:\n${app}`);
    assert.equal(outcome.kind, 'applied', JSON.stringify(outcome));
    assert.ok(outcome.kind === 'applied' && outcome.written.includes('src/app.ts'));
    assert.equal(count(app, USER_LINE), 2, 'both user lines (the unsaved one from the stale test, now saved, and this one) are kept');
    assert.match(app, /app\.use\('\/subscriptions', \w+\)/, 'and the new router is registered');
    assert.equal(count(app, "app.use('/products', productsRouter)"), 1);
  });

  it('two generations in a row both reach the review; the second uses the folder\'s warm project model', async function () {
    this.timeout(420_000);
    const yaml = fs.readFileSync(path.join(examples, 'user-registration.yaml'), 'utf8');
    // Run alone (ROUTECRAFT_E2E_GREP) this is the window's first command: adapter load and a cold check.
    const first = await generate(yaml, { press: DISCARD, deadlineMs: 200_000 });
    const second = await generate(yaml, { press: DISCARD, deadlineMs: 200_000 });

    assert.equal(first.kind, 'discarded', JSON.stringify(first));
    assert.equal(second.kind, 'discarded', JSON.stringify(second));
    const before = first.kind === 'discarded' ? first.model : undefined;
    const after = second.kind === 'discarded' ? second.model : undefined;
    assert.ok(before && after, `both report their project model: ${JSON.stringify([before, after])}`);
    assert.equal(after.request, before.request + 1, 'the same model served both');
    assert.equal(after.warm, true);
    assert.ok((after.check?.reusedParses ?? 0) > 50, `the second type check reused the parses: ${JSON.stringify(after)}`);
    assert.ok((after.check?.newParses ?? Infinity) < (after.check?.reusedParses ?? 0), JSON.stringify(after));
  });
});
