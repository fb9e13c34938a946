import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeServerEntry, node24 } from './paths';
import { logTiming } from './timing';

/** User settings that keep the workbench quiet and deterministic (shared/e2e-in-real-vscode.md). */
export const quietSettings: Readonly<Record<string, unknown>> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'diffEditor.useInlineViewWhenSpaceIsLimited': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': 'off',
  'git.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.ignoreRecommendations': true,
};

export interface CodeServerOptions {
  /** Folder opened by default (the extension-development URL names it again). */
  readonly workspace: string;
  /** Extra user settings merged over {@link quietSettings}. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** A label for the temp folder and log lines. */
  readonly label?: string;
  /** More code-server command-line options (e.g. `--reconnection-grace-time`). */
  readonly args?: readonly string[];
}

/** A running code-server with its own user-data-dir; `stop()` kills its whole process group. */
export interface CodeServer {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** Temp folder holding the user-data-dir, extensions-dir, browser profile and logs. */
  readonly tempDir: string;
  readonly logFile: string;
  stop(): Promise<void>;
}

const running = new Set<number>();
let exitHookInstalled = false;

/** Kills every process group still running when Node exits, even after a crash or Ctrl+C. */
function installExitHook(): void {
  if (exitHookInstalled) {
    return;
  }
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pid of running) {
      killGroup(pid, 'SIGKILL');
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const pid of running) {
        killGroup(pid, 'SIGKILL');
      }
      process.exit(130);
    });
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => { resolve(port); });
    });
  });
}

async function waitForHealthz(url: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  child.once('exit', (code, signal) => { exited = `exited with ${code ?? signal ?? '?'}`; });
  while (Date.now() < deadline) {
    if (exited) {
      throw new Error(`code-server ${exited} before answering /healthz:\n${tail(logFile)}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms:\n${tail(logFile)}`);
}

/** The last lines of a log file, for error messages. */
export function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Writes the user settings.json of the code-server whose temp folder is `tempDir`: the quiet
 * settings plus `settings`. A window opened afterwards reads them.
 */
export function writeUserSettings(tempDir: string, settings: Readonly<Record<string, unknown>> = {}): void {
  fs.writeFileSync(path.join(tempDir, 'user-data', 'User', 'settings.json'), JSON.stringify({ ...quietSettings, ...settings }, undefined, 2));
}

/**
 * Starts code-server on a free port with a fresh user-data-dir and the given user settings,
 * detached in its own process group, and waits until /healthz answers.
 */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  if (!fs.existsSync(codeServerEntry) || !fs.existsSync(node24)) {
    throw new Error(`code-server is not installed in ${path.dirname(path.dirname(codeServerEntry))}; run: node scripts/install-code-server.mjs`);
  }
  installExitHook();
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), `routecraft-e2e-${options.label ?? 'cs'}-`));
  const userDataDir = path.join(tempDir, 'user-data');
  const extensionsDir = path.join(tempDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(tempDir, options.settings);
  const configFile = path.join(tempDir, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const logFile = path.join(tempDir, 'code-server.log');
  const log = fs.openSync(logFile, 'a');
  const port = await freePort();
  const args = [
    codeServerEntry,
    '--config', configFile,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    '--vscode-option', 'enable-smoke-test-driver',
    ...(options.args ?? []),
    options.workspace,
  ];
  const child = spawn(node24, args, {
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, EXTENSIONS_GALLERY: '{"serviceUrl":""}', XDG_CONFIG_HOME: path.join(tempDir, 'xdg-config'), XDG_DATA_HOME: path.join(tempDir, 'xdg-data') },
  });
  fs.closeSync(log);
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error(`could not spawn ${node24}`);
  }
  running.add(pid);
  const exited = new Promise<void>((resolve) => child.once('exit', () => { resolve(); }));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (!running.delete(pid)) {
      return;
    }
    killGroup(pid, 'SIGTERM');
    const timer = new Promise<'timeout'>((r) => setTimeout(() => { r('timeout'); }, 5000).unref());
    if (await Promise.race([exited, timer]) === 'timeout') {
      killGroup(pid, 'SIGKILL');
      await exited;
    }
    // Extension-host children share the group; make sure none survived the parent.
    killGroup(pid, 'SIGKILL');
    if (!process.env.ROUTECRAFT_E2E_KEEP) {
      fs.rmSync(tempDir, { recursive: true, force: true, maxRetries: 3 });
    }
  };
  const spawned = Date.now();
  try {
    await waitForHealthz(url, child, logFile, 30_000);
  } catch (e) {
    await stop();
    throw e;
  }
  logTiming(options.label ?? 'code-server', 'code-server up (/healthz)', spawned);
  return { url, port, pid, tempDir, logFile, stop };
}
