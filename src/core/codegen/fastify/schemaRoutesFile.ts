import { Node, VariableDeclarationKind, type SourceFile } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport, relativeModule } from '../shared/imports';
import { repositoryNames } from '../shared/repositoryFile';
import { customBody, hasRoute, insertRoute, type RouteContainer } from '../shared/routeStatements';
import { finishFile, openFile } from '../shared/sourceFiles';
import type { GeneratedFile } from '../types';
import { notImplementedBody } from './routeHandler';
import { pluginName } from './routesFile';
import { writeSchemaRoute, type SchemaRouteOptions } from './schemaRoute';
import type { Operation } from '../shared/operations';

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

function optionsName(ctx: GenerationContext): string {
  return `${ctx.names.PluralPascal}RoutesOptions`;
}

/** The plugin's body: the `const productsRoutes = async (fastify, options) => { ... }` arrow. */
function findContainer(file: SourceFile, ctx: GenerationContext): RouteContainer | undefined {
  const fn = file.getVariableDeclaration(pluginName(ctx))?.getInitializer() ?? file.getFunction(pluginName(ctx));
  if (!fn || !(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn) || Node.isFunctionDeclaration(fn))) {
    return undefined;
  }
  const body = fn.getBody();
  const receiver = fn.getParameters()[0]?.getName();
  return body && Node.isBlock(body) && receiver ? { node: body, receiver, insertIndex: () => body.getStatements().length } : undefined;
}

function addPlugin(file: SourceFile, ctx: GenerationContext, exportDefault: boolean, plugin: SchemaPlugin): RouteContainer {
  const crud = ctx.input.spec.crud !== undefined;
  const { interfaceName, className } = repositoryNames(ctx);
  if (crud) {
    file.addInterface({
      name: optionsName(ctx),
      isExported: true,
      docs: [`Options of the ${ctx.names.plural} routes.`],
      properties: [{ name: 'repository', hasQuestionToken: true, type: interfaceName, docs: [`Where ${ctx.names.plural} are stored; in memory when not given.`] }],
    });
  }
  const where = exportDefault ? `loaded by @fastify/autoload from its folder (prefix ${ctx.names.basePath})` : `registered with the prefix ${ctx.names.basePath}`;
  file.addVariableStatement({
    isExported: !exportDefault,
    declarationKind: VariableDeclarationKind.Const,
    docs: [`The ${ctx.names.plural} routes, a Fastify plugin ${where}; ${plugin.describe}.${crud ? ' Pass `repository` to use a real store.' : ''}`],
    declarations: [{
      name: pluginName(ctx),
      type: crud ? `${plugin.typeName}<${optionsName(ctx)}>` : plugin.typeName,
      initializer: crud ? `async (fastify, options) => {\nconst repository = options.repository ?? new ${className}();\n}` : 'async (fastify) => {\n}',
    }],
  });
  if (exportDefault) {
    file.addExportAssignment({ isExportEquals: false, expression: pluginName(ctx) });
  }
  return findContainer(file, ctx)!;
}

/**
 * The resource's plugin with route schemas in the project's dialect (TypeBox, zod through
 * fastify-type-provider-zod, plain JSON Schema): `routes/products/index.ts` exporting it as default
 * when autoload loads the folder, else `routes/products.ts` exporting `productsRoutes`. Routes that
 * exist (same method and path) are left alone, so a re-run changes nothing.
 */
export function buildSchemaRoutesFile(ctx: GenerationContext, exportDefault: boolean, plugin: SchemaPlugin = TYPEBOX_PLUGIN): GeneratedFile | undefined {
  const open = openFile(ctx, ctx.paths.router);
  const { file } = open;
  let container = findContainer(file, ctx);
  const ops = ctx.operations.filter((op) => container === undefined || !hasRoute(container, op));
  if (ops.length === 0) {
    return undefined;
  }
  const ext = ctx.input.options.importExtension;
  const isNew = container === undefined;
  let changed = isNew && ensureImport(file, { moduleSpecifier: plugin.module, named: [{ name: plugin.typeName, typeOnly: true }] });
  const schemaNames = [...new Set(ops.flatMap((op) => [op.params?.name, op.query?.name, op.body?.name]).filter((n): n is string => n !== undefined))];
  const typeNames = [...new Set(ops.flatMap((op) => plugin.typeImports?.(op) ?? []))];
  if (schemaNames.length + typeNames.length > 0) {
    const named = [...schemaNames.map((name) => ({ name })), ...typeNames.map((name) => ({ name, typeOnly: true }))];
    changed = ensureImport(file, { moduleSpecifier: relativeModule(ctx.paths.router, ctx.paths.schemas, ext), named }) || changed;
  }
  const { interfaceName, className } = repositoryNames(ctx);
  const needsRepository = ops.some((op) => op.kind !== 'custom');
  if (ctx.input.spec.crud && (isNew || needsRepository)) {
    const named = isNew ? [{ name: className }, { name: interfaceName, typeOnly: true }] : [{ name: className }];
    changed = ensureImport(file, { moduleSpecifier: relativeModule(ctx.paths.router, ctx.paths.repository, ext), named }) || changed;
  }
  container ??= addPlugin(file, ctx, exportDefault, plugin);
  if (ctx.input.spec.crud && needsRepository && !isNew && !container.node.getVariableDeclaration('repository')) {
    container.node.insertStatements(0, `const repository = new ${className}();`);
  }
  for (const op of ops) {
    const body = customBody(ctx, op, (o) => notImplementedBody(ctx, o));
    const target = container;
    insertRoute(target, op, body, (w) => {
      w.conditionalNewLine(target.node.getStatements().length > 0);
      writeSchemaRoute(ctx, op, target.receiver, body, w, plugin.route);
    });
    changed = true;
  }
  return finishFile(ctx, open, changed, true);
}
