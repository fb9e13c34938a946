/** Small, typed helpers over node-sql-parser's untyped AST. */
export type AstNode = Readonly<Record<string, unknown>>;

export function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every node under `root` (depth first, root included). */
export function walk(root: unknown, visit: (node: AstNode) => void): void {
  if (Array.isArray(root)) {
    for (const item of root) {
      walk(item, visit);
    }
  } else if (isNode(root)) {
    visit(root);
    for (const value of Object.values(root)) {
      if (typeof value === 'object' && value !== null) {
        walk(value, visit);
      }
    }
  }
}

/** A column_ref's column name, whatever the dialect's AST shape (`'x'` or `{expr:{value:'x'}}`). */
export function columnName(ref: AstNode): string | undefined {
  const column = ref['column'];
  if (typeof column === 'string') {
    return column;
  }
  if (isNode(column) && isNode(column['expr']) && typeof column['expr']['value'] === 'string') {
    return column['expr']['value'];
  }
  return undefined;
}

/** The literal node types: a value written into the SQL text. */
const LITERALS = new Set(['single_quote_string', 'string', 'number', 'natural_string', 'hex_string', 'full_hex_string', 'bit_string', 'regex_string']);

export function isLiteral(node: unknown): node is AstNode {
  return isNode(node) && typeof node['type'] === 'string' && LITERALS.has(node['type']);
}

/** True when a column reference appears anywhere under `node`. */
export function mentionsColumn(node: unknown): boolean {
  let found = false;
  walk(node, (n) => {
    if (n['type'] === 'column_ref') {
      found = true;
    }
  });
  return found;
}

/** A function call's lower-case name (`strftime`, `date_trunc`), or undefined. */
export function functionName(node: AstNode): string | undefined {
  if (node['type'] === 'function') {
    const name = node['name'];
    if (isNode(name) && Array.isArray(name['name'])) {
      const last: unknown = name['name'][name['name'].length - 1];
      return isNode(last) && typeof last['value'] === 'string' ? last['value'].toLowerCase() : undefined;
    }
    return typeof name === 'string' ? name.toLowerCase() : undefined;
  }
  if (node['type'] === 'extract') {
    return 'extract';
  }
  return undefined;
}
