import type { GenerationContext } from '../shared/generationContext';
import { ensureImport, relativeModule } from '../shared/imports';
import { addRouteFactory, findFactoryContainer, importFactoryRepository, type RouteFactoryNames } from '../shared/routeFactory';
import { addRoutes, importSchemas, importValidationError, pendingOperations, schemaConstants } from '../shared/routeModule';
import { finishFile, openFile } from '../shared/sourceFiles';
import type { GeneratedFile } from '../types';
import { honoResponses, writeRoute } from './routeHandler';
import type { ValidatorHook } from './validatorHook';

/** The names the route file exports for a resource. */
export function routeNames(ctx: GenerationContext): { readonly factory: string; readonly route: string } {
  return { factory: `create${ctx.names.PluralPascal}Route`, route: `${ctx.names.plural}Route` };
}

/** The factory, its instance and receiver as the shared route-factory code names them. */
function factoryNames(ctx: GenerationContext): RouteFactoryNames {
  const { factory, route } = routeNames(ctx);
  return { factory, instance: route, receiver: 'route' };
}

/**
 * The resource's sub-app (`src/routes/products.ts`): a `createProductsRoute(repository)` factory and
 * the `productsRoute` built from it. Routes that exist (same method and path) are left alone, so
 * re-running a spec changes nothing and a second endpoint adds only its route. A hand-written
 * `productsRoute` gets the new routes appended at module level.
 */
export function buildRouteFile(ctx: GenerationContext, hook: ValidatorHook | undefined): GeneratedFile | undefined {
  const open = openFile(ctx, ctx.paths.router);
  const { file } = open;
  let container = findFactoryContainer(file, factoryNames(ctx));
  const ops = pendingOperations(ctx, container);
  if (ops.length === 0) {
    return undefined;
  }
  const ext = ctx.input.options.importExtension;
  const isFactory = container === undefined || container.node !== file;
  let changed = ensureImport(file, { moduleSpecifier: 'hono', named: [{ name: 'Hono' }] });
  const schemaNames = schemaConstants(ops);
  if (schemaNames.length > 0) {
    if (hook) {
      changed = ensureImport(file, { moduleSpecifier: '@hono/zod-validator', named: [{ name: 'zValidator' }] }) || changed;
      changed = ensureImport(file, { moduleSpecifier: relativeModule(ctx.paths.router, hook.path, ext), named: [{ name: hook.name }] }) || changed;
    } else {
      changed = importValidationError(ctx, file) || changed;
    }
    changed = importSchemas(ctx, file, schemaNames) || changed;
  }
  changed = importFactoryRepository(ctx, file, ops, isFactory) || changed;
  container ??= addRouteFactory(file, ctx, factoryNames(ctx), {
    summary: `The ${ctx.names.plural} routes, a Hono sub-app mounted at ${ctx.names.basePath}.`,
    returnType: 'Hono',
    statements: ['const route = new Hono();', 'return route;'],
  });
  changed = addRoutes(ctx, container, ops, honoResponses(ctx), { spaced: true, write: (op, receiver, body, w) => writeRoute(ctx, op, receiver, hook, body, w) }) || changed;
  return finishFile(ctx, open, changed, true);
}
