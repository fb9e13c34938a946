import { toPositional } from '../positionalSql';
import type { SqlScalar } from '../sqlAnswer';
import type { LiveDatabase } from './databaseUrl';
import { withReadOnlySession, type LiveResult, type ReadOnlyOptions } from './readOnlySession';

/** The plan Postgres would use for the query on the user's database (never executed). */
export interface LivePlan {
  readonly lines: readonly string[];
  /** The planner's estimated total cost and rows of the top node, when the plan states them. */
  readonly totalCost?: number;
  readonly estimatedRows?: number;
}

/**
 * `EXPLAIN` (never ANALYZE: the query is planned, not run) of a proven query on the live database,
 * its `:name` parameters bound as `$n`, in a read-only transaction with a statement timeout, rolled back.
 */
export async function explainOnDatabase(database: LiveDatabase, sql: string, parameters: Readonly<Record<string, SqlScalar>>, options: ReadOnlyOptions = {}): Promise<LiveResult<LivePlan>> {
  const positional = toPositional(stripTrailingSemicolon(sql), 'postgres');
  const missing = positional.order.filter((name) => !(name in parameters));
  if (missing.length > 0) {
    return { kind: 'failed', message: `no value for ${missing.map((m) => `:${m}`).join(', ')}` };
  }
  const values = positional.order.map((name) => parameters[name] ?? null);
  return withReadOnlySession(database, async (client) => {
    const result = await client.query<Record<string, string>>(`EXPLAIN (FORMAT TEXT) ${positional.text}`, values);
    const lines = result.rows.map((row) => Object.values(row)[0] ?? '');
    const top = /cost=[\d.]+\.\.([\d.]+) rows=(\d+)/.exec(lines[0] ?? '');
    return { lines, ...(top ? { totalCost: Number(top[1]), estimatedRows: Number(top[2]) } : {}) };
  }, options);
}

function stripTrailingSemicolon(sql: string): string {
  return sql.trim().replace(/;\s*$/, '');
}
