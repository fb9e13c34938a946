import { Node, type Block } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport } from '../shared/imports';
import { addRouteFactory, findFactoryContainer, importFactoryRepository, type RouteFactoryNames } from '../shared/routeFactory';
import { addRoutes, importSchemas, importValidationError, pendingOperations, schemaConstants } from '../shared/routeModule';
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

/** The factory, its instance and receiver as the shared route-factory code names them. */
function factoryNames(names: RouterNames): RouteFactoryNames {
  return { factory: names.factory, instance: names.router, receiver: 'router' };
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
  let container = findFactoryContainer(file, factoryNames(names));
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
  changed = importFactoryRepository(ctx, file, ops, factoryFile) || changed;
  container ??= addRouteFactory(file, ctx, factoryNames(names), {
    summary: `The ${ctx.names.plural} routes, mounted at ${ctx.names.basePath}.`,
    returnType: 'Router',
    statements: [`const router = Router(${names.mergeParams ? '{ mergeParams: true }' : ''});`, 'router.use(express.json());', 'return router;'],
  });
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
