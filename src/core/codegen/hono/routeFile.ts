import { Node, VariableDeclarationKind, type SourceFile } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport, relativeModule } from '../shared/imports';
import { repositoryNames } from '../shared/repositoryFile';
import { customBody, hasRoute, insertRoute, type RouteContainer } from '../shared/routeStatements';
import { finishFile, openFile } from '../shared/sourceFiles';
import { VALIDATION_ERROR_FUNCTION } from '../shared/validationErrorFile';
import type { GeneratedFile } from '../types';
import { notImplementedBody, writeRoute } from './routeHandler';
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
  const ops = ctx.operations.filter((op) => container === undefined || !hasRoute(container, op));
  if (ops.length === 0) {
    return undefined;
  }
  const ext = ctx.input.options.importExtension;
  const isFactory = container === undefined || container.node !== file;
  let changed = ensureImport(file, { moduleSpecifier: 'hono', named: [{ name: 'Hono' }] });
  const schemaNames = [...new Set(ops.flatMap((op) => [op.params?.name, op.query?.name, op.body?.name]).filter((n): n is string => n !== undefined))];
  if (schemaNames.length > 0) {
    if (hook) {
      changed = ensureImport(file, { moduleSpecifier: '@hono/zod-validator', named: [{ name: 'zValidator' }] }) || changed;
      changed = ensureImport(file, { moduleSpecifier: relativeModule(ctx.paths.router, hook.path, ext), named: [{ name: hook.name }] }) || changed;
    } else {
      changed = ensureImport(file, { moduleSpecifier: relativeModule(ctx.paths.router, ctx.paths.validationError, ext), named: [{ name: VALIDATION_ERROR_FUNCTION }] }) || changed;
    }
    changed = ensureImport(file, { moduleSpecifier: relativeModule(ctx.paths.router, ctx.paths.schemas, ext), named: schemaNames.map((name) => ({ name })) }) || changed;
  }
  const needsRepository = ops.some((op) => op.kind !== 'custom');
  if (ctx.input.spec.crud && (isFactory || needsRepository)) {
    const { interfaceName, className } = repositoryNames(ctx);
    changed = ensureImport(file, { moduleSpecifier: relativeModule(ctx.paths.router, ctx.paths.repository, ext), named: [{ name: className }, { name: interfaceName, typeOnly: true }] }) || changed;
    if (!isFactory && !file.getVariableDeclaration('repository')) {
      file.insertVariableStatement(file.getImportDeclarations().length, { declarationKind: VariableDeclarationKind.Const, declarations: [{ name: 'repository', type: interfaceName, initializer: `new ${className}()` }] });
    }
  }
  container ??= addFactory(file, ctx);
  for (const op of ops) {
    const body = customBody(ctx, op, (o) => notImplementedBody(ctx, o));
    const target = container;
    insertRoute(target, op, body, (w) => {
      w.conditionalNewLine(target.node.getStatements().length > 0);
      writeRoute(ctx, op, target.receiver, hook, body, w);
    });
    changed = true;
  }
  return finishFile(ctx, open, changed, true);
}
