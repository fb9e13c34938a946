import type { SourceFile } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { repositoryNames } from '../shared/repositoryFile';
import { importSchemas, importValidationError, schemaConstants } from '../shared/routeModule';
import type { RouteContainer } from '../shared/routeStatements';
import type { GeneratedFile } from '../types';
import { addPluginOptions, findPluginContainer, pluginName, pluginOptionsName } from './pluginParts';
import { buildPluginRoutesFile } from './pluginRoutesFile';
import { writeRoute } from './routeHandler';

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
  return buildPluginRoutesFile(ctx, {
    pluginType: { module: 'fastify', name: 'FastifyInstance' },
    importSchemas: (file, ops) => {
      const schemaNames = schemaConstants(ops);
      if (schemaNames.length === 0) {
        return false;
      }
      const imported = importSchemas(ctx, file, schemaNames);
      return importValidationError(ctx, file) || imported;
    },
    addPlugin: (file) => addPlugin(file, ctx),
    write: (op, receiver, body, w) => writeRoute(ctx, op, receiver, body, w),
  });
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
