import { Node, type CallExpression, type Statement } from 'ts-morph';
import { formatFragment } from '../shared/codeStyle';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport, matchImportSemicolons, relativeModule } from '../shared/imports';
import { stringLiteral } from '../shared/literal';
import { appFilePath } from '../shared/projectApp';
import { finishFile, openFile } from '../shared/sourceFiles';
import type { GeneratedFile } from '../types';
import { findFastifyAppOrThrow, type FastifyApp } from './fastifyApp';
import { pluginName } from './pluginParts';
import { findPluginArray, joinPluginArray } from './pluginArray';

interface AppCall {
  readonly statement: Statement;
  readonly call: CallExpression;
  readonly awaited: boolean;
}

/** Top-level statements of the container that call a method of the app (`app.register(...)`, `await app.register(...)`). */
function appCalls(app: FastifyApp): AppCall[] {
  const calls: AppCall[] = [];
  for (const statement of app.container.getStatements()) {
    let expr = Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
    const awaited = expr !== undefined && Node.isAwaitExpression(expr);
    if (expr && Node.isAwaitExpression(expr)) {
      expr = expr.getExpression();
    }
    const callee = expr && Node.isCallExpression(expr) ? expr.getExpression() : undefined;
    if (expr && Node.isCallExpression(expr) && callee && Node.isPropertyAccessExpression(callee) && callee.getExpression().getText() === app.localName) {
      calls.push({ statement, call: expr, awaited });
    }
  }
  return calls;
}

function isRegister(c: AppCall): boolean {
  const callee = c.call.getExpression();
  return Node.isPropertyAccessExpression(callee) && callee.getName() === 'register';
}

/** Where the registration goes: after the last `register`, else after the last app call, else before `return app`. */
function insertIndex(app: FastifyApp, calls: readonly AppCall[]): number {
  const anchor = calls.filter(isRegister).at(-1) ?? calls.at(-1);
  if (anchor) {
    return anchor.statement.getChildIndex() + 1;
  }
  const statements = app.container.getStatements();
  if (app.kind === 'factory') {
    const ret = statements.findIndex((s) => Node.isReturnStatement(s));
    return ret >= 0 ? ret : statements.length;
  }
  const decl = statements.findIndex((s) => Node.isVariableStatement(s) && s.getDeclarations().some((d) => d.getName() === app.localName));
  return decl + 1;
}

/**
 * Registers the resource's plugin in the app file once (`await app.register(productsRoutes, { prefix: '/products' })`),
 * after the existing registrations; the rest of the user's file is not reformatted.
 */
export function buildAppRegistration(ctx: GenerationContext): { readonly app: FastifyApp; readonly file: GeneratedFile | undefined } {
  const open = openFile(ctx, appFilePath(ctx));
  const { file } = open;
  const app = findFastifyAppOrThrow(ctx, file);
  const plugin = pluginName(ctx);
  const calls = appCalls(app);
  if (calls.some((c) => isRegister(c) && c.call.getArguments()[0]?.getText() === plugin)) {
    return { app, file: undefined };
  }
  const array = findPluginArray(app, file);
  if (array && 'array' in array && joinPluginArray(ctx, file, array, plugin)) {
    return { app, file: finishFile(ctx, open, true, false) };
  }
  const style = ctx.input.options.style;
  const registers = calls.filter(isRegister);
  const inAsync = app.kind === 'factory' && app.asyncFactory;
  const awaited = inAsync && (registers.length === 0 || registers.some((c) => c.awaited));
  ensureImport(file, { moduleSpecifier: relativeModule(open.path, ctx.paths.router, ctx.input.options.importExtension), named: [{ name: plugin }] });
  matchImportSemicolons(file, style.semicolons);
  const index = insertIndex(app, appCalls(app));
  const text = `${awaited ? 'await ' : ''}${app.localName}.register(${plugin}, { prefix: ${stringLiteral(ctx.names.basePath, style)} });`;
  app.container.insertStatements(index, formatFragment(ctx.project, text, style));
  return { app, file: finishFile(ctx, open, true, false) };
}
