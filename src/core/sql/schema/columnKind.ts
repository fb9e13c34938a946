import type { ColumnKind } from './schemaModel';

const SQL_KINDS: readonly (readonly [RegExp, ColumnKind])[] = [
  [/^(big ?serial|bigint|int8)\b/, 'bigint'],
  [/^(serial|smallserial|int|integer|int2|int4|smallint|mediumint|tinyint(?!\(1\)))\b/, 'integer'],
  [/^(numeric|decimal|money)\b/, 'decimal'],
  [/^(real|double|float|float4|float8)\b/, 'float'],
  [/^(bool|boolean|tinyint\(1\))\b/, 'boolean'],
  [/^(timestamp|timestamptz|datetime)\b/, 'timestamp'],
  [/^date\b/, 'date'],
  [/^(json|jsonb)\b/, 'json'],
  [/^uuid\b/, 'uuid'],
  [/^(bytea|blob|binary|varbinary)\b/, 'bytes'],
];

/** The kind of an SQL type name (`varchar(20)` → text); text when unknown. */
export function kindOfSqlType(type: string): ColumnKind {
  const lower = type.trim().toLowerCase();
  for (const [pattern, kind] of SQL_KINDS) {
    if (pattern.test(lower)) {
      return kind;
    }
  }
  return 'text';
}

/** True for SQL types the database fills itself (serial, autoincrement). */
export function isSerialType(type: string): boolean {
  return /^(big|small)?serial\b/i.test(type.trim());
}
