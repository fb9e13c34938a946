// `npm test`: every check, each reported; ends with one "N passed, N failed" line over all mocha
// suites (unit, in-editor, UI). Exits non-zero if any task failed or was not run.
//
// What runs and what each part waits for is in scripts/testPlan.mjs; the order in
// scripts/scheduler.mjs. The installs (the root's node_modules, Debian packages, code-server, the
// fixtures' node_modules) are tasks that run beside the stages, and each stage starts as soon as what
// it needs is there (every stage needs the root's; this file uses Node builtins only). The
// stages run in two lanes at once (most stages use one core; CI machines have two), longest chain
// first. A task's output is printed whole when it ends, so logs stay readable.
// ROUTECRAFT_TEST_LANES=1 runs the stages in one lane, in the listed order. `node scripts/test.mjs
// PREFIX…` runs only the tasks whose names start with a prefix (e.g. `unit`, `generation`, `e2e`,
// `install`), with the installs they need. ROUTECRAFT_TEST_DRY_RUN=1 runs nothing, only shows the
// order (each task waits 1/100 of its CI time).
// Each task runs under scripts/cpu-time.mjs: its line and the summary show wall time and the CPU
// time (user + system) of its whole process tree; on 2 busy cores the CPU time is what bounds CI,
// and it barely moves with the machine's load, unlike the wall time.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTask, timing } from './runTask.mjs';
import { runPlan, selectTasks } from './scheduler.mjs';
import { testPlan } from './testPlan.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'routecraft-tests-'));
const summary = join(work, 'summary.jsonl');
const only = process.argv.slice(2);
const dryRun = Boolean(process.env.ROUTECRAFT_TEST_DRY_RUN);
const laneCount = Number(process.env.ROUTECRAFT_TEST_LANES ?? Math.min(2, availableParallelism()));
const started = Date.now();
// A dry run sleeps a hundredth of each task's seconds: its clock and times are shown scaled back up.
const scale = dryRun ? 100 : 1;
const clock = () => `${((scale * (Date.now() - started)) / 1000).toFixed(0)} s${dryRun ? ' simulated' : ''}`;
const took = (r) => timing(scale * r.seconds, r.cpu);

const tasks = selectTasks(testPlan(root, only), only);
if (dryRun) {
  console.log('dry run (ROUTECRAFT_TEST_DRY_RUN): nothing runs; each task sleeps 1/100 of its seconds in scripts/testPlan.mjs');
}
if (tasks.length === 0) {
  console.error(`no task starts with ${only.join(', ')}`);
  process.exit(2);
}
let taskCount = 0;
const results = await runPlan(tasks, {
  laneCount,
  start: async (task) => {
    console.log(`[${clock()}] started: ${task.name}${task.lane ? '' : ' (beside the lanes)'}`);
    const env = { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0', ROUTECRAFT_TEST_SUMMARY: summary, ROUTECRAFT_TEST_SUITE: task.name };
    const result = await runTask(task, { id: `task-${taskCount++}`, work, cwd: root, env, dryRun, print: (text) => process.stdout.write(text) });
    console.log(`[${clock()}] ${result.ok ? 'ok' : 'FAILED'}: ${task.name} (${took(result)})${result.detail ? `: ${result.detail}` : ''}`);
    return result;
  },
  onNotRun: (task, because) => console.log(`[${clock()}] not run: ${task.name} (it needs "${because}", which did not pass)`),
});

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
const lane = new Map(tasks.map((task) => [task.name, task.lane]));
for (const r of results) {
  const word = r.ok ? 'ok     ' : r.ran ? 'FAIL   ' : 'NOT RUN';
  console.log(`${word} ${r.name} (${r.ran ? took(r) : `needs "${r.because}"`})`);
}
const cpuOf = (install) => results.filter((r) => r.cpu && lane.get(r.name) === !install).reduce((sum, r) => sum + r.cpu.user + r.cpu.system, 0);
const [stageCpu, installCpu] = [cpuOf(false), cpuOf(true)];
console.log(`wall time ${clock()} in ${Math.max(1, laneCount)} lane(s)${stageCpu > 0 ? `, cpu time of the stages ${stageCpu.toFixed(0)} s` : ''}${installCpu > 0 ? `, of the installs beside them ${installCpu.toFixed(0)} s` : ''}`);
const notOk = results.filter((r) => !r.ok).length;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${notOk ? ` (${notOk} task(s) failed or not run)` : ''}`);
process.exit(notOk > 0 || failed > 0 ? 1 : 0);
