// `npm test`: every check, each reported; ends with one "N passed, N failed" line over all mocha
// suites (unit, in-editor, UI). Exits non-zero if any stage failed.
//
// The stages run in two lanes at once (most stages use one core; CI machines have two), longest
// first: whenever a lane is free it takes the longest stage whose prerequisite has ended (the
// in-host and UI editor tests are separate stages, so they run side by side with the rest instead
// of at the end). A stage's output is printed whole when it ends, so logs stay readable.
// ROUTECRAFT_TEST_LANES=1 runs everything in one lane, in the listed order. `node scripts/test.mjs
// PREFIX…` runs only the stages whose names start with a prefix (e.g. `unit`, `generation`, `e2e`).
// ROUTECRAFT_TEST_DRY_RUN=1 runs no stage, only shows the order (each waits 1/100 of its CI time).
// Each stage runs under scripts/cpu-time.mjs: its line and the summary show wall time and the CPU
// time (user + system) of the stage's whole process tree; on 2 busy cores the CPU time is what
// bounds CI, and it barely moves with the machine's load, unlike the wall time.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'routecraft-tests-'));
const summary = join(work, 'summary.jsonl');
// The root's own binaries, run directly: `npx --no-install` finds the same file but costs ~1 s of CPU
// per stage to start npm.
const rootBin = (bin, ...args) => [join(root, 'node_modules', '.bin', bin), args];
const mochaNoConfig = (timeout, files) =>
  rootBin('mocha', '--no-config', '--node-option', 'import=tsx', '--timeout', String(timeout), '--reporter', './scripts/summary-reporter.cjs', ...files);

// Generation tests (fixture projects: tsc + their own runners) are a long stage: split in two
// halves (alternating over the sorted files) that the two lanes can take side by side.
const generationFiles = readdirSync(join(root, 'test', 'generation'))
  .filter((f) => f.endsWith('.test.ts'))
  .sort()
  .map((f) => `test/generation/${f}`);
const generationHalf = (i) => generationFiles.filter((_, n) => n % 2 === i);

/**
 * [name, command, args, options]: `after` names a stage that must have ended first (the bundle
 * tests in unit and the editor tests read dist/, written once by build); `seconds` is the stage's
 * duration on the last CI run (a 2-core machine), used only to start the longest stages first.
 */
const only = process.argv.slice(2);
const selected = (name) => only.length === 0 || only.some((o) => name.startsWith(o));
const e2eArgs = (which) => ['scripts/run-e2e.mjs', which, ...(selected('build') ? ['--skip-build'] : [])];
const stages = [
  ['build', process.execPath, ['esbuild.mjs'], { seconds: 18 }],
  ['lint', ...rootBin('eslint', 'src', 'test', 'bench'), { seconds: 81 }],
  ['type-check', ...rootBin('tsc', '--noEmit', '-p', '.'), { seconds: 24 }],
  ['type-check tests', ...rootBin('tsc', '--noEmit', '-p', 'test'), { seconds: 33 }],
  ['unit tests', ...rootBin('mocha', '--config', '.mocharc.json'), { after: 'build', seconds: 216 }],
  // Real jest/vitest/mocha/node:test processes on fixture copies: slow, so a stage of their own.
  ['runner tests (real test runners on fixture copies)', ...mochaNoConfig(240000, ['test/unit/testgen/run/*Run.test.ts']), { seconds: 105 }],
  ['generation tests 1/2 (fixture projects: tsc + their own runners)', ...mochaNoConfig(300000, generationHalf(0)), { seconds: 290 }],
  ['generation tests 2/2 (fixture projects: tsc + their own runners)', ...mochaNoConfig(300000, generationHalf(1)), { seconds: 230 }],
  // The UI stage skips the code-server install check: the in-host stage (or `npm test`'s pretest) does it.
  ['e2e tests in the extension host (code-server)', process.execPath, e2eArgs('--host-only'), { after: 'build', seconds: 385 }],
  ['e2e UI tests (code-server + chromium)', process.execPath, [...e2eArgs('--ui-only'), '--skip-install'], { after: 'build', seconds: 519 }],
];

const laneCount = Number(process.env.ROUTECRAFT_TEST_LANES ?? Math.min(2, availableParallelism()));
const started = Date.now();
const clock = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

/** The {user, system} seconds scripts/cpu-time.mjs wrote for a stage, or undefined. */
function readCpu(file) {
  try {
    const cpu = JSON.parse(readFileSync(file, 'utf8'));
    return typeof cpu.user === 'number' && typeof cpu.system === 'number' ? cpu : undefined;
  } catch {
    return undefined;
  }
}

