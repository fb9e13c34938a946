// The entry point of dist/sql-parser.js: node-sql-parser (2.6 MB minified, every dialect) bundled on
// its own, so the CLI and the adapter load it on the first SQL check only (see esbuild.mjs,
// sqlParserModule.ts) instead of compiling it on every start (Generate Endpoint never needs it).
export { Parser } from 'node-sql-parser';
