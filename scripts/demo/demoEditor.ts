import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { DemoLlm } from './demoLlm';
import { repoRoot } from './demoWorkspace';

const codeServerModules = join(repoRoot, '.vscode-test', 'cs', 'node_modules');
/** Node 24 and code-server, installed by scripts/install-code-server.mjs. */
export const node24 = join(codeServerModules, 'node', 'bin', 'node');
export const codeServerEntry = join(codeServerModules, 'code-server', 'out', 'node', 'entry.js');

/** The demo profile's user settings: quiet, trusted (its own copy only), side-by-side diffs, the chosen server. */
export function demoUserSettings(llm: DemoLlm): Record<string, unknown> {
  return {
    // The demo opens its own copy of the example in its own profile: no Restricted Mode prompt there.
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': 'off',
    'extensions.ignoreRecommendations': true,
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'diffEditor.useInlineViewWhenSpaceIsLimited': false,
    ...(llm.baseUrl ? { 'routecraft.llm.baseUrl': llm.baseUrl } : {}),
    ...(llm.model ? { 'routecraft.llm.model': llm.model } : {}),
  };
}

/** Builds dist/ (esbuild, development build): the demo runs what the repository holds now. */
export function buildExtension(): void {
  run(process.execPath, [join(repoRoot, 'esbuild.mjs')]);
}

interface VscePack {
  pack(options: { cwd: string; packagePath: string; dependencies: boolean; rewriteRelativeLinks: boolean; allowMissingRepository: boolean }): Promise<{ packagePath: string }>;
}

/**
 * Packs dist/ and the manifest into a .vsix with vsce's packer (as `vsce package --no-dependencies`
 * does, without its prepublish step: dist/ is built already).
 */
export async function packageExtension(vsix: string): Promise<string> {
  if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js is missing: build first (node esbuild.mjs)');
  }
  const vsce = createRequire(join(repoRoot, 'package.json'))('@vscode/vsce/out/package.js') as VscePack;
  const { packagePath } = await vsce.pack({ cwd: repoRoot, packagePath: vsix, dependencies: false, rewriteRelativeLinks: false, allowMissingRepository: true });
  return packagePath;
}

/** A code-server profile: user-data-dir, extensions-dir, config file, isolated XDG folders. */
export interface DemoProfile {
  readonly dir: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
}

/** Writes a fresh profile with `settings` under `dir` and installs the .vsix into it. */
export function createProfile(dir: string, settings: Record<string, unknown>, vsix: string): DemoProfile {
  if (!existsSync(codeServerEntry) || !existsSync(node24)) {
    run(process.execPath, [join(repoRoot, 'scripts', 'install-code-server.mjs')]);
  }
  mkdirSync(join(dir, 'user', 'User'), { recursive: true });
  writeFileSync(join(dir, 'user', 'User', 'settings.json'), JSON.stringify(settings, undefined, 2));
  writeFileSync(join(dir, 'config.yaml'), 'auth: none\ncert: false\n');
  const env = { ...process.env, EXTENSIONS_GALLERY: '{"serviceUrl":""}', XDG_CONFIG_HOME: join(dir, 'xdg-config'), XDG_DATA_HOME: join(dir, 'xdg-data') };
  const args = ['--config', join(dir, 'config.yaml'), '--user-data-dir', join(dir, 'user'), '--extensions-dir', join(dir, 'extensions')];
  run(node24, [codeServerEntry, ...args, '--install-extension', vsix], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  return { dir, args, env };
}

/** A running code-server; `stop()` ends its whole process group. */
export interface DemoEditor {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * Starts code-server on 127.0.0.1:`port` with the profile, detached in its own process group
 * (output to `logFile`, or this terminal), and waits for /healthz.
 */
export async function startEditor(profile: DemoProfile, workspace: string, port: number, logFile?: string): Promise<DemoEditor> {
  const out = logFile ? openSync(logFile, 'a') : 'inherit';
  const child = spawn(node24, [
    codeServerEntry, ...profile.args, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
    workspace,
  ], { detached: true, stdio: ['ignore', out, out], env: profile.env });
  if (typeof out === 'number') {
    closeSync(out);
  }
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error(`could not start ${node24}`);
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => { resolve(); }));
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) {
      return;
    }
    stopped = true;
    killGroup(pid, 'SIGTERM');
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => { r('timeout'); }, 5000).unref());
    if (await Promise.race([exited, timeout]) === 'timeout') {
      killGroup(pid, 'SIGKILL');
    }
    killGroup(pid, 'SIGKILL'); // extension hosts share the group
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) })).ok) {
        return { url, pid, stop };
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      await stop();
      throw new Error(`code-server did not answer ${url}/healthz${logFile ? ` (log: ${logFile})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function run(command: string, args: readonly string[], options: Parameters<typeof spawnSync>[2] = {}): void {
  const r = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', ...options });
  if (r.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
  }
}
