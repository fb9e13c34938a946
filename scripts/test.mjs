// `npm test`: every check, each reported; ends with one "N passed, N failed" line over all mocha
// suites (unit, in-editor, UI). Exits non-zero if any stage failed.
//
// The stages run in two lanes at once (most stages use one core; CI machines have two): each lane
// runs its stages in order, a stage's output is printed whole when it ends, so logs stay readable.
// ROUTECRAFT_TEST_LANES=1 runs everything in one lane, in order. `node scripts/test.mjs PREFIX…`
// runs only the stages whose names start with a prefix (e.g. `unit`, `generation`, `e2e`).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'routecraft-tests-'));
const summary = join(work, 'summary.jsonl');
const npx = (...args) => ['npx', ['--no-install', ...args]];
const mochaNoConfig = (timeout, files) =>
  npx('mocha', '--no-config', '--node-option', 'import=tsx', '--timeout', String(timeout), '--reporter', './scripts/summary-reporter.cjs', ...files);

// Generation tests (fixture projects: tsc + their own runners) are the longest stage: split in two
// halves, one per lane, alternating over the sorted files.
const generationFiles = readdirSync(join(root, 'test', 'generation'))
  .filter((f) => f.endsWith('.test.ts'))
  .sort()
  .map((f) => `test/generation/${f}`);
const generationHalf = (i) => generationFiles.filter((_, n) => n % 2 === i);

/**
 * [name, command, args, after?]: stages run in order inside a lane; `after` names a stage of the
 * other lane to wait for (the bundle tests in unit and the e2e stage read dist/, written once by build).
 */
const only = process.argv.slice(2);
const selected = (name) => only.length === 0 || only.some((o) => name.startsWith(o));
const lanes = [
  [
    ['build', process.execPath, ['esbuild.mjs']],
    ['lint', ...npx('eslint', 'src', 'test', 'bench')],
    ['unit tests', ...npx('mocha', '--config', '.mocharc.json')],
    // Real jest/vitest/mocha/node:test processes on fixture copies: slow, so a stage of their own.
    ['runner tests (real test runners on fixture copies)', ...mochaNoConfig(240000, ['test/unit/testgen/run/*Run.test.ts'])],
    ['generation tests 1/2 (fixture projects: tsc + their own runners)', ...mochaNoConfig(300000, generationHalf(0))],
  ],
  [
    ['type-check', ...npx('tsc', '--noEmit', '-p', '.')],
    ['type-check tests', ...npx('tsc', '--noEmit', '-p', 'test')],
    ['generation tests 2/2 (fixture projects: tsc + their own runners)', ...mochaNoConfig(300000, generationHalf(1))],
    ['e2e tests (code-server + chromium)', process.execPath, ['scripts/run-e2e.mjs', ...(selected('build') ? ['--skip-build'] : [])], 'build'],
  ],
];

const laneCount = Number(process.env.ROUTECRAFT_TEST_LANES ?? Math.min(2, availableParallelism()));
const plan = laneCount > 1 ? lanes : [lanes.flat()];
const started = Date.now();
const clock = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

/** Runs one stage with its output in a file, then prints that file whole. */
function runStage([name, command, args], index) {
  const log = join(work, `stage-${index}.log`);
  const out = createWriteStream(log);
  const stageStart = Date.now();
  console.log(`[${clock()}] started: ${name}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0', ROUTECRAFT_TEST_SUMMARY: summary, ROUTECRAFT_TEST_SUITE: name },
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const finish = (ok, detail = '') => {
      out.end(() => {
        const seconds = (Date.now() - stageStart) / 1000;
        process.stdout.write(`\n=== ${name} ===\n${readFileSync(log, 'utf8')}`);
        console.log(`[${clock()}] ${ok ? 'ok' : 'FAILED'}: ${name} (${seconds.toFixed(1)} s)${detail}`);
        resolve({ name, ok, seconds });
      });
    };
    child.on('error', (error) => finish(false, `: ${error.message}`));
    child.on('close', (code, signal) => finish(code === 0, code === 0 ? '' : `: exit ${code ?? signal}`));
  });
}

/** Settles when the named stage has ended (at once when it is not part of this run). */
const ended = new Map();
const endOf = (name) => ended.get(name)?.promise ?? Promise.resolve();
for (const stage of lanes.flat().filter(([name]) => selected(name))) {
  let resolve;
  const promise = new Promise((r) => (resolve = r));
  ended.set(stage[0], { promise, resolve });
}

async function runLane(stages, laneIndex) {
  const results = [];
  for (const [i, stage] of stages.entries()) {
    if (selected(stage[0])) {
      await endOf(stage[3]);
      const result = await runStage(stage, `${laneIndex}-${i}`);
      ended.get(stage[0]).resolve();
      results.push(result);
    }
  }
  return results;
}

const results = (await Promise.all(plan.map(runLane))).flat();

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
console.log(`wall time ${clock()} in ${plan.length} lane(s)`);
const stageFailures = results.filter((r) => !r.ok).length;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(stageFailures > 0 || failed > 0 ? 1 : 0);
