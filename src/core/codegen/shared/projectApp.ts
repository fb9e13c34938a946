import type { Expression, SourceFile } from 'ts-morph';
import type { GenerationContext } from './generationContext';

/** Where a project's app is created and how it is exported (Express's `express()`, Hono's `new Hono()`). */
export interface ProjectApp {
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

/** The name a declaration is exported under (`default` for `export default x`), or undefined. */
export function exportNameOf(file: SourceFile, localName: string, exported: boolean): string | undefined {
  if (exported) {
    return localName;
  }
  if (file.getExportAssignments().some((a) => !a.isExportEquals() && a.getExpression().getText() === localName)) {
    return 'default';
  }
  const named = file.getExportDeclarations().flatMap((d) => d.getNamedExports()).find((s) => s.getName() === localName);
  return named ? (named.getAliasNode()?.getText() ?? localName) : undefined;
}

/**
 * The first variable of `file` that `createsApp` says is initialised with a new app and that the
 * file exports (`export const`, `export default`, `export { app as … }`); undefined when there is none.
 */
export function findExportedApp(path: string, file: SourceFile, createsApp: (init: Expression) => boolean): ProjectApp | undefined {
  for (const decl of file.getVariableDeclarations()) {
    const init = decl.getInitializer();
    if (!init || !createsApp(init)) {
      continue;
    }
    const localName = decl.getName();
    const exportName = exportNameOf(file, localName, decl.getVariableStatement()?.isExported() === true);
    if (exportName !== undefined) {
      return { path, localName, exportName };
    }
  }
  return undefined;
}
