// `npm test`: every check, in order, each reported; ends with one "N passed, N failed" line over
// all mocha suites (unit, in-editor, UI). Exits non-zero if any stage failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const summary = join(mkdtempSync(join(tmpdir(), 'routecraft-tests-')), 'summary.jsonl');
const npx = (...args) => ['npx', ['--no-install', ...args]];

const stages = [
  ['lint', ...npx('eslint', 'src', 'test', 'bench')],
  ['type-check', ...npx('tsc', '--noEmit', '-p', '.')],
  ['type-check tests', ...npx('tsc', '--noEmit', '-p', 'test')],
  ['build', process.execPath, ['esbuild.mjs']],
  ['unit tests', ...npx('mocha', '--config', '.mocharc.json')],
  // Real jest/vitest/mocha/node:test processes on fixture copies: slow, so a stage of their own.
  ['runner tests (real test runners on fixture copies)', ...npx('mocha', '--no-config', '--node-option', 'import=tsx', '--timeout', '240000', '--reporter', './scripts/summary-reporter.cjs', 'test/unit/testgen/run/*Run.test.ts')],
  ['generation tests (fixture projects: tsc + their own runners)', ...npx('mocha', '--no-config', '--node-option', 'import=tsx', '--timeout', '300000', '--reporter', './scripts/summary-reporter.cjs', 'test/generation/**/*.test.ts')],
  ['e2e tests (code-server + chromium)', process.execPath, ['scripts/run-e2e.mjs']],
];
const only = process.argv.slice(2);

const results = [];
for (const [name, command, args] of stages) {
  if (only.length > 0 && !only.some((o) => name.startsWith(o))) {
    continue;
  }
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const run = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ROUTECRAFT_TEST_SUMMARY: summary, ROUTECRAFT_TEST_SUITE: name },
  });
  results.push({ name, ok: run.status === 0, seconds: (Date.now() - started) / 1000 });
}

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(summary)) {
  for (const line of readFileSync(summary, 'utf8').split('\n').filter(Boolean)) {
    const s = JSON.parse(line);
    passed += s.passes;
    failed += s.failures;
    skipped += s.pending;
  }
}
console.log('\n=== summary ===');
for (const r of results) {
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds.toFixed(1)} s)`);
}
const stageFailures = results.filter((r) => !r.ok).length;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(stageFailures > 0 || failed > 0 ? 1 : 0);
