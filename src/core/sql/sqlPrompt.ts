import type { ChatMessage } from '../llm/types';
import type { SchemaModel, SchemaTable, SqlDialect } from './schema/schemaModel';
import { TIME_ZONE_OFFSET_PARAMETER, TIME_ZONE_PARAMETER } from './validateSql';

const DIALECT_NAMES: Readonly<Record<SqlDialect, string>> = { postgres: 'PostgreSQL', mysql: 'MySQL 8', sqlite: 'SQLite' };

export interface SqlPromptInput {
  readonly question: string;
  readonly dialect: SqlDialect;
  readonly schema: SchemaModel;
  readonly tables: readonly SchemaTable[];
  readonly timeZone: string;
  readonly allowWrites: boolean;
}

/** The chat messages for "question → SQL": the rules, then the question and the tables it needs. */
export function buildSqlMessages(input: SqlPromptInput): ChatMessage[] {
  const dialect = DIALECT_NAMES[input.dialect];
  const timeRule = input.dialect === 'postgres'
    ? `Weekday, hour and week conditions are in the user's time zone: convert every timestamp with timezone(:${TIME_ZONE_PARAMETER}, column) before extract()/date_trunc().`
    : input.dialect === 'sqlite'
      ? `SQLite has no time zones: pass :${TIME_ZONE_OFFSET_PARAMETER} (a modifier such as '+480 minutes') to strftime()/date() so weekdays, hours and weeks are local.`
      : `Weekday, hour and week conditions are in the user's time zone: CONVERT_TZ(column, '+00:00', :${TIME_ZONE_PARAMETER}).`;
  const system = [
    `You are Routecraft, writing one ${dialect} query for a backend project whose schema is given below.`,
    `Use only the tables and columns listed; join along the foreign keys shown.`,
    input.allowWrites
      ? 'The user allowed a write (INSERT/UPDATE/DELETE) if the question asks for one; otherwise SELECT.'
      : 'The query is read-only: one SELECT (a WITH … SELECT is fine). Never INSERT, UPDATE, DELETE or DDL.',
    'Exactly one statement. Put a LIMIT on every query that returns more than one aggregate row.',
    'Every value the query compares with a column is a named parameter (:status, :fromHour), listed in "parameters" with the value the question implies; never write such values into the SQL.',
    `:${TIME_ZONE_PARAMETER} (the IANA zone "${input.timeZone}") and :${TIME_ZONE_OFFSET_PARAMETER} are always provided; do not list them.`,
    timeRule,
    'Write down how you mapped words to the schema in "assumptions" ("paying" = subscriptions.status = active). When the schema cannot decide, ask in "questions" and give no SQL.',
    'In "rows", give a few fixture rows per table that exercise every condition, with rows on both sides of each boundary (for an hour condition: one minute before and exactly at it; for a weekday: the day before; for weeks: two different weeks). Give explicit ids so foreign keys line up; timestamps in ISO 8601 UTC.',
    'In "expected", the exact rows the query returns on those fixture rows, in order.',
    'After the JSON, the query in one ```sql fenced block.',
  ].join('\n');
  const user = [
    `Question: ${input.question}`,
    '',
    `Database: ${dialect}. Schema (from ${input.schema.source}: ${input.schema.files.join(', ')}):`,
    '```text',
    describeTables(input.schema, input.tables),
    '```',
  ].join('\n');
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}

/** A compact listing of tables, columns, keys and enums, as the prompt shows them. */
export function describeTables(schema: SchemaModel, tables: readonly SchemaTable[]): string {
  const lines: string[] = [];
  for (const table of tables) {
    lines.push(`TABLE ${table.name}${table.comment ? ` -- ${table.comment}` : ''}`);
    for (const c of table.columns) {
      const flags = [c.primaryKey ? 'PK' : '', c.nullable ? 'NULL' : 'NOT NULL', c.unique ? 'UNIQUE' : '', c.generated ? 'generated' : c.hasDefault ? 'has default' : ''].filter((f) => f !== '');
      const type = c.kind === 'enum' ? `enum ${c.enumName ?? ''}` : c.kind === 'timestamp' && /tz|time zone|withTimezone/i.test(c.sourceType) ? 'timestamptz' : c.kind;
      lines.push(`  ${c.name} ${type} ${flags.join(' ')}${c.comment ? ` -- ${c.comment}` : ''}`);
    }
    for (const fk of table.foreignKeys) {
      lines.push(`  FOREIGN KEY (${fk.columns.join(', ')}) → ${fk.table}(${fk.referencedColumns.join(', ')})`);
    }
  }
  const used = new Set(tables.flatMap((t) => t.columns.map((c) => c.enumName).filter((e): e is string => e !== undefined)));
  for (const e of schema.enums.filter((x) => used.has(x.name))) {
    lines.push(`ENUM ${e.name}: ${e.values.join(', ')}`);
  }
  return lines.join('\n');
}
