import { Node, type SourceFile } from 'ts-morph';
import { RoutecraftError } from '../../errors';
import type { GenerationContext } from '../shared/generationContext';

/** Where the project's Hono app is created and how it is exported. */
export interface HonoApp {
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

/** The local names under which the file imports `Hono` (or `OpenAPIHono`) as a value. */
function honoClasses(file: SourceFile): Set<string> {
  const names = new Set<string>();
  for (const decl of file.getImportDeclarations().filter((d) => !d.isTypeOnly() && /^(hono|@hono\/zod-openapi)$/.test(d.getModuleSpecifierValue()))) {
    decl.getNamedImports().filter((n) => !n.isTypeOnly() && /^(Hono|OpenAPIHono)$/.test(n.getName())).forEach((n) => names.add(n.getAliasNode()?.getText() ?? n.getName()));
  }
  return names;
}

/** The exported variable initialised with `new Hono()`; undefined when there is none. */
export function findHonoApp(path: string, file: SourceFile): HonoApp | undefined {
  const classes = honoClasses(file);
  for (const decl of file.getVariableDeclarations()) {
    const init = decl.getInitializer();
    if (!init || !Node.isNewExpression(init) || !classes.has(init.getExpression().getText())) {
      continue;
    }
    const localName = decl.getName();
    if (decl.getVariableStatement()?.isExported() === true) {
      return { path, localName, exportName: localName };
    }
    if (file.getExportAssignments().some((a) => !a.isExportEquals() && a.getExpression().getText() === localName)) {
      return { path, localName, exportName: 'default' };
    }
    const named = file.getExportDeclarations().flatMap((d) => d.getNamedExports()).find((s) => s.getName() === localName);
    if (named) {
      return { path, localName, exportName: named.getAliasNode()?.getText() ?? localName };
    }
  }
  return undefined;
}

/** Like {@link findHonoApp}, but throws a RoutecraftError that says what to do. */
export function findHonoAppOrThrow(ctx: GenerationContext, file: SourceFile): HonoApp {
  const path = appFilePath(ctx);
  const app = findHonoApp(path, file);
  if (!app) {
    throw new RoutecraftError('invalid-input', `Could not find an exported Hono app (\`const app = new Hono()\` with \`export default app\`) in ${path}: choose the app file (CLI: --app-file) or export the app so routes can be registered and tested.`);
  }
  return app;
}
