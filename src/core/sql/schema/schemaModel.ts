/** The SQL dialects Routecraft knows; MySQL is checked by the parser only (no embedded engine). */
export type SqlDialect = 'postgres' | 'mysql' | 'sqlite';

export const SQL_DIALECTS: readonly SqlDialect[] = ['postgres', 'mysql', 'sqlite'];

/** Where a schema was read from, for the review ("schema from prisma/schema.prisma:12"); `postgres-database`: live introspection. */
export type SchemaSource = 'prisma' | 'drizzle' | 'typeorm' | 'mikro-orm' | 'sequelize' | 'knex' | 'sql-migrations' | 'postgres-database';

/** A column's type family: what DDL, row generation and result types need. */
export type ColumnKind = 'integer' | 'bigint' | 'decimal' | 'float' | 'text' | 'boolean' | 'timestamp' | 'date' | 'json' | 'uuid' | 'enum' | 'bytes';

export interface SchemaColumn {
  readonly name: string;
  readonly kind: ColumnKind;
  /** The type as the source spells it (`String`, `varchar(255)`, `timestamp with time zone`). */
  readonly sourceType: string;
  readonly nullable: boolean;
  readonly primaryKey: boolean;
  /** Filled by the database (serial, autoincrement, default now()…): rows may omit it. */
  readonly generated: boolean;
  readonly hasDefault: boolean;
  readonly unique: boolean;
  /** For `kind: 'enum'`: the enum's name in `SchemaModel.enums`. */
  readonly enumName?: string;
  readonly comment?: string;
}

/** A foreign key: `table.columns` → `references.table.columns`. */
export interface ForeignKey {
  readonly columns: readonly string[];
  readonly table: string;
  readonly referencedColumns: readonly string[];
}

export interface SchemaTable {
  readonly name: string;
  readonly columns: readonly SchemaColumn[];
  readonly primaryKey: readonly string[];
  readonly foreignKeys: readonly ForeignKey[];
  readonly comment?: string;
  /** file:line where the table is declared. */
  readonly evidence: string;
}

export interface SchemaEnum {
  readonly name: string;
  readonly values: readonly string[];
}

/** One schema, whatever the project declared it with. Table and column names are the database's. */
export interface SchemaModel {
  readonly source: SchemaSource;
  /** The dialect the source declares, when it does (Prisma's provider, Drizzle's pgTable…). */
  readonly dialect?: SqlDialect;
  readonly tables: readonly SchemaTable[];
  readonly enums: readonly SchemaEnum[];
  /** Files the schema was read from, relative to the project root. */
  readonly files: readonly string[];
}

/** The table called `name` (case-insensitive, as SQL compares unquoted names). */
export function findTable(schema: SchemaModel, name: string): SchemaTable | undefined {
  const lower = name.toLowerCase();
  return schema.tables.find((t) => t.name.toLowerCase() === lower);
}

/** The column called `name` in `table` (case-insensitive). */
export function findColumn(table: SchemaTable, name: string): SchemaColumn | undefined {
  const lower = name.toLowerCase();
  return table.columns.find((c) => c.name.toLowerCase() === lower);
}

/** A column with the defaults most sources leave implicit. */
export function column(name: string, kind: ColumnKind, sourceType: string, extra: Partial<Omit<SchemaColumn, 'name' | 'kind' | 'sourceType'>> = {}): SchemaColumn {
  return { name, kind, sourceType, nullable: false, primaryKey: false, generated: false, hasDefault: false, unique: false, ...extra };
}
