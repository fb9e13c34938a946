import { RoutecraftError } from '../core/errors';
import type { ProvenQuery } from '../core/sql/askForQuery';
import { liveDatabaseFromEnv, type LiveDatabase } from '../core/sql/live/databaseUrl';
import { explainOnDatabase } from '../core/sql/live/explainLive';
import { introspectDatabase } from '../core/sql/live/introspectLive';
import type { SchemaModel, SqlDialect } from '../core/sql/schema/schemaModel';
import type { CliIo } from './io';

export const sqlLiveHelp = `  --database-env NAME  the environment variable holding a postgres:// connection string of a database to
                       use read-only (nothing is read unless named; the string is never printed or sent)
  --explain            with --database-env: EXPLAIN (never ANALYZE) the proven query on that database
  --introspect         with --database-env: read its schema (pg_catalog) and compare it with the code's,
                       or use it when the code has none`;

export interface SqlLiveFlags {
  readonly 'database-env'?: string;
  readonly explain?: boolean;
  readonly introspect?: boolean;
}

/** The database named by --database-env, if any; a bad name or unset variable is a usage error. */
export function liveDatabaseFromFlags(flags: SqlLiveFlags, io: CliIo): LiveDatabase | undefined {
  const wanted = flags.explain === true || flags.introspect === true;
  if (flags['database-env'] === undefined) {
    if (wanted) {
      throw new RoutecraftError('invalid-input', `--${flags.explain ? 'explain' : 'introspect'} needs --database-env NAME (the environment variable holding the connection string).`);
    }
    return undefined;
  }
  const lookup = liveDatabaseFromEnv(flags['database-env'], io.env);
  if (lookup.kind === 'invalid') {
    throw new RoutecraftError('invalid-input', lookup.message);
  }
  if (lookup.kind === 'ok' && !wanted) {
    io.stderr.write(`note: --database-env ${lookup.database.envName} without --explain or --introspect: the database is not used.\n`);
  }
  return lookup.kind === 'ok' && wanted ? lookup.database : undefined;
}

/** --introspect: the live schema, or a clear error (returned as text, nothing else happens). */
export async function introspectForCli(database: LiveDatabase, io: CliIo): Promise<{ kind: 'ok'; schema: SchemaModel } | { kind: 'failed'; message: string }> {
  const result = await introspectDatabase(database, { signal: io.signal });
  if (result.kind !== 'ok') {
    return { kind: 'failed', message: result.kind === 'cancelled' ? 'cancelled' : `introspection failed: ${result.message}` };
  }
  io.stderr.write(`Introspected ${result.value.tables.length} table(s), ${result.value.enums.length} enum(s) from $${database.envName} (read-only) in ${result.ms} ms.\n`);
  return { kind: 'ok', schema: result.value };
}

/** --explain: prints the plan of the proven query on the live database; returns false when it failed. */
export async function explainForCli(database: LiveDatabase, dialect: SqlDialect, query: ProvenQuery, io: CliIo): Promise<boolean> {
  if (dialect !== 'postgres') {
    io.stderr.write(`routecraft: --explain runs on Postgres databases only (this query is ${dialect}).\n`);
    return false;
  }
  const result = await explainOnDatabase(database, query.sql, query.parameterValues, { signal: io.signal });
  if (result.kind !== 'ok') {
    io.stderr.write(`routecraft: EXPLAIN on $${database.envName} ${result.kind === 'cancelled' ? 'was cancelled' : `failed: ${result.message}`}\n`);
    return false;
  }
  io.stdout.write(`\nEXPLAIN on $${database.envName} (planned, not run; read-only, rolled back), ${result.ms} ms:\n${result.value.lines.map((l) => `  ${l}`).join('\n')}\n\n`);
  return true;
}
