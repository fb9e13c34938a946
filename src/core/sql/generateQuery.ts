import type { Baseline } from '../changes/captureBaseline';
import { captureBaseline } from '../changes/captureBaseline';
import type { ChangeSet } from '../changes/changeSet';
import { typeCheckChangeSet } from '../changes/typeCheckChangeSet';
import type { ChatMessage, LlmClient } from '../llm/types';
import { dependsOn, readPackageJsonSync } from '../project/packageJson';
import { askForQuery, type ProvenQuery } from './askForQuery';
import { buildQueryChangeSet } from './codegen/buildQueryChangeSet';
import { compareSchemas } from './live/compareSchemas';
import { detectDataLayer, type DataLayer } from './codegen/dataLayer';
import type { EmbeddedEngines } from './embedded/embeddedEngines';
import { loadSchema } from './schema/loadSchema';
import type { SchemaModel, SchemaTable, SqlDialect } from './schema/schemaModel';
import { chooseTables } from './pickTablesByModel';
import type { SqlResult } from './queryResult';
import { selectTables } from './selectTables';
import { buildSqlMessages } from './sqlPrompt';
import { assertTimeZone } from './timeZone';

export interface GenerateQueryInput {
  readonly root: string;
  readonly question: string;
  readonly dialect?: SqlDialect;
  readonly timeZone: string;
  readonly allowWrites: boolean;
  readonly signal?: AbortSignal;
  readonly command?: string;
  readonly cache?: 'use' | 'bypass';
  readonly onProgress?: (message: string) => void;
  /** The live database's introspected schema (asked for explicitly): compared with the code's, or used when the code has none. */
  readonly liveSchema?: SchemaModel;
}

/** Everything the review shows: the SQL, its proof, the facts used and the proposed change. */
export interface GeneratedQuery {
  readonly query: ProvenQuery;
  readonly dialect: SqlDialect;
  readonly schema: SchemaModel;
  readonly tables: readonly string[];
  readonly layer: DataLayer;
  readonly changeSet: ChangeSet;
  readonly baseline: Baseline;
  readonly notes: readonly string[];
}

export type GenerateQueryResult = SqlResult<GeneratedQuery>;

/** What would be sent for a question (for the prompt preview), or why nothing can be. */
export async function queryMessages(input: Pick<GenerateQueryInput, 'root' | 'question' | 'dialect' | 'timeZone' | 'allowWrites' | 'liveSchema'>): Promise<{ kind: 'ok'; messages: ChatMessage[]; dialect: SqlDialect; schema: SchemaModel; notes: string[]; tables: readonly SchemaTable[] } | { kind: 'failed'; message: string }> {
  const prepared = await prepareSchema(input);
  if (prepared.kind === 'failed') {
    return prepared;
  }
  const tables = selectTables(prepared.schema, input.question);
  return { ...prepared, tables, messages: buildSqlMessages({ question: input.question, dialect: prepared.dialect, schema: prepared.schema, tables, timeZone: input.timeZone, allowWrites: input.allowWrites }) };
}

async function prepareSchema(input: Pick<GenerateQueryInput, 'root' | 'dialect' | 'timeZone' | 'liveSchema'>): Promise<{ kind: 'ok'; dialect: SqlDialect; schema: SchemaModel; notes: string[] } | { kind: 'failed'; message: string }> {
  assertTimeZone(input.timeZone);
  const lookup = await loadSchema(input.root);
  if (lookup.kind === 'none' && !input.liveSchema) {
    return { kind: 'failed', message: `No database schema found in ${input.root} (looked for ${lookup.lookedFor}).` };
  }
  const notes: string[] = [];
  const live = input.liveSchema;
  if (lookup.kind === 'none' && live) {
    notes.push(`no schema in the code; using the database's (${live.files.join(', ')}, ${live.tables.length} table(s))`);
  } else if (lookup.kind === 'ok' && live) {
    const differences = compareSchemas(lookup.schema, live);
    notes.push(...differences.warnings.map((w) => `warning: ${w}`), ...differences.notes);
    if (differences.warnings.length === 0) {
      notes.push(`the code's schema (${lookup.schema.source}) matches the database's for every table it declares`);
    }
  }
  const schema = lookup.kind === 'ok' ? lookup.schema : live!;
  const dialect = input.dialect ?? schema.dialect ?? dialectFromPackage(input.root);
  if (!dialect) {
    return { kind: 'failed', message: `The schema (${schema.source}) does not say which database it runs on: pass the dialect (postgres, mysql or sqlite).` };
  }
  return { kind: 'ok', dialect, schema, notes };
}

/**
 * Question → SQL checked against the project's schema → proven on an embedded database → a typed
 * function and its test in the project's data layer, as a type-checked ChangeSet (nothing written).
 */
export async function generateQuery(client: LlmClient, engines: EmbeddedEngines, input: GenerateQueryInput): Promise<GenerateQueryResult> {
  const prepared = await prepareSchema(input);
  if (prepared.kind === 'failed') {
    return prepared;
  }
  const { schema, dialect } = prepared;
  const notes: string[] = [...prepared.notes];
  const choice = await chooseTables(client, schema, input.question, { signal: input.signal, command: input.command, cache: input.cache });
  if (input.signal?.aborted) {
    return { kind: 'cancelled' };
  }
  if (choice.note) {
    notes.push(choice.note);
  }
  const messages = buildSqlMessages({ question: input.question, dialect, schema, tables: choice.tables, timeZone: input.timeZone, allowWrites: input.allowWrites });
  if (input.dialect && schema.dialect && input.dialect !== schema.dialect) {
    notes.push(`the schema (${schema.source}) says ${schema.dialect}; using ${input.dialect} as asked`);
  }
  input.onProgress?.(`Schema from ${schema.source} (${schema.files.join(', ')}): ${schema.tables.length} table(s); asking the model…`);
  const asked = await askForQuery(client, messages, { dialect, schema, allowWrites: input.allowWrites, timeZone: input.timeZone }, engines, {
    signal: input.signal, command: input.command, cache: input.cache, onProgress: input.onProgress,
  });
  if (asked.kind !== 'ok') {
    return asked;
  }
  const layer = detectDataLayer(input.root, schema);
  const proposed = buildQueryChangeSet({ root: input.root, question: input.question, dialect, schema, layer, query: asked.value, timeZone: input.timeZone });
  const baseline = await captureBaseline(input.root, proposed.files.map((f) => f.path));
  input.onProgress?.('Type-checking the change in the project…');
  const changeSet = await typeCheckChangeSet(proposed);
  if (asked.value.unproven) {
    notes.push(asked.value.unproven);
  }
  return {
    kind: 'ok',
    value: { query: asked.value, dialect, schema, tables: choice.tables.map((t) => t.name), layer, changeSet, baseline, notes: [...notes, ...asked.value.check.warnings] },
  };
}

function dialectFromPackage(root: string): SqlDialect | undefined {
  const pkg = readPackageJsonSync(root);
  const has = (...names: string[]): boolean => names.some((name) => dependsOn(pkg, name));
  return has('pg', 'postgres', '@electric-sql/pglite', '@mikro-orm/postgresql') ? 'postgres'
    : has('better-sqlite3', 'sqlite3', 'sql.js', '@mikro-orm/sqlite', '@mikro-orm/better-sqlite') ? 'sqlite'
      : has('mysql2', 'mysql', '@mikro-orm/mysql') ? 'mysql' : undefined;
}
