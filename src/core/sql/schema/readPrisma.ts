import { column, type ColumnKind, type ForeignKey, type SchemaColumn, type SchemaEnum, type SchemaModel, type SchemaTable, type SqlDialect } from './schemaModel';

const SCALARS: Readonly<Record<string, ColumnKind>> = {
  Int: 'integer', BigInt: 'bigint', Float: 'float', Decimal: 'decimal', String: 'text',
  Boolean: 'boolean', DateTime: 'timestamp', Json: 'json', Bytes: 'bytes',
};

const PROVIDERS: Readonly<Record<string, SqlDialect>> = { postgresql: 'postgres', postgres: 'postgres', mysql: 'mysql', sqlite: 'sqlite', cockroachdb: 'postgres' };

interface Block {
  readonly kind: 'model' | 'enum' | 'datasource';
  readonly name: string;
  readonly line: number;
  readonly lines: readonly { readonly text: string; readonly comment?: string }[];
  readonly comment?: string;
}

interface PrismaField {
  readonly name: string;
  readonly type: string;
  readonly optional: boolean;
  readonly list: boolean;
  readonly attributes: string;
  readonly comment?: string;
}

/** Reads a `schema.prisma` text into the schema model (models → tables, @map/@@map honoured). */
export function readPrisma(text: string, file: string): SchemaModel {
  const blocks = parseBlocks(text);
  const enums: SchemaEnum[] = blocks.filter((b) => b.kind === 'enum').map((b) => ({
    name: b.name,
    values: b.lines.map((l) => l.text.split(/\s+/)[0]!).filter((v) => /^\w+$/.test(v)),
  }));
  const enumNames = new Set(enums.map((e) => e.name));
  const models = blocks.filter((b) => b.kind === 'model');
  const fieldsOf = new Map(models.map((m) => [m.name, fields(m)]));
  const tableName = (model: Block): string => /@@map\(\s*"([^"]+)"/.exec(model.lines.map((l) => l.text).join('\n'))?.[1] ?? model.name;
  const columnName = (f: PrismaField): string => /@map\(\s*"([^"]+)"/.exec(f.attributes)?.[1] ?? f.name;
  const tables: SchemaTable[] = models.map((model) => {
    const all = fieldsOf.get(model.name) ?? [];
    const scalars = all.filter((f) => !f.list && (SCALARS[f.type] !== undefined || enumNames.has(f.type)));
    const columns: SchemaColumn[] = scalars.map((f) => prismaColumn(f, columnName(f), enumNames));
    const compositeId = /@@id\(\s*\[([^\]]+)\]/.exec(model.lines.map((l) => l.text).join('\n'))?.[1];
    const primaryKey = compositeId
      ? compositeId.split(',').map((n) => columnName(scalars.find((f) => f.name === n.trim()) ?? { name: n.trim(), type: '', optional: false, list: false, attributes: '' }))
      : columns.filter((c) => c.primaryKey).map((c) => c.name);
    const foreignKeys: ForeignKey[] = [];
    for (const f of all) {
      const relation = /@relation\(([^)]*)\)/.exec(f.attributes)?.[1];
      const target = models.find((m) => m.name === f.type);
      const fk = relation && /fields:\s*\[([^\]]+)\]/.exec(relation)?.[1];
      const refs = relation && /references:\s*\[([^\]]+)\]/.exec(relation)?.[1];
      if (!target || !fk || !refs) {
        continue;
      }
      const targetFields = fieldsOf.get(target.name) ?? [];
      foreignKeys.push({
        columns: fk.split(',').map((n) => columnName(all.find((x) => x.name === n.trim()) ?? { ...f, name: n.trim(), attributes: '' })),
        table: tableName(target),
        referencedColumns: refs.split(',').map((n) => columnName(targetFields.find((x) => x.name === n.trim()) ?? { ...f, name: n.trim(), attributes: '' })),
      });
    }
    return { name: tableName(model), columns, primaryKey, foreignKeys, ...(model.comment ? { comment: model.comment } : {}), evidence: `${file}:${model.line}` };
  });
  const provider = blocks.find((b) => b.kind === 'datasource')?.lines.map((l) => /provider\s*=\s*"(\w+)"/.exec(l.text)?.[1]).find((p) => p !== undefined);
  const dialect = provider ? PROVIDERS[provider] : undefined;
  return { source: 'prisma', ...(dialect ? { dialect } : {}), tables, enums, files: [file] };
}

function prismaColumn(f: PrismaField, name: string, enumNames: ReadonlySet<string>): SchemaColumn {
  const isEnum = enumNames.has(f.type);
  const native = /@db\.(\w+)/.exec(f.attributes)?.[1];
  const kind: ColumnKind = isEnum ? 'enum' : native === 'Uuid' ? 'uuid' : native === 'Date' ? 'date' : SCALARS[f.type]!;
  const defaultExpr = /@default\(([^)]*\)?)\)/.exec(f.attributes)?.[1];
  return column(name, kind, native ? `${f.type} @db.${native}` : f.type, {
    nullable: f.optional,
    primaryKey: /@id\b/.test(f.attributes),
    generated: defaultExpr !== undefined && /autoincrement|uuid|cuid|now|dbgenerated/.test(defaultExpr),
    hasDefault: defaultExpr !== undefined || /@updatedAt\b/.test(f.attributes),
    unique: /@unique\b/.test(f.attributes),
    ...(isEnum ? { enumName: f.type } : {}),
    ...(f.comment ? { comment: f.comment } : {}),
  });
}

function fields(model: Block): PrismaField[] {
  const out: PrismaField[] = [];
  for (const line of model.lines) {
    const match = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line.text);
    if (!match || line.text.startsWith('@@')) {
      continue;
    }
    out.push({ name: match[1]!, type: match[2]!, list: match[3] !== undefined, optional: match[4] !== undefined, attributes: match[5] ?? '', ...(line.comment ? { comment: line.comment } : {}) });
  }
  return out;
}

function parseBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.split(/\r?\n/);
  let current: { kind: Block['kind']; name: string; line: number; lines: { text: string; comment?: string }[]; comment?: string } | undefined;
  let docs: string[] = [];
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line.startsWith('///')) {
      docs.push(line.slice(3).trim());
      return;
    }
    const code = line.replace(/\s*\/\/.*$/, '');
    if (!current) {
      const open = /^(model|enum|datasource)\s+(\w+)\s*\{/.exec(code);
      if (open) {
        current = { kind: open[1] as Block['kind'], name: open[2]!, line: index + 1, lines: [], ...(docs.length ? { comment: docs.join(' ') } : {}) };
      }
      docs = [];
      return;
    }
    if (code === '}') {
      blocks.push(current);
      current = undefined;
    } else if (code !== '') {
      current.lines.push({ text: code, ...(docs.length ? { comment: docs.join(' ') } : {}) });
    }
    docs = [];
  });
  return blocks;
}
