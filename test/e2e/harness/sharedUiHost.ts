import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { explainDemoWorkspace } from './paths';
import { startCodeServer, writeUserSettings, type CodeServer } from './codeServer';
import { logTiming } from './timing';
import { launchChromium } from './workbench';

/**
 * One code-server and one chromium for every UI file of a mocha run (starting them took ~5 s per
 * file). Each UI session still gets what a fresh profile gave it: its own browser context (the
 * workbench's local storage / IndexedDB: secrets, extension global state), its own user settings
 * (written before its window opens) and empty extension storage on the server (globalStorage,
 * workspaceStorage: the response cache, the audit log). Its window opens its own folder through the
 * URL. Stopped by the root hook in uiRootHooks.ts (or, failing that, the exit hook of codeServer.ts).
 */
export interface SharedUiHost {
  readonly server: CodeServer;
  readonly browser: Browser;
}

let shared: Promise<SharedUiHost> | undefined;

/** A disconnected window's extension host lingers this long (code-server's default is 3 hours). */
const GRACE_SECONDS = 60;

async function start(): Promise<SharedUiHost> {
  const started = Date.now();
  const server = await startCodeServer({
    workspace: explainDemoWorkspace,
    label: 'ui-shared',
    args: ['--reconnection-grace-time', String(GRACE_SECONDS)],
  });
  try {
    const browser = await launchChromium();
    logTiming('ui-shared', 'code-server + chromium started once for all UI files', started);
    return { server, browser };
  } catch (e) {
    await server.stop();
    throw e;
  }
}

/**
 * The shared code-server and chromium (started on first use), with the user settings set to
 * `settings` and the server-side extension storage emptied, ready for a new session's window.
 */
export async function sharedUiHost(settings: Readonly<Record<string, unknown>>): Promise<SharedUiHost> {
  shared ??= start();
  const host = await shared.catch((e: unknown) => {
    shared = undefined; // the next file tries again instead of failing on the same promise
    throw e;
  });
  const user = path.join(host.server.tempDir, 'user-data', 'User');
  for (const dir of ['globalStorage', 'workspaceStorage']) {
    fs.rmSync(path.join(user, dir), { recursive: true, force: true, maxRetries: 3 });
  }
  writeUserSettings(host.server.tempDir, settings);
  return host;
}

/** Stops the shared chromium and code-server, if they were started. */
export async function stopSharedUiHost(): Promise<void> {
  const host = await shared?.catch(() => undefined);
  shared = undefined;
  if (host) {
    await host.browser.close().catch(() => undefined);
    await host.server.stop();
  }
}
