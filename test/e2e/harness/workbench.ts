import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Locator, type Page } from 'playwright-core';
import type { CodeServer } from './codeServer';
import { chromiumPath, extensionRoot, resultsDir } from './paths';
import { logTiming } from './timing';

export interface WorkbenchOptions {
  readonly server: CodeServer;
  readonly workspace: string;
  /** An in-host mocha entry (absolute path of a .js exporting `run()`); makes this a test window. */
  readonly extensionTestsPath?: string;
  /** Environment variables for the extension host. */
  readonly extensionEnvironment?: Readonly<Record<string, string>>;
  /** Receives the exit code of an `extensionTestsPath` run. */
  readonly onExit?: (code: number) => void;
  /** Receives the extension host's console output in a test window. */
  readonly onLog?: (type: string, args: readonly unknown[]) => void;
  /**
   * A running chromium to open a fresh context in (its own cookies, local storage and IndexedDB,
   * which hold the workbench's secrets and extension state) instead of launching one.
   */
  readonly browser?: Browser;
  /** Names this window in the timing lines (default: the server's label). */
  readonly label?: string;
}

/** A chromium page showing the workbench, with the extension under development loaded. */
export interface Workbench {
  readonly page: Page;
  readonly context: BrowserContext;
  close(): Promise<void>;
}

const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** The workbench URL that loads the extension from source (needs enable-smoke-test-driver). */
export function workbenchUrl(server: CodeServer, workspace: string, extra: readonly (readonly [string, string])[] = []): string {
  const payload = [['extensionDevelopmentPath', `vscode-remote://remote${extensionRoot}`], ...extra];
  return `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Launches chromium (headless, no sandbox) for {@link WorkbenchOptions.browser}. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

/** Launches chromium with a fresh profile (or a fresh context of `options.browser`) and opens the workbench. */
export async function openWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const extra: [string, string][] = [];
  if (options.extensionTestsPath) {
    extra.push(['extensionTestsPath', `vscode-remote://remote${options.extensionTestsPath}`]);
  }
  if (options.extensionEnvironment) {
    extra.push(['extensionEnvironment', JSON.stringify(options.extensionEnvironment)]);
  }
  const profile = path.join(options.server.tempDir, `chromium-${Date.now()}`);
  const launched = Date.now();
  const label = options.label ?? path.basename(options.server.tempDir).replace(/^routecraft-e2e-|-\w+$/g, '');
  const viewport = { width: 1400, height: 900 };
  const context = options.browser
    ? await options.browser.newContext({ viewport })
    : await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, viewport, args: chromiumArgs });
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) {
      return;
    }
    closed = true;
    await context.close().catch(() => undefined);
  };
  try {
    const page = context.pages()[0] ?? await context.newPage();
    logTiming(label, options.browser ? 'browser context opened' : 'chromium launched', launched);
    const loading = Date.now();
    await page.exposeFunction('codeAutomationExit', (code: number) => { options.onExit?.(code); });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => { options.onLog?.(type, args); });
    // A busy machine (2 cores shared by several runs) can take well over 30 s to serve the workbench.
    await page.goto(workbenchUrl(options.server, options.workspace, extra), { timeout: 120_000 });
    logTiming(label, 'workbench page loaded', loading);
    return { page, context, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Waits until the explorer shows the workspace (the workbench is usable). */
export async function waitForWorkbench(page: Page, fileInExplorer: string, timeoutMs = 60_000): Promise<void> {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileInExplorer }).first()
    .waitFor({ state: 'visible', timeout: timeoutMs });
}

/**
 * Runs a command from the palette like a person: F1, type `>title`, wait for the row, Enter.
 * Under load a freshly contributed command can show up late, so this retries a few times.
 * `opened`: what shows once the command has started, for a command that opens its own input box in
 * the palette's place (the palette never closes then); by default, the palette closing.
 */
export async function runCommand(page: Page, title: string, attempts = 5, opened?: Locator): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  // The row whose label is exactly the title ("Explain Selection" must not pick "… (Skip Cache)").
  const row = widget.locator('.quick-input-list .monaco-list-row').filter({ has: page.getByText(title, { exact: true }) }).first();
  for (let attempt = 1; ; attempt++) {
    try {
      // Inside the retry: an editor the previous step opens late takes the focus and closes the palette.
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(`>${title}`, { timeout: 10_000 });
      await row.waitFor({ state: 'visible', timeout: 3_000 });
      await row.click();
      await (opened ? opened.waitFor({ state: 'visible', timeout: 30_000 }) : paletteLeft(input, title));
      return;
    } catch (e) {
      await page.keyboard.press('Escape');
      if (attempt >= attempts) {
        throw new Error(`command "${title}" did not appear in the palette after ${attempts} attempts`, { cause: e });
      }
      await page.waitForTimeout(1_000);
    }
  }
}

/**
 * Waits until the palette has handed over: its input hidden, or showing something other than
 * `>title` (a command that opens its own quick pick or input box reuses the same widget, and the
 * moment it is hidden in between can be too short to observe).
 */
async function paletteLeft(input: Locator, title: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = await input.isVisible().then(
      async (visible) => !visible || (await input.inputValue({ timeout: 1_000 })) !== `>${title}`,
      () => false,
    ).catch(() => false);
    if (left) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`the palette still shows ">${title}" after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens a workspace file by its path relative to the folder, via Quick Open (Ctrl+P). */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  const name = path.basename(relativePath);
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  await page.keyboard.press('Control+P');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(relativePath);
  await widget.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 60_000 }); // file search is slow on a busy machine
  await page.keyboard.press('Enter');
  await waitForTab(page, name);
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
}

/** An editor tab whose label contains `title`. */
export function tab(page: Page, title: string): Locator {
  return page.locator('.tabs-container .tab', { hasText: title });
}

export async function waitForTab(page: Page, title: string, timeoutMs = 20_000): Promise<Locator> {
  const t = tab(page, title).first();
  await t.waitFor({ state: 'visible', timeout: timeoutMs });
  return t;
}

/**
 * The content document of the visible webview. VS Code nests two iframes: `iframe.webview.ready`
 * (the webview host) and, inside it, `#active-frame` (the extension's HTML).
 */
export function webviewContent(page: Page): FrameLocator {
  return page.locator('iframe.webview.ready').last().contentFrame().locator('#active-frame').contentFrame();
}

/** Saves a full-page screenshot and prints where it went. */
export async function screenshot(page: Page, name: string, file?: string): Promise<string> {
  const target = file ?? path.join(resultsDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await page.screenshot({ path: target });
  console.log(`    screenshot: ${path.relative(process.cwd(), target)}`);
  return target;
}
