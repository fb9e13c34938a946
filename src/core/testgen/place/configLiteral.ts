import { ts } from 'ts-morph';

/** A value written in code that is not a literal (a variable, a call, a template with holes). */
export const NOT_LITERAL: unique symbol = Symbol('not a literal');

/** A config value read without running the file: JSON-like literals, or {@link NOT_LITERAL}. */
export type ConfigValue = string | number | boolean | null | typeof NOT_LITERAL | readonly ConfigValue[] | { readonly [key: string]: ConfigValue };

/** An object of config values. */
export type ConfigObject = { readonly [key: string]: ConfigValue };

function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isTypeAssertionExpression(current)) {
    current = current.expression;
  }
  return current;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) ? name.text : undefined;
}

function valueOf(node: ts.Expression): ConfigValue {
  const value = unwrap(node);
  if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) {
    return value.text;
  }
  if (ts.isNumericLiteral(value)) {
    return Number(value.text);
  }
  if (value.kind === ts.SyntaxKind.TrueKeyword || value.kind === ts.SyntaxKind.FalseKeyword) {
    return value.kind === ts.SyntaxKind.TrueKeyword;
  }
  if (value.kind === ts.SyntaxKind.NullKeyword) {
    return null;
  }
  if (ts.isArrayLiteralExpression(value)) {
    return value.elements.map((e) => (ts.isSpreadElement(e) ? NOT_LITERAL : valueOf(e)));
  }
  if (ts.isObjectLiteralExpression(value)) {
    return objectOf(value);
  }
  return NOT_LITERAL;
}

function objectOf(node: ts.ObjectLiteralExpression): ConfigObject {
  const result: Record<string, ConfigValue> = {};
  for (const property of node.properties) {
    if (ts.isPropertyAssignment(property)) {
      const name = propertyName(property.name);
      if (name !== undefined) {
        result[name] = valueOf(property.initializer);
      }
    } else if (ts.isShorthandPropertyAssignment(property)) {
      result[property.name.text] = NOT_LITERAL;
    }
  }
  return result;
}

/**
 * The object a config file exports, read without running it: `export default {…}`,
 * `module.exports = {…}`, `export default defineConfig({…})` (any call whose first argument is
 * the object, or an arrow returning it), or a `const` holding one of these that is exported.
 * Properties whose value is not a literal read as {@link NOT_LITERAL}; undefined when no exported
 * object literal is found.
 */
export function configLiteral(text: string, fileName: string): ConfigObject | undefined {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const consts = new Map<string, ts.Expression>();
  let exported: ts.Expression | undefined;
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        if (ts.isIdentifier(decl.name) && decl.initializer !== undefined) {
          consts.set(decl.name.text, decl.initializer);
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      exported = statement.expression;
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = statement.expression.left.getText(file);
      if (left === 'module.exports' || left === 'exports.default') {
        exported = statement.expression.right;
      }
    }
  }
  return objectBehind(exported, consts, 0);
}

function objectBehind(node: ts.Expression | undefined, consts: ReadonlyMap<string, ts.Expression>, depth: number): ConfigObject | undefined {
  if (node === undefined || depth > 4) {
    return undefined;
  }
  const value = unwrap(node);
  if (ts.isObjectLiteralExpression(value)) {
    return objectOf(value);
  }
  if (ts.isIdentifier(value)) {
    return objectBehind(consts.get(value.text), consts, depth + 1);
  }
  if (ts.isCallExpression(value)) {
    return objectBehind(value.arguments[0], consts, depth + 1);
  }
  if (ts.isArrowFunction(value) && !ts.isBlock(value.body)) {
    return objectBehind(value.body, consts, depth + 1);
  }
  return undefined;
}

/** The strings of a config value that is one string or a list of them; NOT_LITERAL when it is something else. */
export function stringList(value: ConfigValue | undefined): readonly string[] | typeof NOT_LITERAL | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value === 'string') {
    return [value];
  }
  if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) {
    return value;
  }
  return NOT_LITERAL;
}
