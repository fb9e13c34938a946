// Installs every fixture project under test/fixtures/ that has a package-lock.json, and is a quick
// no-op for those already installed: `npm ci` runs in a fixture only when its node_modules is
// missing or was installed from another lockfile (a stamp with the lockfile's sha256 inside
// node_modules, as scripts/setup.mjs does at the root). Fixtures are found by listing the folder,
// so a new one needs no change here. Installs run one after another (2-core machines). Node
// builtins only: it runs before or without the root's node_modules.
//
//   node scripts/install-fixtures.mjs [--dir <fixtures folder>] [name ...]
//
// One line per fixture; npm's own output is shown only when an install fails, and then the script
// exits non-zero.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = '.routecraft-lock-hash';

function parseArgs(argv) {
  let dir = join(root, 'test', 'fixtures');
  const names = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--dir') {
      if (argv[i + 1] === undefined) {
        fail('--dir needs a folder');
      }
      dir = resolve(argv[++i]);
    } else {
      names.push(argv[i]);
    }
  }
  return { dir, names };
}

function fail(message) {
  console.error(`[fixtures] ${message}`);
  process.exit(1);
}

/** The environment for a fixture's npm: without the outer npm's `npm_*` variables (an outer `npm test` must not pass its config on). */
function childEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

function fixtureFolders(dir, names) {
  if (!existsSync(dir)) {
    fail(`no fixtures folder at ${dir}`);
  }
  const found = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .filter((name) => existsSync(join(dir, name, 'package-lock.json')))
    .sort();
  const unknown = names.filter((name) => !found.includes(name));
  if (unknown.length > 0) {
    fail(`no fixture with a package-lock.json named ${unknown.join(', ')} in ${dir}`);
  }
  return names.length > 0 ? found.filter((name) => names.includes(name)) : found;
}

function install(dir, name) {
  const folder = join(dir, name);
  const lockHash = createHash('sha256').update(readFileSync(join(folder, 'package-lock.json'))).digest('hex');
  const stamp = join(folder, 'node_modules', STAMP);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lockHash) {
    console.log(`[fixtures] ${name}: node_modules matches package-lock.json`);
    return;
  }
  const started = Date.now();
  // --include=dev: a fixture needs its type checker and test runner even under NODE_ENV=production.
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--include=dev'], {
    cwd: folder,
    env: childEnv(),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    shell: process.platform === 'win32',
  });
  if (result.error || result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    const why = result.error ? result.error.message : `exit ${result.status ?? result.signal}`;
    fail(`${name}: npm ci failed (${why}) in ${folder}`);
  }
  mkdirSync(join(folder, 'node_modules'), { recursive: true });
  writeFileSync(stamp, lockHash);
  console.log(`[fixtures] ${name}: npm ci done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const { dir, names } = parseArgs(process.argv.slice(2));
const fixtures = fixtureFolders(dir, names);
if (fixtures.length === 0) {
  console.log(`[fixtures] no fixture with a package-lock.json in ${dir}`);
}
for (const name of fixtures) {
  install(dir, name);
}
