// One build script for the extension and the CLI (see shared/design.md).
// dist/extension.js is the activation bundle: it must stay tiny. Everything heavy (openai, ts-morph)
// lives in dist/adapter.js, which extension.js requires on the first command.
import * as esbuild from 'esbuild';

import { readFileSync } from 'node:fs';
import { copyEmbeddedEngines } from './scripts/embeddedEngines.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Keeps `require('./adapter.js')` in extension.js a runtime require of the separate bundle. */
const lazyAdapter = {
  name: 'lazy-adapter',
  setup(build) {
    build.onResolve({ filter: /^\.\/adapter\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/**
 * The tokenizer's 2.4 MB table is loaded on first use only: its dynamic import becomes an import
 * of the separate dist/tokenizer.js chunk instead of being inlined into adapter.js and cli.js.
 */
const lazyTokenizer = {
  name: 'lazy-tokenizer',
  setup(build) {
    build.onResolve({ filter: /^gpt-tokenizer\/encoding\/o200k_base$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './tokenizer.js', external: true } : undefined));
  },
};

/**
 * node-sql-parser (2.6 MB minified) is required on the first SQL check only: its `require` in
 * src/core/sql/sqlParserModule.ts becomes a runtime require of the separate dist/sql-parser.js, so
 * the CLI and the adapter stop compiling and initialising it on every start.
 */
const lazySqlParser = {
  name: 'lazy-sql-parser',
  setup(build) {
    build.onResolve({ filter: /^node-sql-parser$/ }, (args) => (args.kind === 'require-call' ? { path: './sql-parser.js', external: true } : undefined));
  },
};

/**
 * The Postgres driver is required only when the user names a live database (EXPLAIN, introspection):
 * its `require` in src/core/sql/live/pgModule.ts becomes a runtime require of the separate dist/pg.js.
 */
const lazyPg = {
  name: 'lazy-pg',
  setup(build) {
    build.onResolve({ filter: /^pg$/ }, (args) => (args.kind === 'require-call' ? { path: './pg.js', external: true } : undefined));
  },
};

/** Keeps `require('./cli-main.js')` in the CLI's launcher (dist/cli.js) a runtime require of the CLI bundle. */
const lazyCliMain = {
  name: 'lazy-cli-main',
  setup(build) {
    build.onResolve({ filter: /^\.\/cli-main\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

const common = {
  bundle: true,
  // The embedded databases load their WASM (and PGlite its data files) from beside their own modules.
  external: ['@electric-sql/pglite', 'sql.js'],
  // jsonc-parser's "main" is a UMD build whose internal require()s esbuild cannot follow; its ESM build bundles.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  format: 'cjs',
  platform: 'node',
  // The CLI and the tokenizer chunk also run on Node 20.19+ (engines.node; CI runs on Node 20).
  target: 'node20',
  minify: production,
  // Production bundles are minified (the CLI loads faster) and keep their source maps beside them.
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: production ? 'none' : 'inline',
};

const builds = [
  // The extension runs in VS Code's extension host: Node 22 from VS Code 1.101 on (engines.vscode).
  { ...common, target: 'node22', entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', ...common.external], plugins: [lazyAdapter], metafile: true },
  { ...common, target: 'node22', entryPoints: ['src/vscode/adapter.ts'], outfile: 'dist/adapter.js', external: ['vscode', ...common.external], plugins: [lazyTokenizer, lazySqlParser, lazyPg], metafile: true },
  // dist/cli.js (the bin) is a tiny launcher that enables Node's compile cache, then requires dist/cli-main.js.
  { ...common, entryPoints: ['src/cli/launch.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [lazyCliMain] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli-main.js', plugins: [lazyTokenizer, lazySqlParser, lazyPg], metafile: true, define: { ROUTECRAFT_VERSION: JSON.stringify(pkg.version) } },
  { ...common, entryPoints: ['src/core/audit/tokenizerChunk.ts'], outfile: 'dist/tokenizer.js', metafile: true },
  { ...common, entryPoints: ['src/core/sql/sqlParserChunk.ts'], outfile: 'dist/sql-parser.js', metafile: true },
  // pg's optional native binding is never used (pure-JS client).
  { ...common, entryPoints: ['src/core/sql/live/pgChunk.ts'], outfile: 'dist/pg.js', external: [...common.external, 'pg-native'], metafile: true },
];

copyEmbeddedEngines();
if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  for (const [i, r] of results.entries()) {
    if (r.metafile) {
      const out = Object.entries(r.metafile.outputs).find(([f]) => f.endsWith('.js'));
      if (out) {
        console.log(`${builds[i].outfile}: ${(out[1].bytes / 1024).toFixed(1)} KiB`);
      }
    }
  }
}
