import { Node, type SourceFile, type Statement } from 'ts-morph';
import { formatFragment } from '../shared/codeStyle';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport, matchImportSemicolons, relativeModule } from '../shared/imports';
import { stringLiteral } from '../shared/literal';
import { finishFile, openFile } from '../shared/sourceFiles';
import type { GeneratedFile } from '../types';
import { appFilePath, findExpressAppOrThrow, type ExpressApp } from './expressApp';
import { routerNames } from './routerFile';

/** `app.use(...)` calls among the file's top-level statements. */
function useCalls(file: SourceFile, appName: string): { statement: Statement; args: string[] }[] {
  const calls: { statement: Statement; args: string[] }[] = [];
  for (const statement of file.getStatements()) {
    const call = Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
    if (call && Node.isCallExpression(call) && call.getExpression().getText() === `${appName}.use`) {
      calls.push({ statement, args: call.getArguments().map((a) => a.getText()) });
    }
  }
  return calls;
}

/**
 * Registers the resource's router in the app file once (`app.use('/products', productsRouter)`),
 * next to the existing path registrations; the rest of the user's file is not reformatted.
 */
export function buildAppRegistration(ctx: GenerationContext): { readonly app: ExpressApp; readonly file: GeneratedFile | undefined } {
  const open = openFile(ctx, appFilePath(ctx));
  const { file } = open;
  const app = findExpressAppOrThrow(ctx, file);
  const { router } = routerNames(ctx);
  const calls = useCalls(file, app.localName);
  if (calls.some((c) => c.args.includes(router))) {
    return { app, file: undefined };
  }
  const style = ctx.input.options.style;
  ensureImport(file, { moduleSpecifier: relativeModule(open.path, ctx.paths.router, ctx.input.options.importExtension), named: [{ name: router }] });
  matchImportSemicolons(file, style.semicolons);
  const afterUse = [...calls].reverse().find((c) => /^['"`]/.test(c.args[0] ?? '')) ?? calls[calls.length - 1];
  const anchor = afterUse?.statement ?? file.getVariableDeclarationOrThrow(app.localName).getVariableStatementOrThrow();
  const text = formatFragment(ctx.project, `${app.localName}.use(${stringLiteral(ctx.names.basePath, style)}, ${router});`, style);
  file.insertStatements(anchor.getChildIndex() + 1, text);
  return { app, file: finishFile(ctx, open, true, false) };
}
