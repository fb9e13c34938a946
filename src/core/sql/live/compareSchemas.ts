import { findColumn, findTable, type SchemaModel } from '../schema/schemaModel';

/** How the code's schema and the live database differ. */
export interface SchemaDifferences {
  /** What the code uses but the database lacks (a query on it would fail there), or types that disagree. */
  readonly warnings: readonly string[];
  /** What the database has beyond the code (harmless, worth knowing). */
  readonly notes: readonly string[];
}

const LISTED = 10;

/**
 * Compares the schema read from the code with the one introspected from the database: a table or
 * column in the code missing in the database, or a different type family, is a warning; extra tables
 * and columns in the database, and nullability differences, are notes.
 */
export function compareSchemas(code: SchemaModel, live: SchemaModel): SchemaDifferences {
  const warnings: string[] = [];
  const notes: string[] = [];
  for (const table of code.tables) {
    const other = findTable(live, table.name);
    if (!other) {
      warnings.push(`table ${table.name} (${table.evidence}) is not in the database`);
      continue;
    }
    for (const column of table.columns) {
      const found = findColumn(other, column.name);
      if (!found) {
        warnings.push(`column ${table.name}.${column.name} (${table.evidence}) is not in the database`);
      } else if (!sameFamily(column.kind, found.kind)) {
        warnings.push(`column ${table.name}.${column.name}: the code says ${column.sourceType} (${column.kind}), the database ${found.sourceType} (${found.kind})`);
      } else if (column.nullable !== found.nullable && !column.primaryKey) {
        notes.push(`column ${table.name}.${column.name} is ${found.nullable ? 'nullable' : 'NOT NULL'} in the database, ${column.nullable ? 'nullable' : 'NOT NULL'} in the code`);
      }
    }
    const extra = other.columns.filter((c) => !findColumn(table, c.name)).map((c) => c.name);
    if (extra.length > 0) {
      notes.push(`table ${table.name} has column(s) in the database the code does not declare: ${extra.join(', ')}`);
    }
  }
  const extraTables = live.tables.filter((t) => !findTable(code, t.name)).map((t) => t.name);
  if (extraTables.length > 0) {
    notes.push(`${extraTables.length} table(s) in the database the code does not declare: ${extraTables.slice(0, LISTED).join(', ')}${extraTables.length > LISTED ? ', …' : ''}`);
  }
  return { warnings, notes };
}

function sameFamily(a: string, b: string): boolean {
  const family = (k: string): string => (k === 'integer' || k === 'bigint' ? 'int' : k === 'decimal' || k === 'float' ? 'number' : k === 'enum' ? 'text' : k);
  return family(a) === family(b);
}
