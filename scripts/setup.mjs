// Brings a fresh clone to a testable state, and is a quick no-op when it already is:
// npm dependencies from the lockfile, the fixture projects' own dependencies (their lockfiles),
// then Debian packages (chromium, redis-server, build tools)
// and code-server for the tests (scripts/install-code-server.mjs). Node builtins only: it runs
// before npm ci. Debian packages and code-server install while npm installs (different hosts, mostly
// waiting on the network); that installer's output is printed when it ends.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'node_modules', '.routecraft-lock-hash');

function run(command, args) {
  console.log(`[setup] ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[setup] failed: ${command} ${args.join(' ')} (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
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
    child.on('close', (code, signal) => resolve({ code: code ?? 1, signal, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

const codeServer = start(process.execPath, [join(root, 'scripts', 'install-code-server.mjs')]);

const lockHash = createHash('sha256').update(readFileSync(join(root, 'package-lock.json'))).digest('hex');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
  run('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stamp, lockHash);
} else {
  console.log('[setup] node_modules matches package-lock.json');
}

run(process.execPath, [join(root, 'scripts', 'install-fixtures.mjs')]);
const installed = await codeServer;
process.stdout.write(installed.output);
if (installed.code !== 0) {
  console.error(`[setup] failed: scripts/install-code-server.mjs (exit ${installed.code}${installed.signal ? `, ${installed.signal}` : ''})`);
  process.exit(installed.code || 1);
}
