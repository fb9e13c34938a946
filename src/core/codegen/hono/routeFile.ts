import { Node, VariableDeclarationKind, type SourceFile } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport, relativeModule } from '../shared/imports';
import { repositoryNames } from '../shared/repositoryFile';
import { addRoutes, ensureModuleRepository, importRepository, importSchemas, importValidationError, pendingOperations, schemaConstants } from '../shared/routeModule';
import type { RouteContainer } from '../shared/routeStatements';
import { finishFile, openFile } from '../shared/sourceFiles';
import type { GeneratedFile } from '../types';
import { honoResponses, writeRoute } from './routeHandler';
import type { ValidatorHook } from './validatorHook';

/** The names the route file exports for a resource. */
export function routeNames(ctx: GenerationContext): { readonly factory: string; readonly route: string } {
  return { factory: `create${ctx.names.PluralPascal}Route`, route: `${ctx.names.plural}Route` };
}

/** The factory's body (generated files) or the module (a hand-written `productsRoute`). */
function findContainer(file: SourceFile, ctx: GenerationContext): RouteContainer | undefined {
  const { factory, route } = routeNames(ctx);
  const fn = file.getFunction(factory);
  if (fn) {
    return {
      node: fn,
      receiver: 'route',
      insertIndex: () => {
        const statements = fn.getStatements();
        const last = statements.at(-1);
        return last && Node.isReturnStatement(last) ? statements.length - 1 : statements.length;
      },
    };
  }
  if (file.getVariableDeclaration(route)) {
    return { node: file, receiver: route, insertIndex: () => file.getStatements().length };
  }
  return undefined;
}

function addFactory(file: SourceFile, ctx: GenerationContext): RouteContainer {
  const { factory, route } = routeNames(ctx);
  const crud = ctx.input.spec.crud !== undefined;
  const { interfaceName, className } = repositoryNames(ctx);
  file.addFunction({
    name: factory,
    isExported: true,
    docs: [`The ${ctx.names.plural} routes, a Hono sub-app mounted at ${ctx.names.basePath}.${crud ? ' Pass another repository to use a real store.' : ''}`],
    parameters: crud ? [{ name: 'repository', type: interfaceName, initializer: `new ${className}()` }] : [],
    returnType: 'Hono',
    statements: ['const route = new Hono();', 'return route;'],
  });
  file.addVariableStatement({ isExported: true, declarationKind: VariableDeclarationKind.Const, declarations: [{ name: route, initializer: `${factory}()` }] });
  return findContainer(file, ctx)!;
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
  let container = findContainer(file, ctx);
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
  const needsRepository = ops.some((op) => op.kind !== 'custom');
  if (ctx.input.spec.crud && (isFactory || needsRepository)) {
    changed = importRepository(ctx, file, true) || changed;
    if (!isFactory) {
      ensureModuleRepository(ctx, file);
    }
  }
  container ??= addFactory(file, ctx);
  changed = addRoutes(ctx, container, ops, honoResponses(ctx), { spaced: true, write: (op, receiver, body, w) => writeRoute(ctx, op, receiver, hook, body, w) }) || changed;
  return finishFile(ctx, open, changed, true);
}
