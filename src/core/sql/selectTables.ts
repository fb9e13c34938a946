import type { SchemaModel, SchemaTable } from './schema/schemaModel';

/** Above this many tables, only those the question names (and their neighbours) go into the prompt. */
const SMALL_SCHEMA = 8;

/**
 * The tables a question needs: those whose name, columns or comments share a word stem with the
 * question, plus the tables one foreign key away (the joins between them). A small schema goes in
 * whole; when nothing matches, every table does (the model then says what it used).
 */
export function selectTables(schema: SchemaModel, question: string): SchemaTable[] {
  if (schema.tables.length <= SMALL_SCHEMA) {
    return [...schema.tables];
  }
  const words = stems(question);
  const matched = schema.tables.filter((table) => {
    const vocabulary = stems([table.name, table.comment ?? '', ...table.columns.flatMap((c) => [c.name, c.comment ?? ''])].join(' '));
    return [...words].some((w) => [...vocabulary].some((v) => related(w, v)));
  });
  if (matched.length === 0) {
    return [...schema.tables];
  }
  return [...matched, ...neighbours(schema, matched)];
}

/** The tables one foreign key away from `tables` (either direction), not already in it. */
export function neighbours(schema: SchemaModel, tables: readonly SchemaTable[]): SchemaTable[] {
  const names = new Set(tables.map((t) => t.name.toLowerCase()));
  return schema.tables.filter((t) => !names.has(t.name.toLowerCase()) && (
    t.foreignKeys.some((fk) => names.has(fk.table.toLowerCase())) || tables.some((m) => m.foreignKeys.some((fk) => fk.table.toLowerCase() === t.name.toLowerCase()))));
}

function stems(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^a-z0-9]+|_/).filter((w) => w.length >= 3).map((w) => w.replace(/(ies|es|s)$/, '')));
}

function related(a: string, b: string): boolean {
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) {
    common++;
  }
  return common >= Math.min(4, a.length, b.length) && common >= 3;
}
