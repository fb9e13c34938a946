// The entry of dist/cli.js: a few lines that turn on Node's module compile cache (Node ≥ 22.1;
// a no-op on Node 20) before requiring the real CLI bundle, dist/cli-main.js. The cache keeps
// V8's compiled code of that 10+ MB bundle on disk (NODE_COMPILE_CACHE, default the OS temp
// folder), so every run after the first skips most of the work of compiling it. The cache only
// applies to modules loaded after it is enabled, hence the separate bundle.
import * as nodeModule from 'node:module';
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

enableCompileCache();
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime require of the separate bundle (esbuild keeps it external)
const { runCli } = require('./cli-main.js') as typeof Main;
const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), signal: controller.signal }).then((code) => {
  process.exitCode = code;
});
