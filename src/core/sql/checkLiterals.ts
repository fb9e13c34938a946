import { isLiteral, isNode, mentionsColumn, walk, type AstNode } from './sqlAst';
import type { SqlFindings } from './sqlFindings';

const COMPARISONS = new Set(['=', '!=', '<>', '<', '>', '<=', '>=', 'LIKE', 'NOT LIKE', 'ILIKE', 'NOT ILIKE', 'IN', 'NOT IN', 'BETWEEN', 'NOT BETWEEN', 'IS DISTINCT FROM']);

/**
 * Values compared with columns must be parameters: `s.status = 'active'` or `id = 1 OR 1=1` is
 * refused (an inlined or injected literal), `s.status = :status` is not. Literals elsewhere
 * (`date_trunc('week', …)`, LIMIT) are the query's shape, not data, and stay.
 */
export function checkLiterals(ast: AstNode, findings: SqlFindings, render: (node: AstNode) => string): void {
  walk(ast, (node) => {
    if (node['type'] !== 'binary_expr' || typeof node['operator'] !== 'string' || !COMPARISONS.has(node['operator'].toUpperCase())) {
      return;
    }
    const sides = [node['left'], node['right']];
    const literals = sides.flatMap((side) => literalsIn(side));
    if (literals.length === 0) {
      return;
    }
    const bothLiteral = sides.every((side) => !mentionsColumn(side) && !hasParam(side));
    for (const literal of literals) {
      const shown = render(literal);
      findings.errors.push(bothLiteral
        ? `the condition ${render(node)} compares two literals (an injected "always true/false"); compare columns with parameters`
        : `the literal ${shown} is inlined in ${render(node)}: pass it as a :parameter (values are never written into the SQL)`);
      if (bothLiteral) {
        break;
      }
    }
  });
}

/** Literals directly on one side of a comparison (also inside an IN list or a BETWEEN range). */
function literalsIn(side: unknown): AstNode[] {
  if (isLiteral(side)) {
    return [side];
  }
  if (isNode(side) && side['type'] === 'expr_list' && Array.isArray(side['value'])) {
    return side['value'].filter(isLiteral);
  }
  return [];
}

function hasParam(node: unknown): boolean {
  let found = false;
  walk(node, (n) => {
    if (n['type'] === 'param') {
      found = true;
    }
  });
  return found;
}
