// What `npm test` runs (scripts/test.mjs) and what each part needs before it can start. Node
// builtins only: it runs before npm ci. The installs are tasks here and run beside the stages, each
// stage waiting only for what it reads (found in the tests' code; keep it in step with them):
// - the root's node_modules (scripts/setup.mjs --root-only): every stage. The other installs do not
//   need it, so they start with it: alone, its npm ci keeps one core busy (34 s wall, 33 s CPU on a
//   fresh clone here) and leaves the other idle.
// - Debian packages: redis-server (test/support/redisServer.ts, unit), chromium (both editor stages),
//   libkrb5-dev + pkg-config (code-server's native modules).
// - code-server + Node 24 in .vscode-test/cs: the editor stages only.
// - fixtures' node_modules (prepareWorkspace links them): unit and CLI tests use express5-vitest and
//   express4-jest (test/unit/testgen/testgenFixtures.ts, projectModel.test.ts, test/cli/*), as do the
//   editor tests (express5-vitest); the runner tests add express-mocha and fastify5-node-test
//   (test/unit/testgen/run/candidates.ts, mochaRun.test.ts); generation uses all of them. They install
//   one group after another, in that order, so the earliest stages get theirs first.
// - dist/ (build): the unit tests' bundle tests and both editor stages.
// `seconds` is each task's time on the last CI run or a fresh clone here: only the order depends on it.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { matches } from './scheduler.mjs';

const UNIT_FIXTURES = ['express4-jest', 'express5-vitest'];
const RUNNER_FIXTURES = ['express-mocha', 'fastify5-node-test'];

export const ROOT = 'install the root node_modules (npm ci)';
export const DEBIAN = 'install Debian packages (chromium, redis-server, build tools)';
export const CODE_SERVER = 'install code-server + Node 24 (.vscode-test/cs)';
export const FIXTURES_UNIT = `install fixtures ${UNIT_FIXTURES.join(', ')} (unit, runner, editor tests)`;
export const FIXTURES_RUNNER = `install fixtures ${RUNNER_FIXTURES.join(', ')} (runner tests)`;
export const FIXTURES_REST = 'install the other fixtures (generation tests)';
export const BUILD = 'build';

/** Every fixture with a package-lock.json (what scripts/install-fixtures.mjs installs). */
function installedFixtures(root) {
  const dir = join(root, 'test', 'fixtures');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && existsSync(join(dir, entry.name, 'package-lock.json')))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The tasks of `npm test` for the checkout at `root`: installs (lane false) and stages (lane true),
 * each { name, command, args, after, seconds, lane }. `only`: the prefixes asked for (the editor
 * stages build dist/ themselves when the build stage is not among them).
 */
export function testPlan(root, only) {
  const node = process.execPath;
  const script = (name, ...args) => [node, [join(root, 'scripts', name), ...args]];
  const rootBin = (bin, ...args) => [join(root, 'node_modules', '.bin', bin), args];
  const mochaNoConfig = (timeout, files) =>
    rootBin('mocha', '--no-config', '--node-option', 'import=tsx', '--timeout', String(timeout), '--reporter', './scripts/summary-reporter.cjs', ...files);
  const grouped = new Set([...UNIT_FIXTURES, ...RUNNER_FIXTURES]);
  const otherFixtures = installedFixtures(root).filter((name) => !grouped.has(name));
  // Generation tests (fixture projects: tsc + their own runners) are a long stage: split in two
  // halves (alternating over the sorted files) that the two lanes can take side by side.
  const generationFiles = readdirSync(join(root, 'test', 'generation'))
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => `test/generation/${f}`);
  const generationHalf = (i) => generationFiles.filter((_, n) => n % 2 === i);
  const e2eArgs = (which) => ['scripts/run-e2e.mjs', which, '--skip-install', ...(matches(BUILD, only) ? ['--skip-build'] : [])];
  const allFixtures = [FIXTURES_UNIT, FIXTURES_RUNNER, FIXTURES_REST];
  const editor = [BUILD, DEBIAN, CODE_SERVER, FIXTURES_UNIT];

  const install = (name, [command, args], after, seconds) => ({ name, command, args, after, seconds, lane: false });
  const stage = (name, [command, args], after, seconds) => ({ name, command, args, after: [ROOT, ...after], seconds, lane: true });
  return [
    // 68 s beside the other installs (34 s alone).
    install(ROOT, script('setup.mjs', '--root-only'), [], 68),
    // Debian packages first: apt-get and dpkg take a lock, and code-server's native build needs them.
    install(DEBIAN, script('install-code-server.mjs', '--debian-only'), [], 2),
    install(CODE_SERVER, script('install-code-server.mjs', '--code-server-only'), [DEBIAN], 240),
    install(FIXTURES_UNIT, script('install-fixtures.mjs', ...UNIT_FIXTURES), [], 45),
    install(FIXTURES_RUNNER, script('install-fixtures.mjs', ...RUNNER_FIXTURES), [FIXTURES_UNIT], 25),
    install(FIXTURES_REST, script('install-fixtures.mjs', ...otherFixtures), [FIXTURES_RUNNER], 150),
    stage(BUILD, [node, ['esbuild.mjs']], [], 18),
    stage('lint', rootBin('eslint', 'src', 'test', 'bench'), [], 81),
    stage('type-check', rootBin('tsc', '--noEmit', '-p', '.'), [], 24),
    stage('type-check tests', rootBin('tsc', '--noEmit', '-p', 'test'), [], 33),
    stage('unit tests', rootBin('mocha', '--config', '.mocharc.json'), [BUILD, DEBIAN, FIXTURES_UNIT], 216),
    // Real jest/vitest/mocha/node:test processes on fixture copies: slow, so a stage of their own.
    stage('runner tests (real test runners on fixture copies)', mochaNoConfig(240000, ['test/unit/testgen/run/*Run.test.ts']), [FIXTURES_UNIT, FIXTURES_RUNNER], 105),
    stage('generation tests 1/2 (fixture projects: tsc + their own runners)', mochaNoConfig(300000, generationHalf(0)), allFixtures, 290),
    stage('generation tests 2/2 (fixture projects: tsc + their own runners)', mochaNoConfig(300000, generationHalf(1)), allFixtures, 230),
    stage('e2e tests in the extension host (code-server)', [node, e2eArgs('--host-only')], editor, 385),
    stage('e2e UI tests (code-server + chromium)', [node, e2eArgs('--ui-only')], editor, 519),
  ];
}
