import { Node, VariableDeclarationKind, type Block, type SourceFile } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport } from '../shared/imports';
import { repositoryNames } from '../shared/repositoryFile';
import { addRoutes, ensureModuleRepository, importRepository, importSchemas, importValidationError, pendingOperations, schemaConstants } from '../shared/routeModule';
import type { RouteContainer } from '../shared/routeStatements';
import { finishFile, openFile } from '../shared/sourceFiles';
import type { GeneratedFile } from '../types';
import { EXPRESS_RESPONSES, writeRoute } from './routeHandler';

/** The names the router file exports for a resource; `router` follows the neighbour (`gadgetRouter` beside `userRouter`). */
export interface RouterNames {
  readonly factory: string;
  readonly router: string;
  /** The router is mounted at a path with parameters (`/warehouses/:warehouseId`): it must see them. */
  readonly mergeParams: boolean;
  /** The neighbours export their router as the default export (`export default router`): so does ours. */
  readonly defaultExport?: boolean;
}

/** The default names (`createGadgetsRouter`, `gadgetsRouter`). */
export function routerNames(ctx: GenerationContext): RouterNames {
  return { factory: `create${ctx.names.PluralPascal}Router`, router: `${ctx.names.plural}Router`, mergeParams: false };
}

function findContainer(file: SourceFile, names: RouterNames): RouteContainer | undefined {
  const { factory, router } = names;
  const fn = file.getFunction(factory);
  if (fn) {
    return {
      node: fn,
      receiver: 'router',
      insertIndex: () => {
        const statements = fn.getStatements();
        const last = statements.at(-1);
        return last && Node.isReturnStatement(last) ? statements.length - 1 : statements.length;
      },
    };
  }
  if (file.getVariableDeclaration(router)) {
    return { node: file, receiver: router, insertIndex: () => file.getStatements().length };
  }
  return undefined;
}

function addFactory(file: SourceFile, ctx: GenerationContext, names: RouterNames): RouteContainer {
  const { factory, router } = names;
  const crud = ctx.input.spec.crud !== undefined;
  const { interfaceName, className } = repositoryNames(ctx);
  file.addFunction({
    name: factory,
    isExported: true,
    docs: [`The ${ctx.names.plural} routes, mounted at ${ctx.names.basePath}.${crud ? ' Pass another repository to use a real store.' : ''}`],
    parameters: crud ? [{ name: 'repository', type: interfaceName, initializer: `new ${className}()` }] : [],
    returnType: 'Router',
    statements: [`const router = Router(${names.mergeParams ? '{ mergeParams: true }' : ''});`, 'router.use(express.json());', 'return router;'],
  });
  file.addVariableStatement({ isExported: true, declarationKind: VariableDeclarationKind.Const, declarations: [{ name: router, initializer: `${factory}()` }] });
  return findContainer(file, names)!;
}

/** Express 4 does not catch rejected promises: a custom body goes into the handler's `try`. */
function tryBlock(body: Block): Block {
  const statement = body.getStatements().find((s) => Node.isTryStatement(s));
  return statement && Node.isTryStatement(statement) ? statement.getTryBlock() : body;
}

/**
 * The resource's router (`src/routes/products.ts`): a `createProductsRouter(repository)` factory and
 * the `productsRouter` built from it. Routes that exist (same method and path) are left alone, so
 * re-running a spec changes nothing and a second endpoint adds only its route. A hand-written router
 * exporting `productsRouter` gets the new routes appended at module level.
 */
export function buildRouterFile(ctx: GenerationContext, names: RouterNames = routerNames(ctx)): GeneratedFile | undefined {
  const open = openFile(ctx, ctx.paths.router);
  const { file } = open;
  let container = findContainer(file, names);
  const ops = pendingOperations(ctx, container);
  if (ops.length === 0) {
    return undefined;
  }
  const factoryFile = container === undefined || container.node !== file;
  let changed = ensureImport(file, { moduleSpecifier: 'express', ...(factoryFile ? { defaultName: 'express' } : {}), named: [{ name: 'Router' }] });
  const schemaNames = schemaConstants(ops);
  if (schemaNames.length > 0) {
    changed = importSchemas(ctx, file, schemaNames) || changed;
    changed = importValidationError(ctx, file) || changed;
  }
  const needsRepository = ops.some((op) => op.kind !== 'custom');
  if (ctx.input.spec.crud && (factoryFile || needsRepository)) {
    changed = importRepository(ctx, file, true) || changed;
    if (!factoryFile) {
      ensureModuleRepository(ctx, file);
    }
  }
  container ??= addFactory(file, ctx, names);
  if (names.defaultExport === true && file.getExportAssignments().length === 0) {
    file.addExportAssignment({ isExportEquals: false, expression: names.router });
    changed = true;
  }
  const express4 = ctx.input.options.frameworkMajor < 5;
  changed = addRoutes(ctx, container, ops, EXPRESS_RESPONSES, {
    spaced: false,
    write: (op, receiver, body, w) => writeRoute(ctx, op, receiver, body, w),
    ...(express4 ? { bodyBlock: tryBlock } : {}),
  }) || changed;
  return finishFile(ctx, open, changed, true);
}
