import * as assert from 'node:assert/strict';
import { FakeLlmServer } from '../../support/fakeLlmServer';
import { startCodeServer, tail, type CodeServer } from './codeServer';
import { sharedUiHost } from './sharedUiHost';
import { logTiming } from './timing';
import { openWorkbench, runCommand, screenshot, waitForWorkbench, type Workbench } from './workbench';
import type { Page } from 'playwright-core';

export interface UiSessionOptions {
  /** The folder to open; a function when it is prepared in `before` (e.g. a fixture copy). */
  readonly workspace: string | (() => string);
  readonly label: string;
  /** More user settings (e.g. `files.autoSave: 'off'` to keep an edit unsaved). */
  readonly settings?: Readonly<Record<string, unknown>>;
  /**
   * A code-server and chromium of its own, with a fresh user-data-dir, instead of the ones the UI
   * files share (sharedUiHost.ts; each session there still gets a fresh browser context, its own
   * settings and empty extension storage). For a test that saves API keys, for instance.
   * ROUTECRAFT_E2E_ISOLATED=1 gives every session its own.
   */
  readonly isolated?: boolean;
}

/** What a UI suite uses once the session is up. */
export interface UiSession {
  page(): Page;
  llm(): FakeLlmServer;
  workspace(): string;
}

/**
 * Registers the mocha hooks of a UI suite: a fake LLM, a workbench window on the workspace (in the
 * shared code-server and chromium, or its own with `isolated`) with the extension under development
 * pointed at that LLM; a screenshot of every failed test; the window, the LLM (and an own
 * code-server) stopped afterwards. Call inside `describe`.
 */
export function useUiSession(options: UiSessionOptions): UiSession {
  let llm: FakeLlmServer | undefined;
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  let workspace = '';
  let ownServer = false;

  before(async function () {
    const started = Date.now();
    workspace = typeof options.workspace === 'function' ? options.workspace() : options.workspace;
    llm = await FakeLlmServer.start();
    const settings = {
      'routecraft.llm.baseUrl': llm.baseUrl,
      'routecraft.llm.model': 'fake-model',
      'routecraft.llm.maxRetries': 0,
      'routecraft.llm.timeoutSeconds': 30,
      'editor.minimap.enabled': false, // cleaner README screenshots
      ...options.settings,
    };
    const label = `ui-${options.label}`;
    if (options.isolated || process.env.ROUTECRAFT_E2E_ISOLATED) {
      server = await startCodeServer({ workspace, label, settings });
      ownServer = true;
      workbench = await openWorkbench({ server, workspace, label });
    } else {
      const host = await sharedUiHost(settings);
      server = host.server;
      workbench = await openWorkbench({ server, workspace, label, browser: host.browser });
    }
    const explorer = Date.now();
    try {
      await waitForWorkbench(workbench.page, 'package.json');
      logTiming(`ui-${options.label}`, 'explorer shown', explorer);
      await waitForOwnServer(workbench.page, new URL(llm.baseUrl).host, options.label);
      logTiming(`ui-${options.label}`, 'session ready (before hook)', started);
    } catch (e) {
      await screenshot(workbench.page, `ui-${options.label}-workbench-not-ready`);
      console.error(tail(server.logFile));
      throw e;
    }
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && workbench) {
      await screenshot(workbench.page, `ui-failed-${this.currentTest.title}`).catch(() => undefined);
    }
  });

  after(async function () {
    const stopping = Date.now();
    await workbench?.close();
    if (ownServer) {
      await server?.stop();
    }
    await llm?.close();
    logTiming(`ui-${options.label}`, 'stopped (after hook)', stopping);
  });

  return {
    page: () => {
      assert.ok(workbench, 'workbench is open');
      return workbench.page;
    },
    llm: () => {
      assert.ok(llm, 'the fake LLM is running');
      return llm;
    },
    workspace: () => workspace,
  };
}

/**
 * Waits until Routecraft's status bar entry names this session's fake server (`host`): the window
 * read the user settings written for it. Once in CI a fresh window showed the defaults instead (the
 * settings never applied, every request went to localhost:11434); a reload reads them again.
 */
async function waitForOwnServer(page: Page, host: string, label: string): Promise<void> {
  const entry = page.locator('.statusbar-item', { hasText: host }).first();
  if (await entry.waitFor({ timeout: 60_000 }).then(() => true, () => false)) {
    return;
  }
  console.log(`    [ui-${label}] the status bar does not name ${host} (user settings not applied): reloading the window once`);
  await runCommand(page, 'Developer: Reload Window');
  await waitForWorkbench(page, 'package.json');
  await entry.waitFor({ timeout: 60_000 }).catch((e: unknown) => {
    throw new Error(`the window never used its user settings: no status bar entry names ${host}`, { cause: e });
  });
}
