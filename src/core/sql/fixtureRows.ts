import type { SqlScalar } from './sqlAnswer';
import { findColumn, findTable, type SchemaColumn, type SchemaModel, type SchemaTable } from './schema/schemaModel';
import { tablesInDependencyOrder } from './ddl';

/** Rows for one table, complete enough to insert. */
export interface TableRows {
  readonly table: SchemaTable;
  readonly rows: readonly Readonly<Record<string, SqlScalar>>[];
}

export type RowsCheck = { readonly kind: 'ok'; readonly tables: readonly TableRows[] } | { readonly kind: 'invalid'; readonly errors: readonly string[] };

/**
 * Validates the answer's fixture rows against the schema (tables, columns, value types, enum
 * values, required foreign keys) and fills required columns the rows leave out with plain values;
 * returns them in insertion order (referenced tables first).
 */
export function checkFixtureRows(schema: SchemaModel, rows: Readonly<Record<string, readonly Readonly<Record<string, SqlScalar>>[]>>): RowsCheck {
  const errors: string[] = [];
  const byTable = new Map<SchemaTable, Record<string, SqlScalar>[]>();
  for (const [name, list] of Object.entries(rows)) {
    const table = findTable(schema, name);
    if (!table) {
      errors.push(`rows.${name}: unknown table (tables: ${schema.tables.map((t) => t.name).join(', ')})`);
      continue;
    }
    byTable.set(table, list.map((row, index) => completeRow(schema, table, row, index, errors)));
  }
  if (errors.length > 0) {
    return { kind: 'invalid', errors };
  }
  return { kind: 'ok', tables: tablesInDependencyOrder(schema).flatMap((t) => (byTable.has(t) ? [{ table: t, rows: byTable.get(t)! }] : [])) };
}

function completeRow(schema: SchemaModel, table: SchemaTable, row: Readonly<Record<string, SqlScalar>>, index: number, errors: string[]): Record<string, SqlScalar> {
  const out: Record<string, SqlScalar> = {};
  const where = `rows.${table.name}[${index}]`;
  for (const [key, value] of Object.entries(row)) {
    const column = findColumn(table, key);
    if (!column) {
      errors.push(`${where}.${key}: unknown column (${table.name} has ${table.columns.map((c) => c.name).join(', ')})`);
      continue;
    }
    const problem = valueProblem(schema, column, value);
    if (problem) {
      errors.push(`${where}.${key}: ${problem}`);
    }
    out[column.name] = value;
  }
  for (const column of table.columns) {
    if (column.name in out || column.nullable || column.generated) {
      continue;
    }
    if (table.foreignKeys.some((fk) => fk.columns.includes(column.name))) {
      errors.push(`${where}: needs ${column.name} (a foreign key; give the referenced row's key)`);
      continue;
    }
    out[column.name] = filler(schema, column, index);
  }
  return out;
}

function valueProblem(schema: SchemaModel, column: SchemaColumn, value: SqlScalar): string | undefined {
  if (value === null) {
    return column.nullable ? undefined : 'is NOT NULL';
  }
  switch (column.kind) {
    case 'integer':
    case 'bigint':
      return typeof value === 'number' && Number.isInteger(value) ? undefined : `expects an integer, got ${JSON.stringify(value)}`;
    case 'decimal':
    case 'float':
      return typeof value === 'number' || (typeof value === 'string' && !Number.isNaN(Number(value))) ? undefined : `expects a number, got ${JSON.stringify(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `expects true/false, got ${JSON.stringify(value)}`;
    case 'timestamp':
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? undefined : `expects an ISO date/time, got ${JSON.stringify(value)}`;
    case 'enum': {
      const values = schema.enums.find((e) => e.name === column.enumName)?.values ?? [];
      return values.length === 0 || values.includes(String(value)) ? undefined : `"${String(value)}" is not one of ${values.join(', ')}`;
    }
    default:
      return undefined;
  }
}

function filler(schema: SchemaModel, column: SchemaColumn, index: number): SqlScalar {
  switch (column.kind) {
    case 'integer':
    case 'bigint':
    case 'decimal':
    case 'float':
      return index + 1;
    case 'boolean':
      return false;
    case 'timestamp':
      return '2026-01-01T00:00:00Z';
    case 'date':
      return '2026-01-01';
    case 'json':
      return '{}';
    case 'uuid':
      return `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
    case 'enum':
      return schema.enums.find((e) => e.name === column.enumName)?.values[0] ?? `${column.name}-${index + 1}`;
    default:
      return `${column.name}-${index + 1}`;
  }
}
