import type * as PgModule from 'pg';

/** The part of `pg.Client` the live database code uses. */
export type PgClient = PgModule.Client;

/**
 * A `pg` client for `connectionString`, its module required on first use. In the bundles this
 * `require` becomes a runtime require of dist/pg.js (esbuild.mjs): nobody who never names a
 * database pays for loading the driver.
 */
export function createPgClient(config: PgModule.ClientConfig): PgClient {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('pg') as { Client: typeof PgModule.Client };
  return new loaded.Client(config);
}
