import { Node, type CallExpression, type Statement } from 'ts-morph';
import { formatFragment } from '../shared/codeStyle';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport, matchImportSemicolons, relativeModule } from '../shared/imports';
import { stringLiteral } from '../shared/literal';
import { appFilePath } from '../shared/projectApp';
import { finishFile, openFile, type OpenFile } from '../shared/sourceFiles';
import type { GeneratedFile } from '../types';
import { findHonoAppOrThrow, type HonoApp } from './honoApp';
import { routeNames } from './routeFile';

/** Top-level `app.<method>(...)` calls of the app file. */
function appCalls(open: OpenFile, app: HonoApp): { statement: Statement; call: CallExpression; method: string }[] {
  const calls: { statement: Statement; call: CallExpression; method: string }[] = [];
  for (const statement of open.file.getStatements()) {
    const call = Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
    const callee = call && Node.isCallExpression(call) ? call.getExpression() : undefined;
    if (call && Node.isCallExpression(call) && callee && Node.isPropertyAccessExpression(callee) && callee.getExpression().getText() === app.localName) {
      calls.push({ statement, call, method: callee.getName() });
    }
  }
  return calls;
}

/**
 * Mounts the resource's sub-app in the app file once (`app.route('/products', productsRoute)`),
 * after the existing `app.route` calls (else after the last app call); the rest of the user's file
 * is not reformatted. `known` is the app as `readHonoAppModel` read it (also when a factory
 * such as `createApp()` builds it); without it the file must hold `const app = new Hono()`.
 */
export function buildAppRegistration(ctx: GenerationContext, known?: HonoApp): { readonly app: HonoApp; readonly file: GeneratedFile | undefined } {
  const open = openFile(ctx, appFilePath(ctx));
  const { file } = open;
  const app = known ?? findHonoAppOrThrow(ctx, file);
  const { route } = routeNames(ctx);
  if (appCalls(open, app).some((c) => c.method === 'route' && c.call.getArguments()[1]?.getText() === route)) {
    return { app, file: undefined };
  }
  const style = ctx.input.options.style;
  ensureImport(file, { moduleSpecifier: relativeModule(open.path, ctx.paths.router, ctx.input.options.importExtension), named: [{ name: route }] });
  matchImportSemicolons(file, style.semicolons);
  const calls = appCalls(open, app);
  const anchor = calls.filter((c) => c.method === 'route').at(-1)?.statement ?? calls.at(-1)?.statement ?? file.getVariableDeclarationOrThrow(app.localName).getVariableStatementOrThrow();
  const text = formatFragment(ctx.project, `${app.localName}.route(${stringLiteral(ctx.names.basePath, style)}, ${route});`, style);
  file.insertStatements(anchor.getChildIndex() + 1, text);
  return { app, file: finishFile(ctx, open, true, false) };
}
