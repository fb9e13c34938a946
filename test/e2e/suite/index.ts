// The in-host mocha entry (the @vscode/test-electron equivalent): code-server's extension host loads
// out/e2e-suite/index.js through the `extensionTestsPath` payload and awaits `run()`; a rejection
// becomes exit code 1 on `codeAutomationExit`. scripts/run-e2e.mjs bundles this folder with esbuild.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Totals the orchestrator reads back (the host runs on this machine, so a file is the simplest channel). */
export interface HostStats {
  readonly passes: number;
  readonly failures: number;
  readonly pending: number;
  readonly tests: number;
  readonly durationMs: number;
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  const grep = process.env.ROUTECRAFT_E2E_GREP;
  if (grep) {
    mocha.grep(grep);
  }
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const started = Date.now();
  console.log('ROUTECRAFT_E2E_BEGIN');
  const stats = await new Promise<HostStats>((resolve) => {
    const runner = mocha.run(() => {
      const s = runner.stats;
      resolve({ passes: s?.passes ?? 0, failures: s?.failures ?? 0, pending: s?.pending ?? 0, tests: s?.tests ?? 0, durationMs: Date.now() - started });
    });
  });
  const resultFile = process.env.ROUTECRAFT_E2E_RESULT;
  if (resultFile) {
    fs.writeFileSync(resultFile, JSON.stringify(stats));
  }
  console.log(`ROUTECRAFT_E2E_STATS ${JSON.stringify(stats)}`);
  if (stats.failures > 0 || stats.tests === 0) {
    throw new Error(stats.tests === 0 ? 'no in-host tests ran' : `${stats.failures} in-host test(s) failed`);
  }
}
