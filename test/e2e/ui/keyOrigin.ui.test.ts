// The API key bound to its server's origin, as a person meets it: "Routecraft: Set API Key" from the
// palette (password box) for the user-level server A; then the workspace's .vscode/settings.json
// names another server, B. B must never see the key (both fake servers record every header), and a
// non-loopback workspace server without a key gets the modal "no API key is saved for …" prompt,
// answered here with the mouse.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { FakeLlmServer, type RecordedRequest } from '../../support/fakeLlmServer';
import { explainDemoWorkspace } from '../harness/paths';
import { openFile, runCommand, waitForTab } from '../harness/workbench';
import { useUiSession } from '../harness/uiSession';

const KEY = 'sk-user-key-for-server-a-4242424242';

function chats(server: FakeLlmServer): RecordedRequest[] {
  return server.requests.filter((r) => r.path.endsWith('/chat/completions'));
}

async function until(what: string, condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Selects all of src/pricing.ts and runs Explain Selection (Skip Cache), so every run asks a server. */
async function explainPricing(page: Page): Promise<void> {
  await openFile(page, 'src/pricing.ts');
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+A');
  await page.locator('.editor-instance .monaco-editor .selected-text').first().waitFor({ timeout: 10_000 });
  await runCommand(page, 'Routecraft: Explain Selection (Skip Cache)');
}

describe('API key bound to its server origin (UI)', function () {
  this.timeout(400_000);
  let b: FakeLlmServer | undefined;
  const copy = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'routecraft-ui-key-'));
    fs.cpSync(explainDemoWorkspace, dir, { recursive: true });
    return dir;
  };
  const session = useUiSession({ workspace: copy, label: 'key-origin', isolated: true }); // saves API keys: a profile of its own
  const server = (): FakeLlmServer => {
    assert.ok(b, 'server B runs');
    return b;
  };

  before(async function () {
    b = await FakeLlmServer.start();
  });

  after(async function () {
    await b?.close();
    fs.rmSync(session.workspace(), { recursive: true, force: true });
  });

  it('Set API Key from the palette sends the key to the user-level server it was saved for', async function () {
    const p = session.page();
    await runCommand(p, 'Routecraft: Set API Key');
    const input = p.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 30_000 });
    await input.fill(KEY);
    await p.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 10_000 });
    session.llm().enqueue({ kind: 'text', text: 'Prices things (server A).' });
    const before = chats(session.llm()).length;
    await explainPricing(p);
    await until('a request at server A', () => chats(session.llm()).length > before);
    assert.equal(chats(session.llm())[before]?.headers['authorization'], `Bearer ${KEY}`);
    await waitForTab(p, 'Explain');
  });

  it('a workspace setting naming another server gets no key: a loopback one silently, a remote-looking one after the modal prompt', async function () {
    const p = session.page();
    const settingsFile = path.join(session.workspace(), '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify({ 'routecraft.llm.baseUrl': server().baseUrl }, undefined, 2));
    const port = new URL(server().baseUrl).port;
    await p.locator('.statusbar-item', { hasText: `127.0.0.1:${port}` }).first().waitFor({ timeout: 60_000 });
    server().enqueue({ kind: 'text', text: 'Prices things (server B).' });
    await explainPricing(p);
    await until('a request at server B', () => chats(server()).length === 1);
    const first = chats(server())[0];
    assert.equal(first?.headers['authorization'], undefined, 'no Authorization header at B');
    assert.ok(!JSON.stringify(first?.headers).includes(KEY), 'the key is nowhere in B\'s headers');

    // The same server B under a non-loopback name (0.0.0.0 reaches this machine): the modal asks first.
    fs.writeFileSync(settingsFile, JSON.stringify({ 'routecraft.llm.baseUrl': `http://0.0.0.0:${port}/v1` }, undefined, 2));
    await p.locator('.statusbar-item', { hasText: `0.0.0.0:${port}` }).first().waitFor({ timeout: 60_000 });
    server().enqueue({ kind: 'text', text: 'Prices things (server B, asked first).' });
    await explainPricing(p);
    const dialog = p.locator('.monaco-dialog-box', { hasText: `no API key is saved for http://0.0.0.0:${port}` });
    await dialog.waitFor({ timeout: 60_000 });
    assert.match(await dialog.innerText(), /Keys you saved for your own settings are never sent to it/);
    assert.equal(chats(server()).length, 1, 'nothing sent while the prompt is open');
    await dialog.locator('.monaco-button', { hasText: 'Continue Without Key' }).click();
    await until('the second request at server B', () => chats(server()).length === 2);
    assert.equal(chats(server())[1]?.headers['authorization'], undefined, 'still no key at B');
    assert.equal(chats(session.llm()).filter((r) => r.headers['authorization'] !== `Bearer ${KEY}`).length, 0, 'A only ever got its own key');
  });
});
