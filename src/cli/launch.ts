// The entry of dist/cli.js: a few lines that load the real CLI bundle, dist/cli-main.js, through
// Routecraft's own V8 code cache (src/cli/codeCache.ts: written after a run, so it holds the
// functions that run compiled; ~0.4 s of CPU less per start, Node 20 included), and turn on Node's
// module compile cache (Node ≥ 22.1; a no-op on Node 20) for the chunks required later
// (dist/sql-parser.js). ROUTECRAFT_CODE_CACHE=0 loads the bundle with a plain require.
import * as nodeModule from 'node:module';
import { join } from 'node:path';
import { commandKey, requireWithCodeCache } from './codeCache';
import type * as Main from './main';

/** `module.enableCompileCache` where this Node has it (22.1+); what it answered, or undefined. */
function enableCompileCache(): unknown {
  const api = nodeModule as { enableCompileCache?: () => unknown };
  try {
    return api.enableCompileCache?.();
  } catch {
    // A read-only or full temp folder: run without the cache.
    return undefined;
  }
}

/**
 * The CLI bundle: through Routecraft's own code cache (src/cli/codeCache.ts) unless
 * ROUTECRAFT_CODE_CACHE=0 or NODE_DISABLE_COMPILE_CACHE is set, then a plain require.
 */
function loadMain(argv: readonly string[]): { readonly main: typeof Main; readonly save: () => void } {
  const off = process.env.ROUTECRAFT_CODE_CACHE === '0' || (process.env.NODE_DISABLE_COMPILE_CACHE ?? '') !== '';
  if (!off) {
    try {
      const loaded = requireWithCodeCache(join(__dirname, 'cli-main.js'), commandKey(argv), process.env);
      return { main: loaded.exports as typeof Main, save: loaded.save };
    } catch {
      // Fall through: load it the plain way.
    }
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime require of the separate bundle (esbuild keeps it external)
  return { main: require('./cli-main.js') as typeof Main, save: () => undefined };
}

enableCompileCache();
const argv = process.argv.slice(2);
const { main, save } = loadMain(argv);
const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
void main.runCli(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), signal: controller.signal, stdin: process.stdin }).then((code) => {
  save();
  process.exitCode = code;
});
