// Brings a fresh clone to a testable state, and is a quick no-op when it already is. Node builtins
// only: it runs before npm ci.
//
//   node scripts/setup.mjs              everything (`npm run setup`): the installs of
//                                       scripts/testPlan.mjs, at once where they do not wait for each
//                                       other: the root's npm dependencies from the lockfile, Debian
//                                       packages (chromium, redis-server, build tools), code-server +
//                                       Node 24 (scripts/install-code-server.mjs), the fixture
//                                       projects' own dependencies (scripts/install-fixtures.mjs)
//   node scripts/setup.mjs --root-only  the root's node_modules only (`npm test` runs it as one of its
//                                       installs, beside the others, before any stage)
//
// Each installer's output is printed whole when it ends, with its time; a failed one fails the setup.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTask, timing } from './runTask.mjs';
import { runPlan } from './scheduler.mjs';
import { testPlan } from './testPlan.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'node_modules', '.routecraft-lock-hash');

const started = Date.now();
const elapsed = (from = started) => `${((Date.now() - from) / 1000).toFixed(1)} s`;

function run(command, args) {
  const t = Date.now();
  console.log(`[setup] ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[setup] failed: ${command} ${args.join(' ')} (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
  console.log(`[setup] ${command} ${args[0]} done in ${elapsed(t)}`);
}

/** npm ci when node_modules is missing or was installed from another package-lock.json. */
function installRoot() {
  const modules = join(root, 'node_modules');
  // A worktree whose node_modules links another checkout's (the team's setup) must not run npm ci:
  // npm would empty the linked folder and install into a new one here, under everyone using it.
  if (existsSync(modules) && lstatSync(modules).isSymbolicLink()) {
    console.log(`[setup] node_modules links ${realpathSync(modules)}: not installing there (run the setup in that checkout)`);
    return;
  }
  const lockHash = createHash('sha256').update(readFileSync(join(root, 'package-lock.json'))).digest('hex');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
    run('npm', ['ci', '--no-audit', '--no-fund']);
    writeFileSync(stamp, lockHash);
  } else {
    console.log('[setup] node_modules matches package-lock.json');
  }
}

/** Every install of the test plan, at once where they do not wait for each other. */
async function installEverything() {
  const work = mkdtempSync(join(tmpdir(), 'routecraft-setup-'));
  const tasks = testPlan(root, []).filter((task) => !task.lane);
  let count = 0;
  const results = await runPlan(tasks, {
    laneCount: 1,
    start: async (task) => {
      console.log(`[setup] started: ${task.name}`);
      const result = await runTask(task, { id: `install-${count++}`, work, cwd: root, env: process.env, print: (text) => process.stdout.write(text) });
      console.log(`[setup] ${result.ok ? 'ok' : 'FAILED'}: ${task.name} (${timing(result.seconds, result.cpu)}), ended ${elapsed()} after the start${result.detail ? `: ${result.detail}` : ''}`);
      return result;
    },
    onNotRun: (task, because) => console.error(`[setup] not run: ${task.name} (it needs "${because}", which failed)`),
  });
  const bad = results.filter((r) => !r.ok);
  if (bad.length > 0) {
    console.error(`[setup] failed: ${bad.map((r) => r.name).join('; ')}`);
    process.exit(1);
  }
}

if (process.argv.includes('--root-only')) {
  installRoot();
  console.log(`[setup] root node_modules ready in ${elapsed()}`);
} else {
  await installEverything();
  console.log(`[setup] ready in ${elapsed()}`);
}
