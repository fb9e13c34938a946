// The order in which `npm test` (scripts/test.mjs) runs its tasks, without running anything itself
// (the caller passes `start`), so it can be tested with any tasks. Node builtins only.
//
// A task is { name, after: [names], seconds, lane }:
// - lane true: a stage (checks and tests, mostly CPU work): it takes one of the lanes (one per core);
//   a free lane takes the ready stage with the longest chain of stages behind it (`seconds` is its
//   duration on the last CI run), or, with one lane, the first ready stage in the listed order.
// - lane false: an install (npm ci of the fixtures, apt-get, code-server): mostly waiting on the
//   network and the disk, so it starts as soon as its prerequisites have passed and runs beside the
//   lanes instead of keeping one of them.
// A task starts only when every task in its `after` has passed; when one failed or was not run, the
// task is not run either (reported, never counted as passing).

/** True when `name` starts with one of the `only` prefixes, or `only` is empty (everything). */
export function matches(name, only) {
  return only.length === 0 || only.some((prefix) => name.startsWith(prefix));
}

/** Throws when a task names an unknown prerequisite, a name is used twice, or the prerequisites form a cycle. */
export function checkTasks(tasks) {
  const byName = new Map();
  for (const task of tasks) {
    if (byName.has(task.name)) {
      throw new Error(`two tasks are named "${task.name}"`);
    }
    byName.set(task.name, task);
  }
  for (const task of tasks) {
    const unknown = task.after.filter((name) => !byName.has(name));
    if (unknown.length > 0) {
      throw new Error(`"${task.name}" runs after unknown tasks: ${unknown.join(', ')}`);
    }
  }
  const state = new Map();
  const visit = (task, path) => {
    if (state.get(task.name) === 'done') {
      return;
    }
    if (state.get(task.name) === 'visiting') {
      throw new Error(`the tasks wait for each other: ${[...path, task.name].join(' → ')}`);
    }
    state.set(task.name, 'visiting');
    for (const name of task.after) {
      visit(byName.get(name), [...path, task.name]);
    }
    state.set(task.name, 'done');
  };
  tasks.forEach((task) => visit(task, []));
}

/**
 * The tasks to run for the `only` prefixes (all when empty): the tasks they name, plus every install
 * those need, transitively. A stage they need but do not name is taken as done and dropped from
 * `after` (e.g. `unit` alone uses the dist/ already there, as before).
 */
export function selectTasks(tasks, only) {
  checkTasks(tasks);
  const byName = new Map(tasks.map((task) => [task.name, task]));
  const chosen = new Set(tasks.filter((task) => matches(task.name, only)).map((task) => task.name));
  const addInstalls = (task) => {
    for (const name of task.after) {
      const needed = byName.get(name);
      if (!needed.lane && !chosen.has(name)) {
        chosen.add(name);
        addInstalls(needed);
      }
    }
  };
  [...chosen].forEach((name) => addInstalls(byName.get(name)));
  return tasks.filter((task) => chosen.has(task.name)).map((task) => ({ ...task, after: task.after.filter((name) => chosen.has(name)) }));
}

/** A stage's own seconds plus the longest chain of stages waiting for it. */
function ranker(tasks) {
  const memo = new Map();
  const rank = (task) => {
    if (!memo.has(task.name)) {
      const behind = tasks.filter((t) => t.lane && t.after.includes(task.name)).map(rank);
      memo.set(task.name, task.seconds + Math.max(0, ...behind));
    }
    return memo.get(task.name);
  };
  return rank;
}

/**
 * Runs `tasks` (as {@link selectTasks} returns them) with `laneCount` lanes. `start(task)` runs one
 * task and resolves with at least `{ ok }`; a rejection counts as a failure. `onNotRun(task, because)`
 * is told of each task that will not run because the prerequisite `because` failed or was not run.
 * Resolves with one result per task, in the order they ended: `{ name, ok, ran, because?, ...start's }`.
 */
export function runPlan(tasks, { laneCount, start, onNotRun = () => {} }) {
  checkTasks(tasks);
  const lanes = Math.max(1, laneCount);
  const rank = ranker(tasks);
  const state = new Map(tasks.map((task) => [task.name, 'pending']));
  const results = [];
  let busy = 0;
  const pending = () => tasks.filter((task) => state.get(task.name) === 'pending');
  const ready = (task) => task.after.every((name) => state.get(name) === 'passed');
  const blocker = (task) => task.after.find((name) => state.get(name) === 'failed' || state.get(name) === 'not run');

  return new Promise((resolve) => {
    const launch = (task) => {
      state.set(task.name, 'running');
      busy += task.lane ? 1 : 0;
      Promise.resolve()
        .then(() => start(task))
        .catch((error) => ({ ok: false, detail: error instanceof Error ? error.message : String(error) }))
        .then((result) => {
          busy -= task.lane ? 1 : 0;
          state.set(task.name, result.ok ? 'passed' : 'failed');
          results.push({ ...result, name: task.name, ok: Boolean(result.ok), ran: true });
          pump();
        });
    };
    const notRun = (task, because) => {
      state.set(task.name, 'not run');
      results.push({ name: task.name, ok: false, ran: false, because });
      onNotRun(task, because);
    };
    const pump = () => {
      // A failure or a task not run stops everything waiting on it, directly or further down.
      for (let changed = true; changed; ) {
        changed = false;
        for (const task of pending()) {
          const because = blocker(task);
          if (because) {
            notRun(task, because);
            changed = true;
          }
        }
      }
      pending().filter((task) => !task.lane && ready(task)).forEach(launch);
      while (busy < lanes) {
        const candidates = pending().filter((task) => task.lane && ready(task));
        if (candidates.length === 0) {
          break;
        }
        launch(lanes > 1 ? candidates.reduce((best, task) => (rank(task) > rank(best) ? task : best)) : candidates[0]);
      }
      if (![...state.values()].includes('running')) {
        resolve(results);
      }
    };
    pump();
  });
}
