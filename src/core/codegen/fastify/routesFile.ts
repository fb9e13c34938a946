import type { SourceFile } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport } from '../shared/imports';
import { repositoryNames } from '../shared/repositoryFile';
import { addRoutes, importRepository, importSchemas, importValidationError, pendingOperations, schemaConstants } from '../shared/routeModule';
import type { RouteContainer } from '../shared/routeStatements';
import { finishFile, openFile } from '../shared/sourceFiles';
import type { GeneratedFile } from '../types';
import { addPluginOptions, ensurePluginRepository, findPluginContainer, pluginName, pluginOptionsName } from './pluginParts';
import { fastifyResponses, writeRoute } from './routeHandler';

function addPlugin(file: SourceFile, ctx: GenerationContext): RouteContainer {
  const crud = ctx.input.spec.crud !== undefined;
  if (crud) {
    addPluginOptions(file, ctx);
  }
  file.addFunction({
    name: pluginName(ctx),
    isExported: true,
    isAsync: true,
    docs: [`The ${ctx.names.plural} routes, a Fastify plugin registered with the prefix ${ctx.names.basePath}.${crud ? ' Pass `repository` to use a real store.' : ''}`],
    parameters: [{ name: 'app', type: 'FastifyInstance' }, ...(crud ? [{ name: 'options', type: pluginOptionsName(ctx) }] : [])],
    returnType: 'Promise<void>',
    statements: crud ? [`const repository = options.repository ?? new ${repositoryNames(ctx).className}();`] : [],
  });
  return findPluginContainer(file, ctx)!;
}

/**
 * The resource's plugin (`src/routes/products.ts`): `productsRoutes(app, options)` registering one
 * route per operation. Routes that exist (same method and path) are left alone, so re-running a spec
 * changes nothing and a second endpoint adds only its route. A hand-written plugin of that name
 * (function or `const` arrow) gets the new routes appended to its body.
 */
export function buildRoutesFile(ctx: GenerationContext): GeneratedFile | undefined {
  const open = openFile(ctx, ctx.paths.router);
  const { file } = open;
  let container = findPluginContainer(file, ctx);
  const ops = pendingOperations(ctx, container);
  if (ops.length === 0) {
    return undefined;
  }
  const isNew = container === undefined;
  let changed = isNew && ensureImport(file, { moduleSpecifier: 'fastify', named: [{ name: 'FastifyInstance', typeOnly: true }] });
  const schemaNames = schemaConstants(ops);
  if (schemaNames.length > 0) {
    changed = importSchemas(ctx, file, schemaNames) || changed;
    changed = importValidationError(ctx, file) || changed;
  }
  const needsRepository = ops.some((op) => op.kind !== 'custom');
  if (ctx.input.spec.crud && (isNew || needsRepository)) {
    changed = importRepository(ctx, file, isNew) || changed;
  }
  container ??= addPlugin(file, ctx);
  if (ctx.input.spec.crud && needsRepository && !isNew) {
    ensurePluginRepository(ctx, container);
  }
  changed = addRoutes(ctx, container, ops, fastifyResponses(ctx), { spaced: true, write: (op, receiver, body, w) => writeRoute(ctx, op, receiver, body, w) }) || changed;
  return finishFile(ctx, open, changed, true);
}

/**
 * The routes file with `export default <plugin>` added (autoload registers a folder's default
 * export). Takes the file buildRoutesFile produced, or the file on disk when it produced none.
 */
export function ensureDefaultExport(ctx: GenerationContext, routes: GeneratedFile | undefined): GeneratedFile | undefined {
  const before = ctx.input.files.read(ctx.paths.router);
  const file = ctx.project.createSourceFile(`/${ctx.paths.router}`, routes?.after ?? before ?? '', { overwrite: true });
  if (file.getExportAssignments().some((a) => !a.isExportEquals())) {
    return routes;
  }
  file.addExportAssignment({ isExportEquals: false, expression: pluginName(ctx) });
  return { path: ctx.paths.router, before, after: file.getFullText() };
}
