import { Node, type ObjectLiteralExpression } from 'ts-morph';

/** The initializer of `key: value` in an object literal (not shorthand or spread), if any. */
export function prop(object: ObjectLiteralExpression | undefined, key: string): Node | undefined {
  const p = object?.getProperty(key);
  return p && Node.isPropertyAssignment(p) ? p.getInitializer() : undefined;
}

/** The source text of `key`'s value in an object literal. */
export function text(object: ObjectLiteralExpression | undefined, key: string): string | undefined {
  return prop(object, key)?.getText();
}

/** The value of a string literal or a template literal without substitutions. */
export function stringOf(node: Node | undefined): string | undefined {
  return node && (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) ? node.getLiteralValue() : undefined;
}

/** `createdAt` → `created_at`: the naming strategy ORMs use for columns and tables by default. */
export function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
