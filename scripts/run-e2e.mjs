#!/usr/bin/env node
// The real-editor tests (see shared/e2e-in-real-vscode.md and test/e2e/README.md):
//   1. install code-server + chromium if missing (no-op when present)
//   2. build the extension (node esbuild.mjs)
//   3. bundle the in-host mocha suite (test/e2e/suite -> out/e2e-suite, `vscode` external)
//   4. run it inside code-server's extension host, on a copy of explain-demo (summary line: e2e-host)
//      then each suite of separateHostSuites in its own window on a fixture copy (e2e-host)
//   5. run the UI scenarios with playwright-core on Node    (summary line: e2e-ui)
// Exits non-zero if any step fails. Flags: --host-only, --ui-only, --skip-install, --skip-build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = new Set(process.argv.slice(2));
const started = Date.now();
const seconds = (from) => `${((Date.now() - from) / 1000).toFixed(1)} s`;

function step(title, cmd, args, env = {}) {
  const t = Date.now();
  console.log(`\n[e2e] ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  console.log(`[e2e] ${title}: ${ok ? 'ok' : `FAILED (${r.error?.message ?? r.status ?? r.signal})`} in ${seconds(t)}`);
  return ok;
}

/**
 * In-host suites that need a workspace of their own (a fixture project copied to
 * test/fixtures/.work/<copy>): each runs in its own code-server window after the main in-host run.
 * Each window costs 20-40 s before its first test (code-server, workbench, extension host), so
 * files that can share a fixture copy share a window: endpoint.test.ts and tests.test.ts (both on
 * express5-vitest; endpoint's files run first, tests.test.ts only adds a test file). The main run
 * (every other file, security.test.ts last: it writes workspace settings) uses a copy of
 * explain-demo, see {@link mainHostSuite}.
 */
export const separateHostSuites = [
  // endpoint 80 s + tests 52 s of tests on a loaded 2-core machine, plus the window's start.
  { label: 'endpoint', files: ['endpoint.test.ts', 'tests.test.ts'], fixture: 'express5-vitest', copy: 'e2e-express5-host', timeoutMs: 360_000 },
  // The sql-* fixtures have no install of their own: the copy links the repository's node_modules.
  // Its first scenario (schema, proof on sql.js, type check, review, Apply) took 57-138 s on a loaded 2-core machine.
  { label: 'sql', files: ['sql.test.ts'], fixture: 'sql-migrations', copy: 'e2e-sql-host', nodeModules: 'node_modules', timeoutMs: 360_000 },
];

/** The main in-host run: every file not in {@link separateHostSuites}, on a copy of explain-demo. */
export const mainHostSuite = { label: 'main', files: undefined, fixture: 'explain-demo', copy: 'e2e-explain-demo-host', timeoutMs: 300_000 };

/**
 * Bundles test/e2e/suite: index.js (mocha entry) plus one self-contained bundle per *.test.ts.
 * `only` limits the test files (default: all but those of {@link separateHostSuites}).
 */
export async function bundleHostSuite(outdir = join(root, 'out', 'e2e-suite'), only = undefined) {
  const suiteDir = join(root, 'test', 'e2e', 'suite');
  const separate = new Set(separateHostSuites.flatMap((s) => s.files));
  rmSync(outdir, { recursive: true, force: true });
  const entryPoints = readdirSync(suiteDir)
    .filter((f) => f === 'index.ts' || (f.endsWith('.test.ts') && (only ? only.includes(f) : !separate.has(f))))
    .map((f) => join(suiteDir, f));
  // Mocha 12's package entry is ESM; its CommonJS build is lib/mocha.cjs, loaded from node_modules
  // at run time (out/ sits next to node_modules) rather than bundled.
  const mochaCjs = {
    name: 'mocha-cjs',
    setup(build) {
      build.onResolve({ filter: /^mocha$/ }, () => ({ path: 'mocha/lib/mocha.cjs', external: true }));
    },
  };
  await esbuild.build({
    entryPoints,
    outdir,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode'],
    plugins: [mochaCjs],
    logLevel: 'warning',
  });
  return outdir;
}

async function main() {
  let ok = true;
  // Screenshots and logs in test-results/e2e/ always belong to the latest run of their part: npm test
  // runs the in-host part (files `host-*`) and the UI part (the rest) as two stages side by side, so
  // each clears only its own files.
  const results = join(root, 'test-results', 'e2e');
  for (const name of existsSync(results) ? readdirSync(results) : []) {
    const host = name.startsWith('host-');
    if ((host && !argv.has('--ui-only')) || (!host && !argv.has('--host-only'))) {
      rmSync(join(results, name), { recursive: true, force: true });
    }
  }
  if (!argv.has('--skip-install')) {
    if (!step('install code-server', process.execPath, [join(root, 'scripts', 'install-code-server.mjs')])) {
      return 1;
    }
  }
  if (!argv.has('--skip-build')) {
    if (!step('build the extension', process.execPath, [join(root, 'esbuild.mjs')])) {
      return 1;
    }
  }
  const tsx = ['--import', 'tsx'];
  if (!argv.has('--ui-only')) {
    for (const suite of [mainHostSuite, ...separateHostSuites]) {
      const t = Date.now();
      try {
        const outdir = await bundleHostSuite(join(root, 'out', suite.files ? `e2e-suite-${suite.label}` : 'e2e-suite'), suite.files);
        console.log(`\n[e2e] bundled the ${suite.label} in-host suite into ${outdir} in ${seconds(t)}`);
        ok = step(`in-host tests: ${suite.label} (fixture ${suite.fixture})`, process.execPath, [
          ...tsx, join(root, 'test', 'e2e', 'harness', 'runHostSuite.ts'),
          '--suite', outdir, '--fixture', suite.fixture, '--copy', suite.copy, '--label', suite.label,
          ...(suite.nodeModules ? ['--node-modules', suite.nodeModules] : []),
        ], suite.timeoutMs && !process.env.ROUTECRAFT_E2E_HOST_TIMEOUT_MS ? { ROUTECRAFT_E2E_HOST_TIMEOUT_MS: String(suite.timeoutMs) } : {}) && ok;
      } catch (e) {
        console.error(`[e2e] bundling the ${suite.label} in-host suite failed: ${e instanceof Error ? e.message : String(e)}`);
        ok = false;
      }
    }
  }
  if (!argv.has('--host-only')) {
    const mocha = join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
    ok = step('UI tests (playwright-core + chromium)', process.execPath, [
      mocha, '--no-config', '--node-option', 'import=tsx', '--timeout', '120000', '--exit',
      '--reporter', './scripts/summary-reporter.cjs',
      // The UI files share one code-server and chromium (harness/sharedUiHost.ts); this stops them.
      '--require', 'test/e2e/harness/uiRootHooks.ts',
      'test/e2e/ui/**/*.test.ts',
    ], { ROUTECRAFT_TEST_SUITE: 'e2e-ui' }) && ok;
  }
  console.log(`\n[e2e] ${ok ? 'all passed' : 'FAILED'} in ${seconds(started)}${ok ? '' : ' (screenshots and logs: test-results/e2e/)'}`);
  return ok ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