/** "12.3 s wall, cpu 20.1 s = 18.0 user + 2.1 sys" (the CPU part only when it was measured). */
const timing = (seconds, cpu) =>
  `${seconds.toFixed(1)} s wall${cpu ? `, cpu ${(cpu.user + cpu.system).toFixed(1)} s = ${cpu.user.toFixed(1)} user + ${cpu.system.toFixed(1)} sys` : ''}`;

/** Runs one stage with its output in a file, then prints that file whole. */
function runStage([name, command, args], index) {
  const log = join(work, `stage-${index}.log`);
  const out = createWriteStream(log);
  const stageStart = Date.now();
  console.log(`[${clock()}] started: ${name}`);
  return new Promise((resolve) => {
    // ROUTECRAFT_TEST_DRY_RUN=1: `sleep` one hundredth of each stage's CI seconds, to see the plan.
    const cpuFile = join(work, `stage-${index}.cpu.json`);
    const child = process.env.ROUTECRAFT_TEST_DRY_RUN ? spawn('sleep', [String(stages.find(([n]) => n === name)[3].seconds / 100)]) : spawn(process.execPath, [join(root, 'scripts', 'cpu-time.mjs'), cpuFile, command, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0', ROUTECRAFT_TEST_SUMMARY: summary, ROUTECRAFT_TEST_SUITE: name },
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const finish = (ok, detail = '') => {
      out.end(() => {
        const seconds = (Date.now() - stageStart) / 1000;
        const cpu = readCpu(cpuFile);
        process.stdout.write(`\n=== ${name} ===\n${readFileSync(log, 'utf8')}`);
        console.log(`[${clock()}] ${ok ? 'ok' : 'FAILED'}: ${name} (${timing(seconds, cpu)})${detail}`);
        resolve({ name, ok, seconds, cpu });
      });
    };
    child.on('error', (error) => finish(false, `: ${error.message}`));
    child.on('close', (code, signal) => finish(code === 0, code === 0 ? '' : `: exit ${code ?? signal}`));
  });
}

const pending = stages.filter(([name]) => selected(name));
const done = new Set(stages.filter(([name]) => !selected(name)).map(([name]) => name));
const running = new Set();
let waiting = [];
const wakeAll = () => {
  const w = waiting;
  waiting = [];
  for (const resolve of w) {
    resolve();
  }
};

/** A stage's own duration plus the longest chain of stages waiting for it (build comes first). */
const rank = (name) => {
  const own = stages.find(([n]) => n === name)[3].seconds;
  return own + Math.max(0, ...stages.filter(([, , , o]) => o.after === name).map(([n]) => rank(n)));
};

/** The next stage a free lane should take: in one lane the listed order, else the highest-ranked ready one. */
function nextStage() {
  const ready = pending.filter(([, , , o]) => !o.after || done.has(o.after));
  const pick = laneCount > 1 ? ready.sort((x, y) => rank(y[0]) - rank(x[0]))[0] : ready[0];
  if (pick) {
    pending.splice(pending.indexOf(pick), 1);
  }
  return pick;
}

async function runLane(laneIndex) {
  const results = [];
  for (let i = 0; ; i++) {
    let stage = nextStage();
    while (!stage && pending.length > 0 && running.size > 0) {
      await new Promise((r) => waiting.push(r)); // a prerequisite is still running in another lane
      stage = nextStage();
    }
    if (!stage) {
      wakeAll();
      return results;
    }
    running.add(stage[0]);
    const result = await runStage(stage, `${laneIndex}-${i}`);
    running.delete(stage[0]);
    done.add(stage[0]);
    results.push(result);
    wakeAll();
  }
}

const results = (await Promise.all(Array.from({ length: Math.max(1, laneCount) }, (_, i) => runLane(i)))).flat();

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
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${timing(r.seconds, r.cpu)})`);
}
const cpuTotal = results.reduce((sum, r) => sum + (r.cpu ? r.cpu.user + r.cpu.system : 0), 0);
console.log(`wall time ${clock()} in ${Math.max(1, laneCount)} lane(s)${cpuTotal > 0 ? `, cpu time of the stages ${cpuTotal.toFixed(0)} s` : ''}`);
const stageFailures = results.filter((r) => !r.ok).length;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(stageFailures > 0 || failed > 0 ? 1 : 0);
