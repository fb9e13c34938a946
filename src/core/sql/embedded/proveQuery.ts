import { schemaDdl } from '../ddl';
import type { TableRows } from '../fixtureRows';
import { quote } from '../ddl';
import { toPositional } from '../positionalSql';
import type { SqlScalar } from '../sqlAnswer';
import type { SchemaModel, SqlDialect } from '../schema/schemaModel';
import type { EmbeddedEngines } from './embeddedEngines';
import type { ResultValue } from './resultValues';
import { columnTypes, normalizeValue } from './resultValues';

/** What ran, and what it returned. */
export interface QueryProof {
  readonly engine: 'PGlite (Postgres)' | 'sql.js (SQLite)';
  readonly columns: readonly string[];
  /** The TypeScript type of each column, from the values the engine returned. */
  readonly types: Readonly<Record<string, string>>;
  readonly rows: readonly Readonly<Record<string, ResultValue>>[];
  /** Rows inserted before the query, per table. */
  readonly inserted: Readonly<Record<string, number>>;
  readonly ms: number;
}

export type ProofResult =
  | { readonly kind: 'ok'; readonly proof: QueryProof }
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'unsupported'; readonly reason: string };

export interface ProveInput {
  readonly schema: SchemaModel;
  readonly dialect: SqlDialect;
  readonly rows: readonly TableRows[];
  readonly sql: string;
  readonly parameters: Readonly<Record<string, SqlScalar>>;
}

/**
 * Creates the schema in the embedded engine of the project's dialect, inserts the fixture rows,
 * runs the query with its parameters and returns the result. Nothing survives the run. MySQL has
 * no embedded engine here: the query was checked by the parser only, and the result says so.
 */
export async function proveQuery(engines: EmbeddedEngines, input: ProveInput): Promise<ProofResult> {
  if (input.dialect === 'mysql') {
    return { kind: 'unsupported', reason: 'MySQL has no embedded engine here: the query was checked by the SQL parser only, not run.' };
  }
  const query = toPositional(input.sql, input.dialect);
  const missing = query.order.filter((name) => !(name in input.parameters));
  if (missing.length > 0) {
    return { kind: 'failed', error: `no value for ${missing.map((m) => `:${m}`).join(', ')}` };
  }
  const values = query.order.map((name) => input.parameters[name] ?? null);
  try {
    return input.dialect === 'postgres'
      ? await onPostgres(engines, input, query.text, values)
      : await onSqlite(engines, input, query.text, values);
  } catch (error) {
    return { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}

async function onPostgres(engines: EmbeddedEngines, input: ProveInput, text: string, values: readonly SqlScalar[]): Promise<ProofResult> {
  const db = await engines.postgres();
  const t0 = Date.now();
  await db.exec('BEGIN');
  try {
    for (const statement of schemaDdl(input.schema, 'postgres')) {
      await db.exec(statement);
    }
    const inserted: Record<string, number> = {};
    for (const { table, rows } of input.rows) {
      for (const row of rows) {
        const columns = Object.keys(row);
        await db.query(`INSERT INTO ${quote(table.name)} (${columns.map(quote).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, columns.map((c) => row[c] ?? null));
      }
      inserted[table.name] = rows.length;
    }
    const result = await db.query<Record<string, unknown>>(text, [...values]);
    const columns = result.fields.map((f) => f.name);
    const rows = result.rows.map((r) => Object.fromEntries(columns.map((c) => [c, normalizeValue(r[c])])));
    return { kind: 'ok', proof: { engine: 'PGlite (Postgres)', columns, types: columnTypes(columns, result.rows), rows, inserted, ms: Date.now() - t0 } };
  } finally {
    await db.exec('ROLLBACK');
  }
}

async function onSqlite(engines: EmbeddedEngines, input: ProveInput, text: string, values: readonly SqlScalar[]): Promise<ProofResult> {
  const SQL = await engines.sqliteModule();
  const t0 = Date.now();
  const db = new SQL.Database();
  try {
    db.run('PRAGMA foreign_keys = ON');
    for (const statement of schemaDdl(input.schema, 'sqlite')) {
      db.run(statement);
    }
    const inserted: Record<string, number> = {};
    for (const { table, rows } of input.rows) {
      for (const row of rows) {
        const columns = Object.keys(row);
        db.run(`INSERT INTO ${quote(table.name)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, columns.map((c) => sqliteValue(row[c] ?? null)));
      }
      inserted[table.name] = rows.length;
    }
    const statement = db.prepare(text);
    try {
      statement.bind(values.map(sqliteValue));
      const columns = statement.getColumnNames();
      const raw: Record<string, unknown>[] = [];
      while (statement.step()) {
        raw.push(statement.getAsObject());
      }
      const rows = raw.map((row) => Object.fromEntries(columns.map((c) => [c, normalizeValue(row[c])])));
      return { kind: 'ok', proof: { engine: 'sql.js (SQLite)', columns, types: columnTypes(columns, raw), rows, inserted, ms: Date.now() - t0 } };
    } finally {
      statement.free();
    }
  } finally {
    db.close();
  }
}

function sqliteValue(value: SqlScalar): string | number | null {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}
