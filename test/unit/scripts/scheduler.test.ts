import assert from 'node:assert/strict';
import { checkTasks, runPlan, selectTasks, type Task } from '../../../scripts/scheduler.mjs';

const stage = (name: string, seconds: number, after: string[] = []): Task => ({ name, after, seconds, lane: true });
const install = (name: string, seconds: number, after: string[] = []): Task => ({ name, after, seconds, lane: false });

/** Runs `tasks` with a fake clock: each task "takes" its seconds in milliseconds (×`ms`); `fail` names tasks that fail. Returns the events in order. */
async function simulate(tasks: Task[], laneCount: number, fail: string[] = [], ms = 5) {
  const events: string[] = [];
  let running = 0;
  let maxLanesBusy = 0;
  const results = await runPlan(tasks, {
    laneCount,
    start: async (task) => {
      events.push(`start ${task.name}`);
      running += task.lane ? 1 : 0;
      maxLanesBusy = Math.max(maxLanesBusy, running);
      await new Promise((resolve) => setTimeout(resolve, task.seconds * ms));
      running -= task.lane ? 1 : 0;
      events.push(`end ${task.name}`);
      return { ok: !fail.includes(task.name) };
    },
    onNotRun: (task, because) => events.push(`not run ${task.name} (${because})`),
  });
  return { events, results, maxLanesBusy };
}

describe('scripts/scheduler.mjs (the order of npm test\'s installs and stages)', () => {
  it('an install runs beside the lanes: with one lane, a stage that needs nothing starts while the install runs', async () => {
    const { events, maxLanesBusy } = await simulate([install('fixtures', 10), stage('lint', 2), stage('unit', 2, ['fixtures'])], 1);
    assert.deepEqual(events.slice(0, 2), ['start fixtures', 'start lint']);
    assert.ok(events.indexOf('start unit') > events.indexOf('end fixtures'), 'unit waits for its install');
    assert.equal(maxLanesBusy, 1, 'never more stages at once than lanes');
  });

  it('a stage waits for every task in its `after` list, not only the first', async () => {
    const { events } = await simulate([install('debian', 1), install('fixtures', 8), stage('build', 2), stage('unit', 1, ['build', 'debian', 'fixtures'])], 2);
    const unit = events.indexOf('start unit');
    for (const needed of ['end build', 'end debian', 'end fixtures']) {
      assert.ok(events.indexOf(needed) < unit, `${needed} before unit starts: ${events.join(', ')}`);
    }
  });

  it('a free lane takes the ready stage with the longest chain behind it; one lane keeps the listed order', async () => {
    const tasks = [stage('lint', 5), stage('build', 1), stage('e2e', 20, ['build'])];
    assert.deepEqual((await simulate(tasks, 2)).events.filter((e) => e.startsWith('start')), ['start build', 'start lint', 'start e2e']);
    assert.deepEqual((await simulate(tasks, 1)).events.filter((e) => e.startsWith('start')), ['start lint', 'start build', 'start e2e']);
  });

  it('a failed install stops what waits on it, directly or further down, reported as not run; the rest still runs', async () => {
    const tasks = [
      install('debian', 1),
      install('code-server', 3, ['debian']),
      install('fixtures', 2),
      stage('build', 1),
      stage('unit', 2, ['build', 'fixtures']),
      stage('e2e', 2, ['build', 'code-server', 'fixtures']),
      stage('after e2e', 1, ['e2e']),
    ];
    const { events, results } = await simulate(tasks, 2, ['debian']);
    assert.ok(!events.includes('start code-server') && !events.includes('start e2e') && !events.includes('start after e2e'), events.join(', '));
    assert.ok(events.includes('end unit'), 'unit needs nothing that failed');
    const byName = new Map(results.map((r) => [r.name, r]));
    assert.deepEqual(byName.get('debian'), { ok: false, name: 'debian', ran: true });
    assert.deepEqual(byName.get('code-server'), { name: 'code-server', ok: false, ran: false, because: 'debian' });
    assert.deepEqual(byName.get('e2e'), { name: 'e2e', ok: false, ran: false, because: 'code-server' });
    assert.deepEqual(byName.get('after e2e'), { name: 'after e2e', ok: false, ran: false, because: 'e2e' });
    assert.equal(byName.get('unit')?.ok, true);
    assert.equal(results.length, tasks.length, 'one result per task');
  });

  it('a start that throws counts as a failure, not as a pass', async () => {
    const results = await runPlan([stage('build', 1), stage('unit', 1, ['build'])], {
      laneCount: 2,
      start: (task) => (task.name === 'build' ? Promise.reject(new Error('esbuild is missing')) : Promise.resolve({ ok: true })),
    });
    assert.deepEqual(results, [
      { ok: false, detail: 'esbuild is missing', name: 'build', ran: true },
      { name: 'unit', ok: false, ran: false, because: 'build' },
    ]);
  });

  it('selects the asked stages with the installs they need, transitively; an unasked stage is taken as done', () => {
    const tasks = [install('debian', 1), install('code-server', 1, ['debian']), install('fixtures', 1), stage('build', 1), stage('lint', 1), stage('e2e', 1, ['build', 'code-server', 'fixtures'])];
    assert.deepEqual(selectTasks(tasks, ['lint']).map((t) => t.name), ['lint']);
    const e2e = selectTasks(tasks, ['e2e']);
    assert.deepEqual(e2e.map((t) => t.name), ['debian', 'code-server', 'fixtures', 'e2e']);
    assert.deepEqual(e2e.find((t) => t.name === 'e2e')?.after, ['code-server', 'fixtures'], 'build not asked: e2e does not wait for it');
    assert.deepEqual(selectTasks(tasks, ['install']).length, 0, 'no task starts with "install" here');
    assert.equal(selectTasks(tasks, []).length, tasks.length);
  });

  it('refuses an unknown prerequisite, a name used twice and tasks that wait for each other', () => {
    assert.throws(() => checkTasks([stage('unit', 1, ['biuld'])]), /"unit" runs after unknown tasks: biuld/);
    assert.throws(() => checkTasks([stage('a', 1), install('a', 1)]), /two tasks are named "a"/);
    assert.throws(() => checkTasks([stage('a', 1, ['b']), install('b', 1, ['a'])]), /wait for each other: a → b → a/);
  });
});
