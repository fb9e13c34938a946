import { Node, type SourceFile } from 'ts-morph';
import { RoutecraftError } from '../../errors';
import type { GenerationContext } from '../shared/generationContext';

/** Where the project's Express app is created and how it is exported. */
export interface ExpressApp {
  /** The app file, relative to the project root. */
  readonly path: string;
  /** The variable holding the app inside that file. */
  readonly localName: string;
  /** The exported name, or `default`. */
  readonly exportName: string;
}

/** The app file's path: the layout's `appFile`, else `<sourceDir>/app.ts`. */
export function appFilePath(ctx: GenerationContext): string {
  return ctx.input.options.layout.appFile ?? `${ctx.input.options.layout.sourceDir}/app.ts`;
}

/** The variable initialised with `express()` and how it is exported; undefined when there is none. */
export function findExpressApp(path: string, file: SourceFile): ExpressApp | undefined {
  for (const decl of file.getVariableDeclarations()) {
    const init = decl.getInitializer();
    if (!init || !Node.isCallExpression(init) || init.getExpression().getText() !== 'express') {
      continue;
    }
    const localName = decl.getName();
    if (decl.getVariableStatement()?.isExported() === true) {
      return { path, localName, exportName: localName };
    }
    const defaultExport = file.getExportAssignments().find((a) => !a.isExportEquals() && a.getExpression().getText() === localName);
    if (defaultExport) {
      return { path, localName, exportName: 'default' };
    }
    const named = file.getExportDeclarations().flatMap((d) => d.getNamedExports()).find((s) => s.getName() === localName);
    if (named) {
      return { path, localName, exportName: named.getAliasNode()?.getText() ?? localName };
    }
  }
  return undefined;
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
