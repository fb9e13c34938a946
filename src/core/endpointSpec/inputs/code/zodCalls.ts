import { Node, SyntaxKind, type Expression, type PropertyAccessExpression } from 'ts-morph';

/** One call in a zod chain: `.min(8)` → `{ name: 'min', args: [8-node] }`. */
export interface ZodCall {
  readonly name: string;
  readonly args: readonly Node[];
}

/** A zod expression split into its base (`z`, or another schema's name) and the calls on it, innermost first. */
export interface ZodChain {
  readonly base: Node;
  readonly calls: readonly ZodCall[];
}

/** `z.string().min(8).optional()` → base `z`, calls string, min, optional. `z.coerce.number()` → call `coerce.number`. */
export function unwindZodChain(expression: Expression): ZodChain {
  const calls: ZodCall[] = [];
  let node: Node = expression;
  for (;;) {
    if (Node.isParenthesizedExpression(node)) {
      node = node.getExpression();
    } else if (Node.isCallExpression(node) && Node.isPropertyAccessExpression(node.getExpression())) {
      const access: PropertyAccessExpression = node.getExpression().asKindOrThrow(SyntaxKind.PropertyAccessExpression);
      calls.unshift({ name: access.getName(), args: node.getArguments() });
      node = access.getExpression();
    } else {
      break;
    }
  }
  const first = calls[0];
  if (first && Node.isPropertyAccessExpression(node) && Node.isIdentifier(node.getExpression()) && ['coerce', 'iso'].includes(node.getName())) {
    calls[0] = { name: `${node.getName()}.${first.name}`, args: first.args };
    node = node.getExpression();
  }
  return { base: node, calls };
}

/** A literal argument's value: numbers (negative too), strings, booleans, null, arrays of those. */
export function literalOf(node: Node | undefined): unknown {
  if (node === undefined) {
    return undefined;
  }
  if (Node.isNumericLiteral(node)) {
    return node.getLiteralValue();
  }
  if (Node.isPrefixUnaryExpression(node) && node.getOperatorToken() === SyntaxKind.MinusToken) {
    const operand = literalOf(node.getOperand());
    return typeof operand === 'number' ? -operand : undefined;
  }
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) {
    return node.getLiteralText();
  }
  if (node.getKind() === SyntaxKind.TrueKeyword || node.getKind() === SyntaxKind.FalseKeyword) {
    return node.getKind() === SyntaxKind.TrueKeyword;
  }
  if (node.getKind() === SyntaxKind.NullKeyword) {
    return null;
  }
  if (Node.isArrayLiteralExpression(node)) {
    return node.getElements().map(literalOf);
  }
  if (Node.isAsExpression(node) || Node.isSatisfiesExpression(node)) {
    return literalOf(node.getExpression());
  }
  return undefined;
}
