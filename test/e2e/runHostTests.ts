// Runs the bundled in-host suite (out/e2e-suite/index.js) inside code-server's extension host and
// exits with its exit code. Usage: node --import tsx test/e2e/runHostTests.ts (scripts/run-e2e.mjs
// bundles the suite first). Appends {"suite":"e2e-host",...} to $ROUTECRAFT_TEST_SUMMARY when set.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { startCodeServer, tail, type CodeServer } from './harness/codeServer';
import { explainDemoWorkspace, hostSuiteDir, resultsDir } from './harness/paths';
import { openWorkbench, screenshot, type Workbench } from './harness/workbench';
import type { HostStats } from './suite/index';

const TIMEOUT_MS = Number(process.env.ROUTECRAFT_E2E_HOST_TIMEOUT_MS ?? 180_000);

const BEGIN_MARKER = 'ROUTECRAFT_E2E_BEGIN';
const STATS_MARKER = 'ROUTECRAFT_E2E_STATS ';
/** Workbench chatter that codeAutomationLog forwards along with the extension host's console. */
const NOISE = /^(Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|\[AccountPolicyGate\]|\[AgentHost|Creating a socket|Resolv(ing|ed) connection token|\[reconnection-grace-time\]|\[Service Worker\])/;

function formatLogArgs(args: readonly unknown[]): string {
  return format(...args);
}

async function main(): Promise<number> {
  const suiteEntry = path.join(hostSuiteDir, 'index.js');
  if (!fs.existsSync(suiteEntry)) {
    console.error(`${suiteEntry} is missing; run scripts/run-e2e.mjs (it bundles the in-host suite).`);
    return 2;
  }
  const started = Date.now();
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  let stats: HostStats | undefined;
  let exitCode = 1;
  let testsStarted = false;
  const startupLog: string[] = [];
  try {
    server = await startCodeServer({ workspace: explainDemoWorkspace, label: 'host' });
    const resultFile = path.join(server.tempDir, 'host-result.json');
    let resolveExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => { resolveExit = resolve; });
    workbench = await openWorkbench({
      server,
      workspace: explainDemoWorkspace,
      extensionTestsPath: suiteEntry,
      extensionEnvironment: {
        ROUTECRAFT_E2E_RESULT: resultFile,
        ...(process.env.ROUTECRAFT_E2E_GREP ? { ROUTECRAFT_E2E_GREP: process.env.ROUTECRAFT_E2E_GREP } : {}),
      },
      onExit: resolveExit,
      onLog: (type, args) => {
        const line = formatLogArgs(args);
        if (line.startsWith(STATS_MARKER)) {
          stats ??= JSON.parse(line.slice(STATS_MARKER.length)) as HostStats;
        } else if (line.startsWith(BEGIN_MARKER)) {
          testsStarted = true;
        } else if (!testsStarted) {
          startupLog.push(`<${type}> ${line}`);
        } else if (!NOISE.test(line)) {
          (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
        }
      },
    });
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => { r('timeout'); }, TIMEOUT_MS).unref());
    const code = await Promise.race([exited, timeout]);
    if (fs.existsSync(resultFile)) {
      stats = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as HostStats;
    }
    if (code === 'timeout') {
      console.error(`in-host tests did not finish within ${TIMEOUT_MS} ms`);
      await screenshot(workbench.page, 'host-timeout');
      console.error(tail(server.logFile));
    } else {
      exitCode = code;
      if (code !== 0) {
        await screenshot(workbench.page, 'host-failed');
        fs.mkdirSync(resultsDir, { recursive: true });
        const logCopy = path.join(resultsDir, 'host-workbench-console.log');
        fs.writeFileSync(logCopy, `${startupLog.join('\n')}\n\n--- code-server log ---\n${tail(server.logFile, 200)}\n`);
        console.error(`    workbench + code-server log: ${path.relative(process.cwd(), logCopy)}`);
      }
    }
  } catch (e) {
    console.error(`in-host run failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    if (workbench) {
      await screenshot(workbench.page, 'host-error').catch(() => undefined);
    }
    if (server) {
      console.error(tail(server.logFile));
    }
  } finally {
    await workbench?.close();
    await server?.stop();
  }
  const summary = stats ?? { passes: 0, failures: 1, pending: 0, tests: 0, durationMs: 0 };
  if (!stats) {
    console.error('in-host suite reported no results (counted as 1 failure); workbench log before the tests:');
    console.error(startupLog.join('\n'));
  }
  if (exitCode === 0 && (summary.failures > 0 || summary.tests === 0)) {
    exitCode = 1;
  }
  // A run that failed without a failing test (nothing ran, host crashed, timeout) still counts as one.
  const failures = exitCode !== 0 ? Math.max(1, summary.failures) : summary.failures;
  console.log(`\ne2e-host: ${summary.passes} passing, ${failures} failing, ${summary.pending} pending (${((Date.now() - started) / 1000).toFixed(1)} s incl. startup)`);
  const summaryFile = process.env.ROUTECRAFT_TEST_SUMMARY;
  if (summaryFile) {
    fs.appendFileSync(summaryFile, `${JSON.stringify({ suite: 'e2e-host', passes: summary.passes, failures, pending: summary.pending })}\n`);
  }
  return exitCode;
}

main().then(
  (code) => { process.exitCode = code; },
  (e: unknown) => { console.error(e); process.exitCode = 1; },
);
