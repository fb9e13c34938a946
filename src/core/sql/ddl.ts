import type { ColumnKind, SchemaColumn, SchemaModel, SchemaTable, SqlDialect } from './schema/schemaModel';

const PG_TYPES: Readonly<Record<ColumnKind, string>> = {
  integer: 'integer', bigint: 'bigint', decimal: 'numeric', float: 'double precision', text: 'text', boolean: 'boolean',
  timestamp: 'timestamp', date: 'date', json: 'jsonb', uuid: 'uuid', enum: 'text', bytes: 'bytea',
};
const SQLITE_TYPES: Readonly<Record<ColumnKind, string>> = {
  integer: 'INTEGER', bigint: 'INTEGER', decimal: 'NUMERIC', float: 'REAL', text: 'TEXT', boolean: 'INTEGER',
  timestamp: 'TEXT', date: 'TEXT', json: 'TEXT', uuid: 'TEXT', enum: 'TEXT', bytes: 'BLOB',
};

/** Tables ordered so that every table comes after the tables it references. */
export function tablesInDependencyOrder(schema: SchemaModel): SchemaTable[] {
  const done = new Set<string>();
  const ordered: SchemaTable[] = [];
  const visit = (table: SchemaTable, path: Set<string>): void => {
    const key = table.name.toLowerCase();
    if (done.has(key) || path.has(key)) {
      return;
    }
    path.add(key);
    for (const fk of table.foreignKeys) {
      const target = schema.tables.find((t) => t.name.toLowerCase() === fk.table.toLowerCase());
      if (target && target !== table) {
        visit(target, path);
      }
    }
    done.add(key);
    ordered.push(table);
  };
  for (const table of schema.tables) {
    visit(table, new Set());
  }
  return ordered;
}

/** CREATE statements for the schema model in `dialect` (Postgres enums become enum types). */
export function schemaDdl(schema: SchemaModel, dialect: Exclude<SqlDialect, 'mysql'>): string[] {
  const statements: string[] = [];
  if (dialect === 'postgres') {
    for (const e of schema.enums) {
      statements.push(`CREATE TYPE ${quote(e.name)} AS ENUM (${e.values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`);
    }
  }
  for (const table of tablesInDependencyOrder(schema)) {
    const lines = table.columns.map((c) => columnDdl(c, table, dialect, schema));
    if (table.primaryKey.length > 1 || (table.primaryKey.length === 1 && !(dialect === 'sqlite' && isSqliteRowid(table, table.primaryKey[0]!)))) {
      lines.push(`PRIMARY KEY (${table.primaryKey.map(quote).join(', ')})`);
    }
    for (const fk of table.foreignKeys) {
      if (schema.tables.some((t) => t.name.toLowerCase() === fk.table.toLowerCase())) {
        lines.push(`FOREIGN KEY (${fk.columns.map(quote).join(', ')}) REFERENCES ${quote(fk.table)} (${fk.referencedColumns.map(quote).join(', ')})`);
      }
    }
    statements.push(`CREATE TABLE ${quote(table.name)} (\n  ${lines.join(',\n  ')}\n)`);
  }
  return statements;
}

function columnDdl(c: SchemaColumn, table: SchemaTable, dialect: Exclude<SqlDialect, 'mysql'>, schema: SchemaModel): string {
  if (dialect === 'sqlite') {
    if (isSqliteRowid(table, c.name)) {
      return `${quote(c.name)} INTEGER PRIMARY KEY${c.generated ? ' AUTOINCREMENT' : ''}`;
    }
    const def = c.generated && c.kind === 'timestamp' ? ' DEFAULT CURRENT_TIMESTAMP' : '';
    return `${quote(c.name)} ${SQLITE_TYPES[c.kind]}${c.nullable ? '' : ' NOT NULL'}${def}`;
  }
  let type = PG_TYPES[c.kind];
  if (c.kind === 'enum' && c.enumName && schema.enums.some((e) => e.name === c.enumName)) {
    type = quote(c.enumName);
  } else if (c.kind === 'timestamp' && /tz|with time zone|withTimezone:\s*true/i.test(c.sourceType)) {
    type = 'timestamptz';
  }
  if (c.generated && (c.kind === 'integer' || c.kind === 'bigint')) {
    type = c.kind === 'bigint' ? 'bigserial' : 'serial';
  }
  const def = c.generated && c.kind === 'timestamp' ? ' DEFAULT now()' : c.generated && c.kind === 'uuid' ? ' DEFAULT gen_random_uuid()' : '';
  return `${quote(c.name)} ${type}${c.nullable ? '' : ' NOT NULL'}${def}`;
}

function isSqliteRowid(table: SchemaTable, column: string): boolean {
  const c = table.columns.find((x) => x.name === column);
  return table.primaryKey.length === 1 && table.primaryKey[0] === column && (c?.kind === 'integer' || c?.kind === 'bigint');
}

/** A double-quoted identifier (both engines accept it). */
export function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
