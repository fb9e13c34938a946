import { Node, type SourceFile, type StatementedNode } from 'ts-morph';
import { RoutecraftError } from '../../errors';
import type { GenerationContext } from '../shared/generationContext';
import { appFilePath, findExportedApp, type ProjectApp } from '../shared/projectApp';

/** Where the project's Express app is created and how it is exported. */
export interface ExpressApp extends ProjectApp {
  /** The app is built by an exported function (`export function createApp()`): its name; tests call it. */
  readonly factory?: string;
}

/** The expression a test sends requests to: `app`, or `createApp()` for a factory. */
export function appExpression(app: ExpressApp): string {
  if (app.factory !== undefined) {
    return `${app.factory}()`;
  }
  return app.exportName === 'default' ? 'app' : app.exportName;
}

/** Where the app's `use` calls live: the file, or the body of the factory that builds the app. */
export function appStatements(file: SourceFile, app: ExpressApp): StatementedNode {
  const fn = app.factory === undefined ? undefined : file.getFunction(app.factory) ?? file.getFunctions().find((f) => f.isDefaultExport());
  return fn ?? file;
}

/** `export function createApp() { const app = express(); …; return app; }`. */
function findFactoryApp(path: string, file: SourceFile): ExpressApp | undefined {
  for (const fn of file.getFunctions().filter((f) => f.isExported() || f.isDefaultExport())) {
    const decl = fn.getVariableDeclarations().find((d) => {
      const init = d.getInitializer();
      return init !== undefined && Node.isCallExpression(init) && init.getExpression().getText() === 'express';
    });
    const returns = decl !== undefined && fn.getStatements().some((st) => Node.isReturnStatement(st) && st.getExpression()?.getText() === decl.getName());
    if (decl && returns) {
      const name = fn.getName() ?? 'createApp';
      return { path, localName: decl.getName(), exportName: fn.isDefaultExport() ? 'default' : name, factory: name };
    }
  }
  return undefined;
}

/** The variable initialised with `express()` and how it is exported, else an app factory; undefined when there is neither. */
export function findExpressApp(path: string, file: SourceFile): ExpressApp | undefined {
  return findExportedApp(path, file, (init) => Node.isCallExpression(init) && init.getExpression().getText() === 'express') ?? findFactoryApp(path, file);
}

/** Like {@link findExpressApp}, but reads the file and throws a RoutecraftError that says what to do. */
export function findExpressAppOrThrow(ctx: GenerationContext, file: SourceFile): ExpressApp {
  const path = appFilePath(ctx);
  const app = findExpressApp(path, file);
  if (!app) {
    throw new RoutecraftError('invalid-input', `Could not find an exported Express app (\`export const app = express()\`) in ${path}: choose the app file (CLI: --app-file) or export the app so routers can be registered and tested.`);
  }
  return app;
}
