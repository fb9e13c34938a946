import { isSerialType, kindOfSqlType } from './columnKind';
import { column, type ForeignKey, type SchemaColumn, type SchemaEnum, type SchemaModel, type SchemaTable } from './schemaModel';

/** One migration file's text and its path relative to the project root. */
export interface MigrationFile {
  readonly path: string;
  readonly text: string;
}

/**
 * Reads plain SQL migrations, in order, into the schema model: CREATE TABLE (columns, inline and
 * table constraints), CREATE TYPE … AS ENUM, ALTER TABLE … ADD [CONSTRAINT] FOREIGN KEY, ADD
 * COLUMN, DROP TABLE. A small paren-aware reader of our own: node-sql-parser 5.4 rejects common
 * DDL (`timestamptz`, `timestamp with time zone`, enum-typed columns), so it is used for queries only.
 */
export function readSqlMigrations(files: readonly MigrationFile[]): SchemaModel {
  const tables = new Map<string, SchemaTable>();
  const enums: SchemaEnum[] = [];
  for (const file of files) {
    for (const { text, line } of statements(file.text)) {
      const evidence = `${file.path}:${line}`;
      const create = /^create\s+(?:temp(?:orary)?\s+)?table\s+(?:if\s+not\s+exists\s+)?([\w."`[\]]+)\s*\(([\s\S]*)\)[^)]*$/i.exec(text);
      const enumType = /^create\s+type\s+([\w."]+)\s+as\s+enum\s*\(([\s\S]*)\)$/i.exec(text);
      const alter = /^alter\s+table\s+(?:only\s+)?(?:if\s+exists\s+)?([\w."`[\]]+)\s+([\s\S]*)$/i.exec(text);
      const drop = /^drop\s+table\s+(?:if\s+exists\s+)?([\w."`[\]]+)/i.exec(text);
      if (create) {
        const table = createTable(ident(create[1]!), create[2]!, evidence, enums);
        tables.set(table.name.toLowerCase(), table);
      } else if (enumType) {
        enums.push({ name: ident(enumType[1]!), values: [...enumType[2]!.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'")) });
      } else if (alter) {
        const name = ident(alter[1]!).toLowerCase();
        const table = tables.get(name);
        if (table) {
          tables.set(name, alterTable(table, alter[2]!, enums));
        }
      } else if (drop) {
        tables.delete(ident(drop[1]!).toLowerCase());
      }
    }
  }
  return { source: 'sql-migrations', tables: [...tables.values()], enums, files: files.map((f) => f.path) };
}

function createTable(name: string, body: string, evidence: string, enums: readonly SchemaEnum[]): SchemaTable {
  const columns: SchemaColumn[] = [];
  const foreignKeys: ForeignKey[] = [];
  let primaryKey: string[] = [];
  for (const part of splitTopLevel(body, ',')) {
    const constraint = tableConstraint(part);
    if (constraint?.kind === 'pk') {
      primaryKey = constraint.columns;
    } else if (constraint?.kind === 'fk') {
      foreignKeys.push(constraint.fk);
    } else if (constraint === undefined) {
      const parsed = columnDefinition(part, enums);
      if (parsed) {
        columns.push(parsed.column);
        if (parsed.fk) {
          foreignKeys.push(parsed.fk);
        }
      }
    }
  }
  if (primaryKey.length === 0) {
    primaryKey = columns.filter((c) => c.primaryKey).map((c) => c.name);
  }
  const pk = new Set(primaryKey.map((c) => c.toLowerCase()));
  return { name, columns: columns.map((c) => (pk.has(c.name.toLowerCase()) ? { ...c, primaryKey: true, nullable: false } : c)), primaryKey, foreignKeys, evidence };
}

function alterTable(table: SchemaTable, action: string, enums: readonly SchemaEnum[]): SchemaTable {
  const addColumn = /^add\s+(?:column\s+)?(?!constraint\b|foreign\b|primary\b|unique\b|check\b)(?:if\s+not\s+exists\s+)?([\s\S]+)$/i.exec(action);
  const constraint = /^add\s+([\s\S]+)$/i.exec(action);
  const parsedConstraint = constraint ? tableConstraint(constraint[1]!) : undefined;
  if (parsedConstraint?.kind === 'fk') {
    return { ...table, foreignKeys: [...table.foreignKeys, parsedConstraint.fk] };
  }
  if (addColumn) {
    const parsed = columnDefinition(addColumn[1]!, enums);
    if (parsed) {
      return { ...table, columns: [...table.columns, parsed.column], foreignKeys: parsed.fk ? [...table.foreignKeys, parsed.fk] : table.foreignKeys };
    }
  }
  return table;
}

type Constraint = { kind: 'pk'; columns: string[] } | { kind: 'fk'; fk: ForeignKey } | { kind: 'other' };

function tableConstraint(part: string): Constraint | undefined {
  const text = part.trim().replace(/^constraint\s+[\w"`]+\s+/i, '');
  const pk = /^primary\s+key\s*\(([^)]*)\)/i.exec(text);
  if (pk) {
    return { kind: 'pk', columns: list(pk[1]!) };
  }
  const fk = /^foreign\s+key\s*\(([^)]*)\)\s*references\s+([\w."`[\]]+)\s*\(([^)]*)\)/i.exec(text);
  if (fk) {
    return { kind: 'fk', fk: { columns: list(fk[1]!), table: ident(fk[2]!), referencedColumns: list(fk[3]!) } };
  }
  return /^(unique|check|exclude|index|key)\b/i.test(text) || /^constraint\b/i.test(part.trim()) ? { kind: 'other' } : undefined;
}

const COLUMN_WORDS = /\s+(?:not\s+null|null|primary\s+key|unique|default|references|check|constraint|generated|collate|autoincrement|auto_increment)\b/i;

function columnDefinition(part: string, enums: readonly SchemaEnum[]): { column: SchemaColumn; fk?: ForeignKey } | undefined {
  const match = /^\s*([\w"`[\]]+)\s+([\s\S]+)$/.exec(part);
  if (!match) {
    return undefined;
  }
  const name = ident(match[1]!);
  const rest = match[2]!.trim();
  const cut = COLUMN_WORDS.exec(` ${rest}`);
  const type = (cut ? ` ${rest}`.slice(0, cut.index) : ` ${rest}`).trim();
  const tail = cut ? ` ${rest}`.slice(cut.index) : '';
  const enumDef = enums.find((e) => e.name.toLowerCase() === type.replace(/"/g, '').toLowerCase());
  const references = /references\s+([\w."`[\]]+)\s*(?:\(([^)]*)\))?/i.exec(tail);
  const primaryKey = /primary\s+key/i.test(tail);
  const generated = isSerialType(type) || /autoincrement|auto_increment|generated/i.test(tail) || (primaryKey && /^integer$/i.test(type));
  const comment = /comment\s+'((?:[^']|'')*)'/i.exec(tail)?.[1];
  const col = column(name, enumDef ? 'enum' : kindOfSqlType(type), type, {
    nullable: !/not\s+null/i.test(tail) && !primaryKey,
    primaryKey,
    generated,
    hasDefault: generated || /\bdefault\b/i.test(tail),
    unique: /\bunique\b/i.test(tail),
    ...(enumDef ? { enumName: enumDef.name } : {}),
    ...(comment ? { comment } : {}),
  });
  const fk = references ? { columns: [name], table: ident(references[1]!), referencedColumns: references[2] ? list(references[2]) : ['id'] } : undefined;
  return fk ? { column: col, fk } : { column: col };
}

function list(text: string): string[] {
  return text.split(',').map(ident).filter((n) => n !== '');
}

/** `"public"."users"` → users; quotes and schema prefix removed. */
function ident(text: string): string {
  const last = text.trim().split('.').pop() ?? '';
  return last.replace(/^["`[]|["`\]]$/g, '');
}

/** Statements without comments, with the line each starts on. */
export function statements(sql: string): { text: string; line: number }[] {
  const clean = sql.replace(/--[^\n]*/g, (m) => ' '.repeat(m.length)).replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '));
  const out: { text: string; line: number }[] = [];
  let start = 0;
  for (const piece of splitTopLevel(clean, ';', true)) {
    const lead = piece.length - piece.trimStart().length;
    const text = piece.trim();
    if (text !== '') {
      out.push({ text, line: clean.slice(0, start + lead).split('\n').length });
    }
    start += piece.length + 1;
  }
  return out;
}

/** Splits on `separator` outside parentheses and quotes. */
function splitTopLevel(text: string, separator: string, keepRaw = false): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = '';
  for (const ch of text) {
    if (quote) {
      quote = ch === quote ? undefined : quote;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      quote = ch;
    } else if (ch === '(') {
      depth++;
    } else if (ch === ')') {
      depth--;
    } else if (ch === separator && depth === 0) {
      parts.push(keepRaw ? current : current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(keepRaw ? current : current.trim());
  return parts;
}
