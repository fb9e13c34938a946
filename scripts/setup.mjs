// Brings a fresh clone to a testable state, and is a quick no-op when it already is:
// npm dependencies from the lockfile, the fixture projects' own dependencies (their lockfiles),
// then Debian packages (chromium, redis-server, build tools)
// and code-server for the tests (scripts/install-code-server.mjs). Node builtins only: it runs
// before npm ci.
import { spawnSync } from 'node:child_process';
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

const lockHash = createHash('sha256').update(readFileSync(join(root, 'package-lock.json'))).digest('hex');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
  run('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stamp, lockHash);
} else {
  console.log('[setup] node_modules matches package-lock.json');
}

run(process.execPath, [join(root, 'scripts', 'install-fixtures.mjs')]);
run(process.execPath, [join(root, 'scripts', 'install-code-server.mjs')]);
