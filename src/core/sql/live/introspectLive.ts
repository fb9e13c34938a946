import { kindOfSqlType } from '../schema/columnKind';
import type { ForeignKey, SchemaColumn, SchemaEnum, SchemaModel, SchemaTable } from '../schema/schemaModel';
import type { LiveDatabase } from './databaseUrl';
import type { PgClient } from './pgModule';
import { withReadOnlySession, type LiveResult, type ReadOnlyOptions } from './readOnlySession';

interface TableRow { oid: number; name: string; comment: string | null }
interface ColumnRow { table_oid: number; num: number; name: string; type: string; not_null: boolean; has_default: boolean; default_expr: string | null; identity: string; generated: string; typtype: string; typname: string; comment: string | null }
interface ConstraintRow { table_oid: number; type: 'p' | 'u' | 'f'; columns: number[]; ref_oid: number | null; ref_columns: number[] | null }
interface EnumRow { name: string; labels: string[] }

const TABLES = `SELECT c.oid::int AS oid, c.relname::text AS name, obj_description(c.oid, 'pg_class') AS comment
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (current_schemas(false)) ORDER BY c.relname`;
const COLUMNS = `SELECT a.attrelid::int AS table_oid, a.attnum::int AS num, a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type,
    a.attnotnull AS not_null, a.atthasdef AS has_default, pg_get_expr(d.adbin, d.adrelid) AS default_expr, a.attidentity::text AS identity,
    a.attgenerated::text AS generated, t.typtype::text AS typtype, t.typname::text AS typname, col_description(a.attrelid, a.attnum) AS comment
  FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE a.attrelid = ANY ($1::int[]) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attrelid, a.attnum`;
const CONSTRAINTS = `SELECT conrelid::int AS table_oid, contype::text AS type, conkey::int[] AS columns, NULLIF(confrelid, 0)::int AS ref_oid, confkey::int[] AS ref_columns
  FROM pg_constraint WHERE contype IN ('p', 'u', 'f') AND conrelid = ANY ($1::int[]) ORDER BY conrelid, conname`;
const ENUMS = `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
  FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace
  WHERE n.nspname = ANY (current_schemas(false)) GROUP BY t.typname ORDER BY t.typname`;

/**
 * The live database's schema (the tables, columns, types, nullability, keys, enums and comments of
 * the schemas on its search path), read from pg_catalog in a read-only transaction, as a SchemaModel.
 */
export async function introspectDatabase(database: LiveDatabase, options: ReadOnlyOptions = {}): Promise<LiveResult<SchemaModel>> {
  return withReadOnlySession(database, (client) => readCatalog(client, database.envName), { statementTimeoutMs: 10_000, ...options });
}

async function readCatalog(client: PgClient, envName: string): Promise<SchemaModel> {
  const tables = (await client.query<TableRow>(TABLES)).rows;
  const oids = tables.map((t) => t.oid);
  const columns = (await client.query<ColumnRow>(COLUMNS, [oids])).rows;
  const constraints = (await client.query<ConstraintRow>(CONSTRAINTS, [oids])).rows;
  const enums: SchemaEnum[] = (await client.query<EnumRow>(ENUMS)).rows.map((e) => ({ name: e.name, values: e.labels }));
  const byOid = new Map(tables.map((t) => [t.oid, t]));
  const columnName = (oid: number, num: number): string => columns.find((c) => c.table_oid === oid && c.num === num)?.name ?? `#${num}`;
  const model: SchemaTable[] = tables.map((table) => {
    const own = constraints.filter((c) => c.table_oid === table.oid);
    const primaryKey = own.filter((c) => c.type === 'p').flatMap((c) => c.columns.map((n) => columnName(table.oid, n)));
    const unique = new Set(own.filter((c) => c.type === 'u' && c.columns.length === 1).map((c) => columnName(table.oid, c.columns[0]!)));
    const foreignKeys: ForeignKey[] = own.filter((c) => c.type === 'f' && c.ref_oid !== null).map((c) => ({
      columns: c.columns.map((n) => columnName(table.oid, n)),
      table: byOid.get(c.ref_oid!)?.name ?? `#${c.ref_oid}`,
      referencedColumns: (c.ref_columns ?? []).map((n) => columnName(c.ref_oid!, n)),
    }));
    const tableColumns: SchemaColumn[] = columns.filter((c) => c.table_oid === table.oid).map((c) => ({
      name: c.name,
      kind: c.typtype === 'e' ? 'enum' : kindOfSqlType(c.type),
      sourceType: c.type,
      nullable: !c.not_null,
      primaryKey: primaryKey.includes(c.name),
      generated: c.identity !== '' || c.generated !== '' || /^nextval\(/i.test(c.default_expr ?? ''),
      hasDefault: c.has_default,
      unique: unique.has(c.name),
      ...(c.typtype === 'e' ? { enumName: c.typname } : {}),
      ...(c.comment ? { comment: c.comment } : {}),
    }));
    return { name: table.name, columns: tableColumns, primaryKey, foreignKeys, ...(table.comment ? { comment: table.comment } : {}), evidence: `${envName}: table ${table.name}` };
  });
  return { source: 'postgres-database', dialect: 'postgres', tables: model, enums, files: [`$${envName}`] };
}
