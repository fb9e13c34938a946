// Activation cost: time to load dist/extension.js and run activate(), versus loading the lazy
// dist/adapter.js on the first command. Each sample runs in a fresh Node process (cold require
// cache) with a stub 'vscode' module; prints medians and p95 over N runs.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS || 15);

const probe = `
const Module = require('node:module');
const noop = () => ({ dispose() {} });
const vscode = { commands: { registerCommand: noop }, window: {}, workspace: {}, Uri: {}, ViewColumn: {}, ProgressLocation: {} };
const resolve = Module._resolveFilename;
Module._resolveFilename = function (req, ...rest) { return req === 'vscode' ? 'vscode' : resolve.call(this, req, ...rest); };
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };
const t0 = performance.now();
const ext = require(${JSON.stringify(join(root, 'dist', 'extension.js'))});
ext.activate({ subscriptions: [], secrets: {}, extensionUri: {} });
const t1 = performance.now();
require(${JSON.stringify(join(root, 'dist', 'adapter.js'))});
const t2 = performance.now();
process.stdout.write(JSON.stringify({ activate: t1 - t0, adapter: t2 - t1 }));
`;

const samples = [];
for (let i = 0; i < runs; i++) {
  samples.push(JSON.parse(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' })));
}
const stat = (key) => {
  const v = samples.map((s) => s[key]).sort((a, b) => a - b);
  return { median: v[Math.floor(v.length / 2)], p95: v[Math.min(v.length - 1, Math.ceil(v.length * 0.95) - 1)] };
};
const kib = (f) => (statSync(join(root, 'dist', f)).size / 1024).toFixed(1);
const a = stat('activate');
const l = stat('adapter');
console.log(`activation bundle dist/extension.js ${kib('extension.js')} KiB: require + activate() median ${a.median.toFixed(2)} ms, p95 ${a.p95.toFixed(2)} ms`);
console.log(`lazy bundle dist/adapter.js ${kib('adapter.js')} KiB: require on first command median ${l.median.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms`);
console.log(`(${runs} fresh Node ${process.version} processes; stub vscode module)`);
