import { columnName, isNode, walk, type AstNode } from './sqlAst';
import type { SqlFindings } from './sqlFindings';
import { findColumn, findTable, type SchemaModel, type SchemaTable } from './schema/schemaModel';

interface Scope {
  /** alias or name (lower case) → schema table; null for a CTE or subquery (columns unknown). */
  readonly tables: Map<string, SchemaTable | null>;
  readonly outputAliases: Set<string>;
  derived: boolean;
}

/**
 * Every table and column the query names exists in the schema; joins on `a.x = b.y` follow a
 * foreign key (a warning otherwise: joining on other columns is legal, but usually a mistake).
 */
export function checkReferences(ast: AstNode, schema: SchemaModel, findings: SqlFindings): void {
  const scope: Scope = { tables: new Map(), outputAliases: new Set(), derived: false };
  const cteNames = new Set<string>();
  walk(ast, (node) => {
    if (Array.isArray(node['with'])) {
      for (const cte of node['with']) {
        const name = isNode(cte) && isNode(cte['name']) ? cte['name']['value'] : undefined;
        if (typeof name === 'string') {
          cteNames.add(name.toLowerCase());
        }
      }
    }
  });
  walk(ast, (node) => {
    for (const from of [...list(node['from']), ...list(node['table'])]) {
      if (!isNode(from)) {
        continue;
      }
      const table = typeof from['table'] === 'string' ? from['table'] : undefined;
      const alias = typeof from['as'] === 'string' ? from['as'] : undefined;
      if (table === undefined) {
        if (isNode(from['expr'])) {
          scope.derived = true;
          if (alias) {
            scope.tables.set(alias.toLowerCase(), null);
          }
        }
        continue;
      }
      if (cteNames.has(table.toLowerCase())) {
        scope.derived = true;
        scope.tables.set((alias ?? table).toLowerCase(), null);
        continue;
      }
      const found = findTable(schema, table);
      if (!found) {
        pushOnce(findings.errors, `unknown table "${table}" (tables: ${schema.tables.map((t) => t.name).join(', ')})`);
        continue;
      }
      scope.tables.set(table.toLowerCase(), found);
      if (alias) {
        scope.tables.set(alias.toLowerCase(), found);
      }
    }
    for (const column of list(node['columns'])) {
      if (isNode(column) && typeof column['as'] === 'string') {
        scope.outputAliases.add(column['as'].toLowerCase());
      }
    }
  });
  walk(ast, (node) => {
    if (node['type'] === 'column_ref') {
      checkColumn(node, scope, findings);
    }
  });
  walk(ast, (node) => {
    if (isNode(node['on'])) {
      checkJoin(node['on'], scope, schema, findings);
    }
  });
}

function checkColumn(ref: AstNode, scope: Scope, findings: SqlFindings): void {
  const name = columnName(ref);
  if (name === undefined || name === '*') {
    return;
  }
  const qualifier = typeof ref['table'] === 'string' ? ref['table'].toLowerCase() : undefined;
  if (qualifier !== undefined) {
    const table = scope.tables.get(qualifier);
    if (table === undefined) {
      pushOnce(findings.errors, `"${qualifier}.${name}": no table or alias "${qualifier}" in the FROM clause`);
    } else if (table !== null && !findColumn(table, name)) {
      pushOnce(findings.errors, `unknown column "${qualifier}.${name}": ${table.name} has ${table.columns.map((c) => c.name).join(', ')}`);
    }
    return;
  }
  const real = [...new Set([...scope.tables.values()].filter((t): t is SchemaTable => t !== null))];
  if (real.some((t) => findColumn(t, name)) || scope.outputAliases.has(name.toLowerCase())) {
    return;
  }
  const message = `unknown column "${name}" (not in ${real.map((t) => t.name).join(', ') || 'any table of the query'})`;
  pushOnce(scope.derived ? findings.warnings : findings.errors, message);
}

function checkJoin(on: AstNode, scope: Scope, schema: SchemaModel, findings: SqlFindings): void {
  walk(on, (node) => {
    if (node['type'] !== 'binary_expr' || node['operator'] !== '=' || !isNode(node['left']) || !isNode(node['right'])) {
      return;
    }
    const left = resolve(node['left'], scope);
    const right = resolve(node['right'], scope);
    if (!left || !right || left.table === right.table) {
      return;
    }
    const follows = (a: typeof left, b: typeof left): boolean => a.table.foreignKeys.some((fk) => fk.table.toLowerCase() === b.table.name.toLowerCase()
      && fk.columns.some((c) => c.toLowerCase() === a.column) && fk.referencedColumns.some((c) => c.toLowerCase() === b.column));
    if (!follows(left, right) && !follows(right, left)) {
      const keys = schema.tables.flatMap((t) => t.foreignKeys.map((fk) => `${t.name}.${fk.columns.join(',')} → ${fk.table}.${fk.referencedColumns.join(',')}`));
      pushOnce(findings.warnings, `the join ${left.table.name}.${left.column} = ${right.table.name}.${right.column} follows no foreign key (keys: ${keys.join('; ') || 'none'})`);
    }
  });
}

function resolve(node: AstNode, scope: Scope): { table: SchemaTable; column: string } | undefined {
  if (node['type'] !== 'column_ref' || typeof node['table'] !== 'string') {
    return undefined;
  }
  const table = scope.tables.get(node['table'].toLowerCase());
  const column = columnName(node);
  return table && column ? { table, column: column.toLowerCase() } : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function pushOnce(target: string[], message: string): void {
  if (!target.includes(message)) {
    target.push(message);
  }
}
