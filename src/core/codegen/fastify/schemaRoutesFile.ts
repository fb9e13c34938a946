import { VariableDeclarationKind, type SourceFile } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import type { Operation } from '../shared/operations';
import { repositoryNames } from '../shared/repositoryFile';
import { importSchemas, schemaConstants } from '../shared/routeModule';
import type { RouteContainer } from '../shared/routeStatements';
import type { GeneratedFile } from '../types';
import { addPluginOptions, findPluginContainer, pluginName, pluginOptionsName } from './pluginParts';
import { buildPluginRoutesFile } from './pluginRoutesFile';
import { writeSchemaRoute, type SchemaRouteOptions } from './schemaRoute';

/** The plugin type a dialect's routes file is typed with, and how its routes are written. */
export interface SchemaPlugin {
  /** `FastifyPluginAsyncTypebox`, `FastifyPluginAsyncZod`, `FastifyPluginAsync`. */
  readonly typeName: string;
  /** Where the type comes from: `@fastify/type-provider-typebox`, `fastify-type-provider-zod`, `fastify`. */
  readonly module: string;
  /** Written in the plugin's doc comment: `TypeBox schemas, checked by Fastify`. */
  readonly describe: string;
  readonly route: SchemaRouteOptions;
  /** Types the routes name besides the schema constants (route generics), imported type-only from the schema file. */
  readonly typeImports?: (op: Operation) => readonly string[];
}

/** TypeBox with `@fastify/type-provider-typebox`. */
export const TYPEBOX_PLUGIN: SchemaPlugin = {
  typeName: 'FastifyPluginAsyncTypebox', module: '@fastify/type-provider-typebox', describe: 'TypeBox schemas, checked by Fastify', route: {},
};

function addPlugin(file: SourceFile, ctx: GenerationContext, exportDefault: boolean, plugin: SchemaPlugin): RouteContainer {
  const crud = ctx.input.spec.crud !== undefined;
  if (crud) {
    addPluginOptions(file, ctx);
  }
  const where = exportDefault ? `loaded by @fastify/autoload from its folder (prefix ${ctx.names.basePath})` : `registered with the prefix ${ctx.names.basePath}`;
  file.addVariableStatement({
    isExported: !exportDefault,
    declarationKind: VariableDeclarationKind.Const,
    docs: [`The ${ctx.names.plural} routes, a Fastify plugin ${where}; ${plugin.describe}.${crud ? ' Pass `repository` to use a real store.' : ''}`],
    declarations: [{
      name: pluginName(ctx),
      type: crud ? `${plugin.typeName}<${pluginOptionsName(ctx)}>` : plugin.typeName,
      initializer: crud ? `async (fastify, options) => {\nconst repository = options.repository ?? new ${repositoryNames(ctx).className}();\n}` : 'async (fastify) => {\n}',
    }],
  });
  if (exportDefault) {
    file.addExportAssignment({ isExportEquals: false, expression: pluginName(ctx) });
  }
  return findPluginContainer(file, ctx)!;
}

/**
 * The resource's plugin with route schemas in the project's dialect (TypeBox, zod through
 * fastify-type-provider-zod, plain JSON Schema): `routes/products/index.ts` exporting it as default
 * when autoload loads the folder, else `routes/products.ts` exporting `productsRoutes`. Routes that
 * exist (same method and path) are left alone, so a re-run changes nothing.
 */
export function buildSchemaRoutesFile(ctx: GenerationContext, exportDefault: boolean, plugin: SchemaPlugin = TYPEBOX_PLUGIN): GeneratedFile | undefined {
  return buildPluginRoutesFile(ctx, {
    pluginType: { module: plugin.module, name: plugin.typeName },
    importSchemas: (file, ops) => {
      const schemaNames = schemaConstants(ops);
      const typeNames = [...new Set(ops.flatMap((op) => plugin.typeImports?.(op) ?? []))];
      return schemaNames.length + typeNames.length > 0 && importSchemas(ctx, file, schemaNames, typeNames);
    },
    addPlugin: (file) => addPlugin(file, ctx, exportDefault, plugin),
    write: (op, receiver, body, w) => writeSchemaRoute(ctx, op, receiver, body, w, plugin.route),
  });
}
