// Brings a fresh clone to a testable state, and is a quick no-op when it already is:
// npm dependencies from the lockfile, the fixture projects' own dependencies (their lockfiles),
// then Debian packages (chromium, redis-server, build tools)
// and code-server for the tests (scripts/install-code-server.mjs). Node builtins only: it runs
// before npm ci. The three installs run at once (different hosts, mostly waiting on the network;
// the fixtures' installer needs no root node_modules): Debian packages + code-server, the fixtures
// and the root's npm ci. Each background installer's output is printed when it ends, with its time.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Starts a command whose output is collected; resolves with its exit code and output. */
function start(command, args) {
  console.log(`[setup] ${command} ${args.join(' ')} (in the background)`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', (error) => resolve({ code: 1, output: error.message }));
    child.on('close', (code, signal) => resolve({ code: code ?? 1, signal, output: Buffer.concat(chunks).toString('utf8'), seconds: elapsed() }));
  });
}

const codeServer = start(process.execPath, [join(root, 'scripts', 'install-code-server.mjs')]);
const fixtures = start(process.execPath, [join(root, 'scripts', 'install-fixtures.mjs')]);

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

installRoot();

for (const [name, pending] of [['install-fixtures.mjs', fixtures], ['install-code-server.mjs', codeServer]]) {
  const installed = await pending;
  process.stdout.write(installed.output);
  if (installed.code !== 0) {
    console.error(`[setup] failed: scripts/${name} (exit ${installed.code}${installed.signal ? `, ${installed.signal}` : ''})`);
    process.exit(installed.code || 1);
  }
  console.log(`[setup] scripts/${name} ended ${installed.seconds} after the start`);
}
console.log(`[setup] ready in ${elapsed()}`);
