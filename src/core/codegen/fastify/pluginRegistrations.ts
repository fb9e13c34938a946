import { Node, type Block, type Expression, type SourceFile, type Statement } from 'ts-morph';

/** A Fastify plugin function found by its local name: its body and the instance parameter. */
export interface PluginFunction {
  readonly body: Block;
  /** The first parameter (`app`, `fastify`): the instance routes are registered on. */
  readonly receiver: string;
  readonly line: number;
}

/** One top-level `receiver.register(plugin, options)` statement (also `await`ed). */
export interface RegisterCall {
  readonly statement: Statement;
  /** The first argument's text (`authRoutes`). */
  readonly plugin: string;
  readonly options: Expression | undefined;
  /** The `prefix` option: `''` when there is none, undefined when it is not a string literal. */
  readonly prefix: string | undefined;
  readonly awaited: boolean;
  readonly line: number;
}

function functionIn(node: Node | undefined): PluginFunction | undefined {
  let fn = node;
  // `fp(async (app) => { ... })`: fastify-plugin's wrapper around the function.
  if (fn && Node.isCallExpression(fn)) {
    fn = fn.getArguments()[0];
  }
  if (!fn || !(Node.isFunctionDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) {
    return undefined;
  }
  const body = fn.getBody();
  const receiver = fn.getParameters()[0]?.getName();
  return body && Node.isBlock(body) && receiver ? { body, receiver, line: fn.getStartLineNumber() } : undefined;
}

/** The plugin function declared in `file` under `localName` (a function declaration or a `const` arrow/function expression). */
export function pluginFunction(file: SourceFile, localName: string): PluginFunction | undefined {
  return functionIn(file.getFunction(localName) ?? file.getVariableDeclaration(localName)?.getInitializer());
}

/** The string value of `options.prefix`: `''` without options or prefix, undefined when it is computed. */
function prefixOf(options: Expression | undefined): string | undefined {
  if (options === undefined) {
    return '';
  }
  if (!Node.isObjectLiteralExpression(options)) {
    return undefined;
  }
  const prop = options.getProperty('prefix');
  if (prop === undefined) {
    return '';
  }
  const init = Node.isPropertyAssignment(prop) ? prop.getInitializer() : undefined;
  return init && (Node.isStringLiteral(init) || Node.isNoSubstitutionTemplateLiteral(init)) ? init.getLiteralValue() : undefined;
}

/** The top-level statements that call `receiver.register(...)`, in order. */
export function registerCalls(statements: readonly Statement[], receiver: string): RegisterCall[] {
  const calls: RegisterCall[] = [];
  for (const statement of statements) {
    let expr = Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
    const awaited = expr !== undefined && Node.isAwaitExpression(expr);
    if (expr && Node.isAwaitExpression(expr)) {
      expr = expr.getExpression();
    }
    const callee = expr && Node.isCallExpression(expr) ? expr.getExpression() : undefined;
    if (!expr || !Node.isCallExpression(expr) || !callee || !Node.isPropertyAccessExpression(callee) || callee.getName() !== 'register' || callee.getExpression().getText() !== receiver) {
      continue;
    }
    const [plugin, options] = expr.getArguments();
    if (plugin) {
      calls.push({ statement, plugin: plugin.getText(), options: options as Expression | undefined, prefix: prefixOf(options as Expression | undefined), awaited, line: statement.getStartLineNumber() });
    }
  }
  return calls;
}

/** The options' properties other than `prefix`, as written (`logLevel: 'warn'`). */
export function otherOptions(options: Expression | undefined): string[] {
  return options && Node.isObjectLiteralExpression(options) ? options.getProperties().filter((p) => !(Node.isPropertyAssignment(p) && p.getName() === 'prefix')).map((p) => p.getText()) : [];
}

/** How a file gets a name it registers: a local declaration, or an import from a module. */
export type Binding =
  | { readonly kind: 'local'; readonly name: string }
  | { readonly kind: 'import'; readonly specifier: string; readonly exportName: string; readonly style: 'named' | 'default'; readonly declaration: Statement };

/** Where `name` comes from in `file`; undefined for anything else (a call, a namespace member). */
export function bindingOf(file: SourceFile, name: string): Binding | undefined {
  for (const decl of file.getImportDeclarations()) {
    if (decl.isTypeOnly()) {
      continue;
    }
    const specifier = decl.getModuleSpecifierValue();
    if (decl.getDefaultImport()?.getText() === name) {
      return { kind: 'import', specifier, exportName: 'default', style: 'default', declaration: decl };
    }
    const named = decl.getNamedImports().find((n) => !n.isTypeOnly() && (n.getAliasNode()?.getText() ?? n.getName()) === name);
    if (named) {
      return { kind: 'import', specifier, exportName: named.getName(), style: 'named', declaration: decl };
    }
  }
  return pluginFunction(file, name) ? { kind: 'local', name } : undefined;
}

/** The local name a module exports as `exportName` (`default` included); undefined when it does not. */
export function exportedLocal(file: SourceFile, exportName: string): string | undefined {
  if (exportName === 'default') {
    const fn = file.getFunctions().find((f) => f.isDefaultExport());
    if (fn) {
      return fn.getName();
    }
    const assignment = file.getExportAssignments().find((a) => !a.isExportEquals());
    return assignment && Node.isIdentifier(assignment.getExpression()) ? assignment.getExpression().getText() : undefined;
  }
  const direct = file.getFunction(exportName)?.isExported() === true || file.getVariableDeclaration(exportName)?.isExported() === true;
  if (direct) {
    return exportName;
  }
  const specifier = file.getExportDeclarations().filter((d) => d.getModuleSpecifier() === undefined).flatMap((d) => d.getNamedExports()).find((s) => (s.getAliasNode()?.getText() ?? s.getName()) === exportName);
  return specifier?.getName();
}
