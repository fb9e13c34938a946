import { Node, type CallExpression, type ObjectLiteralExpression, type SourceFile } from 'ts-morph';
import { kindOfSqlType } from './columnKind';
import { column, type ColumnKind, type ForeignKey, type SchemaColumn, type SchemaEnum, type SchemaModel, type SchemaTable, type SqlDialect } from './schemaModel';

const TABLE_CALLS: Readonly<Record<string, SqlDialect>> = { pgTable: 'postgres', sqliteTable: 'sqlite', mysqlTable: 'mysql' };
const ENUM_CALLS = new Set(['pgEnum', 'mysqlEnum']);
const BUILDER_KINDS: Readonly<Record<string, ColumnKind>> = {
  serial: 'integer', smallserial: 'integer', bigserial: 'bigint', integer: 'integer', int: 'integer', smallint: 'integer', bigint: 'bigint',
  text: 'text', varchar: 'text', char: 'text', boolean: 'boolean', timestamp: 'timestamp', datetime: 'timestamp', date: 'date',
  json: 'json', jsonb: 'json', uuid: 'uuid', numeric: 'decimal', decimal: 'decimal', real: 'float', doublePrecision: 'float', double: 'float', blob: 'bytes',
};

interface PendingFk {
  readonly table: string;
  readonly column: string;
  readonly target: string;
  readonly targetProperty: string;
}

/** Reads Drizzle `pgTable`/`sqliteTable`/`mysqlTable` (and `pgEnum`) declarations from source files. */
export function readDrizzle(files: readonly SourceFile[], relativePath: (file: SourceFile) => string): SchemaModel {
  const tables: SchemaTable[] = [];
  const enums: SchemaEnum[] = [];
  const enumVars = new Map<string, string>();
  const tableVars = new Map<string, { name: string; props: Map<string, string> }>();
  const pending: PendingFk[] = [];
  let dialect: SqlDialect | undefined;
  for (const file of files) {
    for (const decl of file.getVariableDeclarations()) {
      const init = decl.getInitializer();
      if (!init || !Node.isCallExpression(init)) {
        continue;
      }
      const callee = init.getExpression().getText();
      const [nameArg, second] = init.getArguments();
      const name = nameArg && Node.isStringLiteral(nameArg) ? nameArg.getLiteralValue() : undefined;
      if (ENUM_CALLS.has(callee) && name && second && Node.isArrayLiteralExpression(second)) {
        enums.push({ name, values: second.getElements().flatMap((e) => (Node.isStringLiteral(e) ? [e.getLiteralValue()] : [])) });
        enumVars.set(decl.getName(), name);
      } else if (TABLE_CALLS[callee] && name && second && Node.isObjectLiteralExpression(second)) {
        dialect = TABLE_CALLS[callee];
        const props = new Map<string, string>();
        const columns = readColumns(second, enumVars, name, props, pending);
        tableVars.set(decl.getName(), { name, props });
        const primaryKey = columns.filter((c) => c.primaryKey).map((c) => c.name);
        tables.push({ name, columns, primaryKey, foreignKeys: [], evidence: `${relativePath(file)}:${decl.getStartLineNumber()}` });
      }
    }
  }
  const withFks = tables.map((table) => {
    const fks: ForeignKey[] = pending.filter((p) => p.table === table.name).flatMap((p) => {
      const target = tableVars.get(p.target);
      const referenced = target?.props.get(p.targetProperty);
      return target && referenced ? [{ columns: [p.column], table: target.name, referencedColumns: [referenced] }] : [];
    });
    return { ...table, foreignKeys: fks };
  });
  return { source: 'drizzle', ...(dialect ? { dialect } : {}), tables: withFks, enums, files: files.map(relativePath) };
}

function readColumns(object: ObjectLiteralExpression, enumVars: ReadonlyMap<string, string>, table: string, props: Map<string, string>, pending: PendingFk[]): SchemaColumn[] {
  const columns: SchemaColumn[] = [];
  for (const prop of object.getProperties()) {
    if (!Node.isPropertyAssignment(prop)) {
      continue;
    }
    const init = prop.getInitializer();
    if (!init || !Node.isCallExpression(init)) {
      continue;
    }
    const chain = callChain(init);
    const base = chain[0]!;
    const builder = base.getExpression().getText();
    const firstArg = base.getArguments()[0];
    const name = firstArg && Node.isStringLiteral(firstArg) ? firstArg.getLiteralValue() : prop.getName();
    props.set(prop.getName(), name);
    const options = base.getArguments().find(Node.isObjectLiteralExpression)?.getText() ?? '';
    const methods = chain.slice(1).map((c) => ({ name: Node.isPropertyAccessExpression(c.getExpression()) ? c.getExpression().getLastChildOrThrow().getText() : '', call: c }));
    const has = (m: string): boolean => methods.some((x) => x.name === m);
    const enumName = enumVars.get(builder);
    const kind: ColumnKind = enumName ? 'enum' : /mode:\s*['"]timestamp/.test(options) ? 'timestamp' : /mode:\s*['"]boolean/.test(options) ? 'boolean' : BUILDER_KINDS[builder] ?? kindOfSqlType(builder);
    const primaryKey = has('primaryKey');
    const generated = /serial/.test(builder) || has('defaultNow') || has('defaultRandom') || /autoIncrement:\s*true/.test(init.getText());
    columns.push(column(name, kind, `${builder}(${options})`, {
      nullable: !has('notNull') && !primaryKey,
      primaryKey,
      generated,
      hasDefault: generated || has('default') || has('$defaultFn') || has('$default'),
      unique: has('unique'),
      ...(enumName ? { enumName } : {}),
    }));
    const ref = methods.find((m) => m.name === 'references')?.call.getArguments()[0];
    const target = ref && /=>\s*(\w+)\.(\w+)/.exec(ref.getText());
    if (target) {
      pending.push({ table, column: name, target: target[1]!, targetProperty: target[2]! });
    }
  }
  return columns;
}

/** `a('x').notNull().references(…)` → [a('x'), .notNull(), .references(…)], innermost first. */
function callChain(call: CallExpression): CallExpression[] {
  const chain: CallExpression[] = [call];
  let current: CallExpression = call;
  for (;;) {
    const callee = current.getExpression();
    const inner = Node.isPropertyAccessExpression(callee) ? callee.getExpression() : undefined;
    if (!inner || !Node.isCallExpression(inner)) {
      break;
    }
    chain.unshift(inner);
    current = inner;
  }
  return chain;
}
