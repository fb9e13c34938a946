import { Node, type Statement, type StatementedNode } from 'ts-morph';

const TERMINAL_NAME = /error|notfound|not_found|404|fallback|catchall/i;

/** The handler a `use` call ends with: the last argument, or the function an identifier names in this file. */
function handlerOf(args: readonly Node[], container: StatementedNode): Node | undefined {
  const last = args.at(-1);
  if (last === undefined || !Node.isIdentifier(last)) {
    return last;
  }
  const source = last.getSourceFile();
  return source.getFunction(last.getText()) ?? source.getVariableDeclaration(last.getText())?.getInitializer() ?? container.getFunction(last.getText()) ?? last;
}

/** `fn` is an error handler (`(err, req, res, next)`) or answers 404 for whatever reaches it. */
function isTerminalHandler(handler: Node | undefined, name: string): boolean {
  if (TERMINAL_NAME.test(name)) {
    return true;
  }
  if (handler === undefined || !(Node.isArrowFunction(handler) || Node.isFunctionExpression(handler) || Node.isFunctionDeclaration(handler))) {
    return false;
  }
  return handler.getParameters().length === 4 || /\b404\b|NOT_FOUND|NotFound/.test(handler.getBody()?.getText() ?? '');
}

/** The `<on>.<method>(…)` call of a statement; undefined for anything else. */
function siteCall(statement: Statement, on: string): { method: string; args: Node[] } | undefined {
  const call = Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
  const callee = call !== undefined && Node.isCallExpression(call) ? call.getExpression() : undefined;
  if (callee === undefined || !Node.isPropertyAccessExpression(callee) || callee.getExpression().getText() !== on || !Node.isCallExpression(call)) {
    return undefined;
  }
  return { method: callee.getName(), args: call.getArguments() };
}

/**
 * Whether the statement ends the app's set-up, so a new router must come before it: a 404 handler
 * (`app.use('*', …)`, `app.use(notFound)`, a handler answering 404), an error handler (four
 * parameters, or named like one), `app.listen(…)`, the export of the app or `return app`.
 */
export function isTerminal(statement: Statement, on: string, container: StatementedNode): boolean {
  if (Node.isExportAssignment(statement) || (Node.isReturnStatement(statement) && statement.getExpression()?.getText() === on)) {
    return true;
  }
  if (Node.isExpressionStatement(statement) && /^module\.exports\b/.test(statement.getText())) {
    return true;
  }
  const call = siteCall(statement, on);
  if (call === undefined) {
    return false;
  }
  if (call.method === 'listen') {
    return true;
  }
  if (call.method !== 'use') {
    return false;
  }
  const [first] = call.args;
  const path = first !== undefined && Node.isStringLiteral(first) ? first.getLiteralValue() : undefined;
  if (path !== undefined && /[*(]/.test(path)) {
    return true;
  }
  const handler = handlerOf(call.args, container);
  const name = call.args.at(-1)?.getText().split('(')[0] ?? '';
  return isTerminalHandler(handler, name);
}

/** App-wide middleware or settings: `app.use(x)` without a path, `app.set(…)`, `app.enable(…)`, `app.disable(…)`, `app.engine(…)`. */
function isAppWide(statement: Statement, on: string): boolean {
  const call = siteCall(statement, on);
  if (call === undefined) {
    return false;
  }
  if (call.method === 'use') {
    const [first] = call.args;
    return first !== undefined && !Node.isStringLiteral(first);
  }
  return ['set', 'enable', 'disable', 'engine'].includes(call.method);
}

/**
 * Where a person mounts the first router of an app that has none yet (a 0-based statement index
 * in `container`): after the app's body parsers, app-wide middleware and settings, and before its
 * 404 and error handlers, `listen`, the app's export or `return app`; right after the app is
 * created (`afterIndex`, the index of the statement creating it) when it has no middleware.
 */
export function firstMountIndex(container: StatementedNode, on: string, afterIndex: number): number {
  const statements = container.getStatements();
  let index = afterIndex + 1;
  for (let i = afterIndex + 1; i < statements.length; i += 1) {
    const statement = statements[i];
    if (statement === undefined || isTerminal(statement, on, container)) {
      break;
    }
    if (isAppWide(statement, on)) {
      index = i + 1;
    }
  }
  return index;
}
