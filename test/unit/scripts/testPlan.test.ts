import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTask } from '../../../scripts/runTask.mjs';
import { runPlan, selectTasks } from '../../../scripts/scheduler.mjs';
import { BUILD, CODE_SERVER, DEBIAN, FIXTURES_REST, FIXTURES_RUNNER, FIXTURES_UNIT, ROOT, testPlan, type PlanTask } from '../../../scripts/testPlan.mjs';

const root = join(import.meta.dirname, '..', '..', '..');
const plan = testPlan(root, []);
const task = (prefix: string): PlanTask => {
  const found = plan.find((t) => t.name.startsWith(prefix));
  assert.ok(found, `a task named ${prefix}…`);
  return found;
};
/** The fixture names an install task passes to scripts/install-fixtures.mjs. */
const fixturesOf = (name: string): string[] => task(name).args.slice(1);

/** Every file under `dir` ending in `.ts`. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** Fixture names matched by `pattern` (one group) in `files`, keeping those with their own install. */
function installedFixturesUsed(files: string[], pattern: RegExp): string[] {
  const names = files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(pattern)].map((m) => m[1] ?? ''));
  return [...new Set(names)].filter((name) => existsSync(join(root, 'test', 'fixtures', name, 'package-lock.json'))).sort();
}

describe('scripts/testPlan.mjs (what each stage of npm test waits for)', () => {
  it('every stage waits for the root\'s node_modules; the other installs start beside its npm ci', () => {
    for (const t of plan) {
      assert.equal(t.after.includes(ROOT), t.lane, t.name);
    }
    assert.deepEqual(task(ROOT).args.slice(-1), ['--root-only']);
  });

  it('installs every fixture with a lockfile exactly once, in three groups', () => {
    const groups = [FIXTURES_UNIT, FIXTURES_RUNNER, FIXTURES_REST].flatMap(fixturesOf);
    const withLock = readdirSync(join(root, 'test', 'fixtures')).filter((n) => existsSync(join(root, 'test', 'fixtures', n, 'package-lock.json')));
    assert.deepEqual([...groups].sort(), withLock.sort());
    assert.equal(new Set(groups).size, groups.length);
  });

  it('the unit and CLI tests wait for the fixtures they link (prepareWorkspace), redis-server\'s Debian package and dist/', () => {
    const unitFiles = [...tsFiles(join(root, 'test', 'unit')), ...tsFiles(join(root, 'test', 'cli'))].filter((f) => !f.includes(join('testgen', 'run')));
    const used = installedFixturesUsed(unitFiles, /prepareWorkspace\('([^']+)'/g);
    assert.ok(used.length > 0);
    assert.deepEqual(used.filter((name) => !fixturesOf(FIXTURES_UNIT).includes(name)), [], 'fixtures the unit tests use outside their install group');
    assert.deepEqual(task('unit').after, [ROOT, BUILD, DEBIAN, FIXTURES_UNIT]);
  });

  it('the runner tests wait for the fixtures of their scenarios', () => {
    const used = installedFixturesUsed(tsFiles(join(root, 'test', 'unit', 'testgen', 'run')), /(?:scenario\('[^']+', |fixture: )'([^']+)'/g);
    assert.deepEqual(used, [...fixturesOf(FIXTURES_UNIT), ...fixturesOf(FIXTURES_RUNNER)].sort());
    assert.deepEqual(task('runner').after, [ROOT, FIXTURES_UNIT, FIXTURES_RUNNER]);
  });

  it('the editor stages wait for build, code-server (after the Debian packages) and express5-vitest; lint, type checks and build for nothing', () => {
    const editorFixtures = [...installedFixturesUsed(tsFiles(join(root, 'test', 'e2e')), /prepareWorkspace\('([^']+)'/g), ...installedFixturesUsed([join(root, 'scripts', 'run-e2e.mjs')], /fixture: '([^']+)'/g)];
    assert.ok(editorFixtures.includes('express5-vitest'), editorFixtures.join(', '));
    assert.deepEqual(editorFixtures.filter((name) => !fixturesOf(FIXTURES_UNIT).includes(name)), [], 'fixtures the editor tests use outside the first install group');
    for (const name of ['e2e tests in the extension host', 'e2e UI']) {
      assert.deepEqual(task(name).after, [ROOT, BUILD, DEBIAN, CODE_SERVER, FIXTURES_UNIT]);
      assert.ok(task(name).args.includes('--skip-install') && task(name).args.includes('--skip-build'), 'installed and built by the plan');
    }
    assert.deepEqual(task(CODE_SERVER).after, [DEBIAN]);
    for (const name of ['build', 'lint', 'type-check']) {
      assert.deepEqual(task(name).after, [ROOT]);
    }
    assert.deepEqual(selectTasks(plan, ['lint', 'type-check', 'build']).filter((t) => !t.lane).map((t) => t.name), [ROOT]);
    assert.deepEqual(selectTasks(plan, ['generation']).filter((t) => !t.lane).map((t) => t.name), [ROOT, FIXTURES_UNIT, FIXTURES_RUNNER, FIXTURES_REST]);
    assert.ok(!testPlan(root, ['e2e']).find((t) => t.name.startsWith('e2e UI'))?.args.includes('--skip-build'), 'without the build stage, run-e2e builds');
  });

  it('a real install that fails prints its whole output; what waits on it is not run; the rest runs', async function () {
    this.timeout(30_000);
    const work = mkdtempSync(join(tmpdir(), 'routecraft-plan-'));
    try {
      const node = (name: string, code: string, after: string[], lane: boolean) => ({ name, command: process.execPath, args: ['-e', code], after, seconds: 1, lane });
      const tasks = [
        node('install packages', 'console.log("fetching chromium"); console.error("E: Unable to fetch chromium"); process.exit(100)', [], false),
        node('editor tests', 'console.log("never")', ['install packages'], true),
        node('lint', 'console.log("lint clean")', [], true),
      ];
      const printed: string[] = [];
      const notRun: string[] = [];
      let n = 0;
      const results = await runPlan(tasks, {
        laneCount: 2,
        start: (t) => runTask(t, { id: `t${n++}`, work, cwd: root, env: process.env, print: (text) => printed.push(text) }),
        onNotRun: (t, because) => notRun.push(`${t.name} <- ${because}`),
      });
      const failed = results.find((r) => r.name === 'install packages');
      assert.equal(failed?.ok, false);
      assert.ok(failed?.ran && failed.detail === 'exit 100', JSON.stringify(failed));
      const log = printed.find((text) => text.includes('=== install packages ==='));
      assert.ok(log?.includes('fetching chromium') && log.includes('E: Unable to fetch chromium'), `the failing install's output: ${log}`);
      assert.deepEqual(notRun, ['editor tests <- install packages']);
      assert.ok(!printed.some((text) => text.includes('never')));
      assert.equal(results.find((r) => r.name === 'lint')?.ok, true);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('npm test\'s dry run shows the installs a selection needs, and nothing else', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'test.mjs'), 'unit'], { cwd: root, encoding: 'utf8', env: { ...process.env, ROUTECRAFT_TEST_DRY_RUN: '1' } });
    assert.equal(run.status, 0, run.stderr);
    const started = [...run.stdout.matchAll(/started: (.*)/g)].map((m) => m[1]);
    assert.deepEqual(started.sort(), [`${ROOT} (beside the lanes)`, `${DEBIAN} (beside the lanes)`, `${FIXTURES_UNIT} (beside the lanes)`, 'unit tests'].sort());
    assert.ok(run.stdout.indexOf(`ok: ${FIXTURES_UNIT}`) < run.stdout.indexOf('started: unit tests'), run.stdout);
  });
});
