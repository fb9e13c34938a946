import { posix } from 'node:path';
import { Node, type Expression, type PropertyAccessExpression, type SourceFile } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import type { HonoAppModel, RegisteredRouter } from './honoAppModel';
import { resolveProjectModule, scanFile } from '../shared/projectModules';

/** A name some module exports, and how the neighbour imports it (`@/lib/types`, `hono`). */
export interface ImportedName {
  readonly name: string;
  /** A project file (relative to the root), else undefined for a package. */
  readonly path?: string;
  /** The neighbour's specifier: a package name, or the alias style to copy. */
  readonly specifier: string;
  readonly isDefault: boolean;
}

/**
 * A feature folder copied from the nearest existing one (`src/routes/tasks/tasks.index.ts`,
 * `tasks.routes.ts`, `tasks.handlers.ts`, `tasks.test.ts`): the new resource's files, named alike.
 */
export interface FeatureLayout {
  readonly neighbour: RegisteredRouter;
  readonly folder: string;
  readonly index: string;
  readonly routes: string;
  readonly handlers: string;
  readonly schemas: string;
  readonly repository: string;
  /** Beside the neighbour's test when it has one. */
  readonly test?: string;
  /** `import * as routes from './tasks.routes'` → `routes`; undefined for named imports. */
  readonly routesNamespace?: string;
  readonly handlersNamespace?: string;
  /** What the neighbour calls to create its router (`createRouter`), or the class it news. */
  readonly routerFactory: ImportedName;
  readonly routerIsClass: boolean;
  /** `createRouter().openapi(a, b).openapi(c, d)` rather than one statement per route. */
  readonly chained: boolean;
  readonly routerVariable: string;
  readonly exportDefault: boolean;
  /** The neighbour handlers' type (`AppRouteHandler<ListRoute>`), when annotated. */
  readonly handlerType?: ImportedName;
}

function rootOf(expr: Expression): Expression {
  let current = expr;
  for (;;) {
    if (Node.isCallExpression(current) && Node.isPropertyAccessExpression(current.getExpression())) {
      current = (current.getExpression() as PropertyAccessExpression).getExpression();
    } else {
      return current;
    }
  }
}

function importedName(ctx: GenerationContext, path: string, file: SourceFile, local: string): ImportedName | undefined {
  for (const decl of file.getImportDeclarations()) {
    const specifier = decl.getModuleSpecifierValue();
    const isDefault = decl.getDefaultImport()?.getText() === local;
    const named = decl.getNamedImports().find((n) => (n.getAliasNode()?.getText() ?? n.getName()) === local);
    if (isDefault || named) {
      const target = resolveProjectModule(ctx, path, specifier);
      return { name: isDefault ? local : named!.getName(), specifier, isDefault, ...(target ? { path: target } : {}) };
    }
  }
  return undefined;
}

/** The feature a router belongs to, when its file sits in a folder of its own name (`tasks/tasks.index.ts`). */
function featureOf(router: RegisteredRouter): { folder: string; feature: string } | undefined {
  const folder = posix.dirname(router.path);
  const feature = posix.basename(folder);
  return posix.basename(router.path).startsWith(`${feature}.`) ? { folder, feature } : undefined;
}

/**
 * Learns the feature-folder layout from the last mounted router that lives in a folder of its own
 * and splits route definitions (`createRoute`) from handlers. Undefined when no neighbour does.
 */
export function learnFeatureLayout(ctx: GenerationContext, model: HonoAppModel): FeatureLayout | undefined {
  for (const neighbour of [...model.routers].reverse()) {
    const feature = featureOf(neighbour);
    const index = feature ? scanFile(ctx, neighbour.path) : undefined;
    if (!feature || !index) {
      continue;
    }
    let routes: { path: string; ns?: string } | undefined;
    let handlers: { path: string; ns?: string } | undefined;
    for (const decl of index.file.getImportDeclarations()) {
      const target = resolveProjectModule(ctx, neighbour.path, decl.getModuleSpecifierValue());
      if (!target || posix.dirname(target) !== feature.folder) {
        continue;
      }
      const ns = decl.getNamespaceImport()?.getText();
      const entry = { path: target, ...(ns ? { ns } : {}) };
      if (/\bcreateRoute\s*\(/.test(ctx.input.files.read(target) ?? '')) {
        routes = entry;
      } else {
        handlers = entry;
      }
    }
    const variable = index.file.getVariableDeclarations().find((d) => {
      const init = d.getInitializer();
      return init !== undefined && /\.openapi\s*\(|new\s+OpenAPIHono|\w+\(\)/.test(init.getText());
    });
    const init = variable?.getInitializer();
    const root = init ? rootOf(init) : undefined;
    const factoryName = root && Node.isCallExpression(root) ? root.getExpression().getText() : root && Node.isNewExpression(root) ? root.getExpression().getText() : undefined;
    const routerFactory = factoryName ? importedName(ctx, neighbour.path, index.file, factoryName) : undefined;
    if (!routes || !handlers || !variable || !routerFactory) {
      continue;
    }
    const handlersFile = scanFile(ctx, handlers.path);
    const annotated = handlersFile?.file.getVariableStatements().filter((s) => s.isExported()).flatMap((s) => s.getDeclarations()).find((d) => d.getTypeNode() !== undefined);
    const typeName = annotated?.getTypeNode()?.getText().replace(/<.*$/s, '');
    const handlerType = handlersFile && typeName ? importedName(ctx, handlers.path, handlersFile.file, typeName) : undefined;
    const name = ctx.names.kebabPlural;
    const rename = (p: string): string => posix.join(posix.dirname(feature.folder), name, `${name}${posix.basename(p).slice(feature.feature.length)}`);
    const tests = ['.test.ts', '.spec.ts'].map((suffix) => posix.join(feature.folder, `${feature.feature}${suffix}`)).find((p) => ctx.input.files.exists(p));
    const exportDefault = index.file.getExportAssignments().some((a) => a.getExpression().getText() === variable.getName());
    return {
      neighbour,
      folder: posix.join(posix.dirname(feature.folder), name),
      index: rename(neighbour.path),
      routes: rename(routes.path),
      handlers: rename(handlers.path),
      schemas: posix.join(posix.dirname(feature.folder), name, `${name}.schemas.ts`),
      repository: posix.join(posix.dirname(feature.folder), name, `${name}.repository.ts`),
      ...(tests ? { test: rename(tests) } : {}),
      ...(routes.ns ? { routesNamespace: routes.ns } : {}),
      ...(handlers.ns ? { handlersNamespace: handlers.ns } : {}),
      routerFactory,
      routerIsClass: root !== undefined && Node.isNewExpression(root),
      chained: init !== undefined && /\)\s*\.openapi\s*\(/.test(init.getText()),
      routerVariable: variable.getName(),
      exportDefault,
      ...(handlerType ? { handlerType } : {}),
    };
  }
  return undefined;
}

