import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import type { HostStats } from '../suite/index';
import { startCodeServer, tail, type CodeServer } from './codeServer';
import { resultsDir } from './paths';
import { logTiming } from './timing';
import { openWorkbench, screenshot, type Workbench } from './workbench';

/** One in-host mocha run: a bundled suite folder (index.js + *.test.js) against one workspace. */
export interface HostSessionOptions {
  /** The folder the test window opens (`vscode.workspace.workspaceFolders[0]`). */
  readonly workspace: string;
  /** The bundled suite entry (…/index.js exporting `run()`). */
  readonly suiteEntry: string;
  /** Names the temp folder and the failure screenshots / logs. */
  readonly label: string;
  readonly timeoutMs: number;
  /** Extra environment variables for the extension host. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface HostSessionResult {
  /** 0 only when the suite ran, reported results and nothing failed. */
  readonly exitCode: number;
  /** Totals from the suite; a run that failed without a failing test counts one failure. */
  readonly passes: number;
  readonly failures: number;
  readonly pending: number;
}

const BEGIN_MARKER = 'ROUTECRAFT_E2E_BEGIN';
const STATS_MARKER = 'ROUTECRAFT_E2E_STATS ';
/** Workbench chatter that codeAutomationLog forwards along with the extension host's console. */
const NOISE = /^(Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|\[AccountPolicyGate\]|\[AgentHost|Creating a socket|Resolv(ing|ed) connection token|\[reconnection-grace-time\]|\[Service Worker\]|Unable to resolve resource vscode-bulkeditpreview-editor:)/;

/**
 * Starts code-server on `workspace`, opens a test window whose extension host runs `suiteEntry`,
 * streams mocha's output, and returns the totals. Screenshots and logs of failures go to
 * test-results/e2e/host-<label>-*. code-server and chromium are always stopped.
 */
export async function runHostSession(options: HostSessionOptions): Promise<HostSessionResult> {
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  let stats: HostStats | undefined;
  let exitCode = 1;
  let testsStarted = false;
  const startupLog: string[] = [];
  const started = Date.now();
  let testsBegan = started;
  const label = `host-${options.label}`;
  try {
    server = await startCodeServer({ workspace: options.workspace, label: `host-${options.label}` });
    const resultFile = path.join(server.tempDir, 'host-result.json');
    let resolveExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => { resolveExit = resolve; });
    workbench = await openWorkbench({
      server,
      workspace: options.workspace,
      extensionTestsPath: options.suiteEntry,
      extensionEnvironment: { ROUTECRAFT_E2E_RESULT: resultFile, ...options.env },
      onExit: resolveExit,
      onLog: (type, args) => {
        const line = format(...args);
        if (line.startsWith(STATS_MARKER)) {
          stats ??= JSON.parse(line.slice(STATS_MARKER.length)) as HostStats;
        } else if (line.startsWith(BEGIN_MARKER)) {
          testsStarted = true;
          testsBegan = Date.now();
          logTiming(label, 'extension host running the suite (start to first test)', started);
        } else if (!testsStarted) {
          startupLog.push(`<${type}> ${line}`);
        } else if (!NOISE.test(line)) {
          (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
        }
      },
    });
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => { r('timeout'); }, options.timeoutMs).unref());
    const code = await Promise.race([exited, timeout]);
    logTiming(label, 'tests', testsBegan);
    if (fs.existsSync(resultFile)) {
      stats = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as HostStats;
    }
    if (code === 'timeout') {
      console.error(`in-host tests (${options.label}) did not finish within ${options.timeoutMs} ms`);
      await screenshot(workbench.page, `host-${options.label}-timeout`);
      console.error(tail(server.logFile));
    } else {
      exitCode = code;
      if (code !== 0) {
        await screenshot(workbench.page, `host-${options.label}-failed`);
        fs.mkdirSync(resultsDir, { recursive: true });
        const logCopy = path.join(resultsDir, `host-${options.label}-workbench-console.log`);
        fs.writeFileSync(logCopy, `${startupLog.join('\n')}\n\n--- code-server log ---\n${tail(server.logFile, 200)}\n`);
        console.error(`    workbench + code-server log: ${path.relative(process.cwd(), logCopy)}`);
      }
    }
  } catch (e) {
    console.error(`in-host run (${options.label}) failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    if (workbench) {
      await screenshot(workbench.page, `host-${options.label}-error`).catch(() => undefined);
    }
    if (server) {
      console.error(tail(server.logFile));
    }
  } finally {
    const stopping = Date.now();
    await workbench?.close();
    await server?.stop();
    logTiming(label, 'stopped', stopping);
  }
  if (!stats) {
    console.error(`in-host suite (${options.label}) reported no results (counted as 1 failure); workbench log before the tests:`);
    console.error(startupLog.join('\n'));
  }
  const summary = stats ?? { passes: 0, failures: 1, pending: 0, tests: 0, durationMs: 0 };
  if (exitCode === 0 && (summary.failures > 0 || summary.tests === 0)) {
    exitCode = 1;
  }
  // A run that failed without a failing test (nothing ran, host crashed, timeout) still counts as one.
  const failures = exitCode !== 0 ? Math.max(1, summary.failures) : summary.failures;
  return { exitCode, passes: summary.passes, failures, pending: summary.pending };
}
