#!/usr/bin/env node
// Installs what the real-editor tests need (see shared/e2e-in-real-vscode.md), idempotently:
//   1. Debian packages: chromium (the browser playwright-core drives), libkrb5-dev + pkg-config
//      (code-server's native modules build with node-gyp).
//   2. node@24 + code-server@4.139.1 into .vscode-test/cs (gitignored). code-server 4.139 needs
//      Node 24; the npm package `node@24` ships one, and it must be first on PATH while
//      code-server's postinstall builds its native modules.
// A quick no-op when everything is already there. Node builtins only.
//
//   node scripts/install-code-server.mjs [--debian-only | --code-server-only]
//
// `npm test` runs the two parts as separate installs (scripts/testPlan.mjs): the unit tests need
// only the Debian packages (redis-server), the editor tests also need code-server.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = 24;
// chromium drives the editor; libkrb5-dev + pkg-config build code-server's native modules; redis-server
// is started by the unit tests of the shared response cache.
const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev', 'pkg-config', 'redis-server'];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const csDir = join(root, '.vscode-test', 'cs');
export const node24 = join(csDir, 'node_modules', 'node', 'bin', 'node');
export const codeServerEntry = join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const stampFile = join(csDir, '.installed.json');

const log = (msg) => console.log(`[install-code-server] ${msg}`);

class InstallError extends Error {}

function run(cmd, args, options = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.error) {
    throw new InstallError(`could not run ${cmd}: ${r.error.message}`);
  }
  if (r.status !== 0) {
    throw new InstallError(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  }
}

function debianPackageInstalled(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function ensureDebianPackages() {
  const hasDpkg = spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!hasDpkg) {
    if (existsSync('/usr/bin/chromium')) {
      log('no dpkg on this machine; /usr/bin/chromium exists, assuming the native build tools do too');
      return;
    }
    throw new InstallError('not a Debian machine (no dpkg-query) and /usr/bin/chromium is missing; install chromium, libkrb5-dev and pkg-config yourself');
  }
  const missing = DEBIAN_PACKAGES.filter((p) => !debianPackageInstalled(p));
  if (missing.length === 0) {
    log(`Debian packages present: ${DEBIAN_PACKAGES.join(', ')}`);
    return;
  }
  log(`installing missing Debian packages: ${missing.join(', ')}`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = isRoot ? [] : ['sudo', '-n'];
  if (!isRoot && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status !== 0) {
    throw new InstallError(`missing Debian packages (${missing.join(', ')}) and not root / no passwordless sudo; run: apt-get update && apt-get install -y ${missing.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Wait for another apt/dpkg run (e.g. a provisioning step) instead of failing on its lock.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  const [cmd, ...pre] = [...sudo, 'apt-get'];
  run(cmd, [...pre, ...lock, 'update'], { env });
  run(cmd, [...pre, ...lock, 'install', '-y', '--no-install-recommends', ...missing], { env });
  const still = missing.filter((p) => !debianPackageInstalled(p));
  if (still.length > 0) {
    throw new InstallError(`apt-get finished but these packages are still missing: ${still.join(', ')}`);
  }
}

function nodeVersion(bin) {
  if (!existsSync(bin)) {
    return undefined;
  }
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function codeServerVersion() {
  const pkg = join(csDir, 'node_modules', 'code-server', 'package.json');
  if (!existsSync(pkg) || !existsSync(codeServerEntry)) {
    return undefined;
  }
  return JSON.parse(readFileSync(pkg, 'utf8')).version;
}

/** True when node@24 and code-server are installed completely (the stamp is written last). */
export function codeServerInstalled() {
  if (!existsSync(stampFile)) {
    return false;
  }
  const v = nodeVersion(node24);
  return Boolean(v?.startsWith(`v${NODE_MAJOR}.`)) && codeServerVersion() === CODE_SERVER_VERSION;
}

function ensureCodeServer() {
  if (codeServerInstalled()) {
    log(`code-server ${CODE_SERVER_VERSION} and Node ${nodeVersion(node24)} already in ${csDir}`);
    return;
  }
  mkdirSync(csDir, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const npmFlags = ['--prefix', csDir, '--no-audit', '--no-fund', '--loglevel=error'];
  const started = Date.now();
  if (!nodeVersion(node24)?.startsWith(`v${NODE_MAJOR}.`)) {
    run(npm, ['install', ...npmFlags, `node@${NODE_MAJOR}`]);
  }
  const v = nodeVersion(node24);
  if (!v?.startsWith(`v${NODE_MAJOR}.`)) {
    throw new InstallError(`node@${NODE_MAJOR} did not provide a working ${node24} (got ${v ?? 'nothing'})`);
  }
  log(`Node ${v} at ${node24}`);
  // code-server's postinstall builds native modules with node-gyp against the Node first on PATH,
  // and checks the Node major in $npm_config_user_agent. When this script runs under `npm test`,
  // the outer npm (Node 20) exports npm_config_* variables that the inner npm would take as its own
  // config (user agent included), so none of them may leak into the install.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  env.PATH = `${dirname(node24)}:${process.env.PATH ?? ''}`;
  run(npm, ['install', ...npmFlags, `node@${NODE_MAJOR}`, `code-server@${CODE_SERVER_VERSION}`], { env });
  const cs = codeServerVersion();
  if (cs !== CODE_SERVER_VERSION) {
    throw new InstallError(`code-server ${CODE_SERVER_VERSION} is not in ${csDir} after npm install (found ${cs ?? 'nothing'})`);
  }
  writeFileSync(stampFile, JSON.stringify({ codeServer: cs, node: v, at: new Date().toISOString() }) + '\n');
  log(`installed code-server ${cs} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** Installs what is missing: `parts` 'debian' (the packages, chromium checked), 'code-server' (Node 24 + code-server), or both. */
export function install(parts = ['debian', 'code-server']) {
  if (parts.includes('debian')) {
    ensureDebianPackages();
    if (!existsSync('/usr/bin/chromium')) {
      throw new InstallError('/usr/bin/chromium is missing after installing the chromium package');
    }
  }
  if (parts.includes('code-server')) {
    ensureCodeServer();
  }
}

/** The parts the command line asks for: both by default. */
function partsFromArgs(args) {
  const unknown = args.filter((a) => a !== '--debian-only' && a !== '--code-server-only');
  if (unknown.length > 0 || args.length > 1) {
    throw new InstallError(`usage: install-code-server.mjs [--debian-only | --code-server-only] (got ${args.join(' ')})`);
  }
  return args[0] === '--debian-only' ? ['debian'] : args[0] === '--code-server-only' ? ['code-server'] : ['debian', 'code-server'];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    install(partsFromArgs(process.argv.slice(2)));
  } catch (e) {
    console.error(`[install-code-server] FAILED: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
