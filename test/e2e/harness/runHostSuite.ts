// Runs one bundled in-host suite in its own code-server window, on a fresh copy of a fixture project.
// Usage (scripts/run-e2e.mjs does this after bundling):
//   node --import tsx test/e2e/harness/runHostSuite.ts --suite out/e2e-suite-endpoint \
//     --fixture express5-vitest --copy e2e-express5-host --label endpoint [--node-modules node_modules]
//   node --import tsx test/e2e/harness/runHostSuite.ts --suite out/e2e-suite --workspace test/fixtures/explain-demo
// Appends {"suite":"e2e-host",...} to $ROUTECRAFT_TEST_SUMMARY when set; exits with the suite's code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { prepareWorkspace } from '../../generation/fixtureWorkspace';
import { runHostSession } from './hostSession';
import { repoRoot } from './paths';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      suite: { type: 'string' },
      fixture: { type: 'string' },
      workspace: { type: 'string' },
      copy: { type: 'string' },
      'node-modules': { type: 'string' },
      label: { type: 'string', default: 'suite' },
    },
  });
  if (!values.suite || (values.fixture === undefined) === (values.workspace === undefined)) {
    console.error('usage: runHostSuite.ts --suite DIR (--fixture NAME [--copy NAME] | --workspace DIR) [--label NAME]');
    return 2;
  }
  const suiteEntry = path.resolve(repoRoot, values.suite, 'index.js');
  if (!fs.existsSync(suiteEntry)) {
    console.error(`${suiteEntry} is missing; run scripts/run-e2e.mjs (it bundles the in-host suites).`);
    return 2;
  }
  const started = Date.now();
  const workspace = values.workspace !== undefined
    ? path.resolve(repoRoot, values.workspace)
    : prepareWorkspace(values.fixture!, values.copy ?? `e2e-${values.fixture!}`, values['node-modules'] === undefined ? undefined : path.resolve(repoRoot, values['node-modules']));
  const result = await runHostSession({
    workspace,
    suiteEntry,
    label: values.label,
    timeoutMs: Number(process.env.ROUTECRAFT_E2E_HOST_TIMEOUT_MS ?? 180_000),
    env: process.env.ROUTECRAFT_E2E_GREP ? { ROUTECRAFT_E2E_GREP: process.env.ROUTECRAFT_E2E_GREP } : {},
  });
  console.log(`\ne2e-host (${values.label}): ${result.passes} passing, ${result.failures} failing, ${result.pending} pending (${((Date.now() - started) / 1000).toFixed(1)} s incl. startup)`);
  const summaryFile = process.env.ROUTECRAFT_TEST_SUMMARY;
  if (summaryFile) {
    fs.appendFileSync(summaryFile, `${JSON.stringify({ suite: 'e2e-host', passes: result.passes, failures: result.failures, pending: result.pending })}\n`);
  }
  return result.exitCode;
}

main().then(
  (code) => { process.exitCode = code; },
  (e: unknown) => { console.error(e); process.exitCode = 1; },
);
