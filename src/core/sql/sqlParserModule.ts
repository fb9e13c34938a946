import type * as SqlParserModule from 'node-sql-parser';

/**
 * A node-sql-parser `Parser`, its module required on first use. In the bundles this `require`
 * becomes a runtime require of dist/sql-parser.js (esbuild.mjs), so starting the CLI or the adapter
 * does not compile and initialise 2.6 MB of parsers that only `routecraft sql` uses.
 */
export function createSqlParser(): SqlParserModule.Parser {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('node-sql-parser') as typeof SqlParserModule;
  return new loaded.Parser();
}
