import { Node, type CallExpression, type SourceFile } from 'ts-morph';
import { readTableCalls } from './tableCalls';
import { column, type ColumnKind, type ForeignKey, type SchemaColumn, type SchemaEnum, type SchemaModel, type SchemaTable } from './schemaModel';

/** Knex column builders → kind; `increments` & co. are generated integer primary keys. */
const BUILDERS: Readonly<Record<string, ColumnKind>> = {
  increments: 'integer', bigIncrements: 'bigint', integer: 'integer', tinyint: 'integer', smallint: 'integer', mediumint: 'integer', bigInteger: 'bigint', bigint: 'bigint',
  text: 'text', string: 'text', uuid: 'uuid', float: 'float', double: 'float', decimal: 'decimal', boolean: 'boolean',
  date: 'date', datetime: 'timestamp', timestamp: 'timestamp', time: 'text', json: 'json', jsonb: 'json', binary: 'bytes', enu: 'enum', enum: 'enum',
};

interface Chain {
  readonly method: string;
  readonly args: readonly Node[];
}

/**
 * Reads Knex migrations: `knex.schema.createTable('users', (t) => { t.increments('id'); t.string('email').notNullable()… })`,
 * with `.references('id').inTable('users')`, `.references('users.id')`, `t.foreign('user_id').references(…)`,
 * `t.primary([...])`, `.unique()`, `.defaultTo(…)`, `.comment('…')` and `t.enu(name, [values])`. Files in path order.
 */
export function readKnex(files: readonly SourceFile[], relativePath: (file: SourceFile) => string): SchemaModel {
  return readTableCalls('knex', files, relativePath, (call, callee, enums, evidence) => {
    if (!/^createTable(IfNotExists)?$/.test(callee.getName())) {
      return undefined;
    }
    const [nameArg, builder] = call.getArguments();
    if (!nameArg || !Node.isStringLiteral(nameArg) || !builder || !(Node.isArrowFunction(builder) || Node.isFunctionExpression(builder))) {
      return undefined;
    }
    const param = builder.getParameters()[0]?.getName();
    if (!param) {
      return undefined;
    }
    return readTable(nameArg.getLiteralValue(), builder.getDescendants().filter(Node.isExpressionStatement).map((s) => s.getExpression()).filter(Node.isCallExpression), param, enums, evidence);
  });
}

function readTable(name: string, statements: readonly CallExpression[], param: string, enums: SchemaEnum[], evidence: string): SchemaTable {
  const columns: SchemaColumn[] = [];
  const foreignKeys: ForeignKey[] = [];
  let primaryKey: string[] | undefined;
  for (const statement of statements) {
    const chain = flatten(statement, param);
    if (!chain || chain.length === 0) {
      continue;
    }
    const [base, ...modifiers] = chain as [Chain, ...Chain[]];
    const first = stringArg(base.args[0]);
    const has = (method: string): Chain | undefined => modifiers.find((m) => m.method === method);
    if (base.method === 'primary') {
      primaryKey = stringList(base.args[0]);
      continue;
    }
    if (base.method === 'foreign' && first) {
      const fk = reference(has('references'), has('inTable'));
      if (fk) {
        foreignKeys.push({ columns: [first], ...fk });
      }
      continue;
    }
    const kind = BUILDERS[base.method];
    if (!kind || !first) {
      continue;
    }
    const serial = base.method === 'increments' || base.method === 'bigIncrements';
    let enumName: string | undefined;
    if (kind === 'enum') {
      const options = base.args[2] && Node.isObjectLiteralExpression(base.args[2]) ? base.args[2] : undefined;
      const named = options?.getProperty('enumName');
      enumName = (named && Node.isPropertyAssignment(named) ? stringArg(named.getInitializer()) : undefined) ?? `${name}_${first}`;
      enums.push({ name: enumName, values: stringList(base.args[1]) ?? [] });
    }
    const comment = stringArg(has('comment')?.args[0]);
    // Knex's timestamp()/datetime() are timestamptz on Postgres unless { useTz: false }.
    const useTz = kind === 'timestamp' && !/useTz:\s*false/.test(base.args[1]?.getText() ?? '');
    columns.push(column(first, kind, useTz ? `${base.method} (timestamptz)` : base.method, {
      nullable: !serial && !has('notNullable') && !has('primary'),
      primaryKey: serial || has('primary') !== undefined,
      generated: serial,
      hasDefault: serial || has('defaultTo') !== undefined,
      unique: has('unique') !== undefined,
      ...(enumName ? { enumName } : {}),
      ...(comment ? { comment } : {}),
    }));
    const fk = reference(has('references'), has('inTable'));
    if (fk) {
      foreignKeys.push({ columns: [first], ...fk });
    }
  }
  const pk = primaryKey ?? columns.filter((c) => c.primaryKey).map((c) => c.name);
  return { name, columns: columns.map((c) => (pk.includes(c.name) ? { ...c, primaryKey: true, nullable: false } : c)), primaryKey: pk, foreignKeys, evidence };
}

/** `t.a(x).b().c(y)` → [a(x), b(), c(y)] when the chain starts at the builder parameter. */
function flatten(call: CallExpression, param: string): Chain[] | undefined {
  const out: Chain[] = [];
  let current: Node = call;
  while (Node.isCallExpression(current)) {
    const callee = current.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) {
      return undefined;
    }
    out.unshift({ method: callee.getName(), args: current.getArguments() });
    current = callee.getExpression();
  }
  return Node.isIdentifier(current) && current.getText() === param ? out : undefined;
}

/** `.references('id').inTable('users')` or `.references('users.id')`. */
function reference(references: Chain | undefined, inTable: Chain | undefined): Omit<ForeignKey, 'columns'> | undefined {
  const target = stringArg(references?.args[0]);
  if (!target) {
    return undefined;
  }
  const table = stringArg(inTable?.args[0]);
  if (table) {
    return { table, referencedColumns: [target] };
  }
  const dot = target.lastIndexOf('.');
  return dot > 0 ? { table: target.slice(0, dot), referencedColumns: [target.slice(dot + 1)] } : undefined;
}

function stringArg(node: Node | undefined): string | undefined {
  return node && (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) ? node.getLiteralValue() : undefined;
}

function stringList(node: Node | undefined): string[] | undefined {
  if (node && Node.isArrayLiteralExpression(node)) {
    return node.getElements().flatMap((e) => stringArg(e) ?? []);
  }
  const one = stringArg(node);
  return one ? [one] : undefined;
}
