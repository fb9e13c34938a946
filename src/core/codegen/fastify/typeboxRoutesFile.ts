import { Node, VariableDeclarationKind, type SourceFile } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport, relativeModule } from '../shared/imports';
import { repositoryNames } from '../shared/repositoryFile';
import { customBody, hasRoute, insertRoute, type RouteContainer } from '../shared/routeStatements';
import { finishFile, openFile } from '../shared/sourceFiles';
import type { GeneratedFile } from '../types';
import { notImplementedBody } from './routeHandler';
import { pluginName } from './routesFile';
import { writeSchemaRoute } from './schemaRoute';

const PLUGIN_TYPE = 'FastifyPluginAsyncTypebox';

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

function addPlugin(file: SourceFile, ctx: GenerationContext, exportDefault: boolean): RouteContainer {
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
    docs: [`The ${ctx.names.plural} routes, a Fastify plugin ${where}; TypeBox schemas, checked by Fastify.${crud ? ' Pass `repository` to use a real store.' : ''}`],
    declarations: [{
      name: pluginName(ctx),
      type: crud ? `${PLUGIN_TYPE}<${optionsName(ctx)}>` : PLUGIN_TYPE,
      initializer: crud ? `async (fastify, options) => {\nconst repository = options.repository ?? new ${className}();\n}` : 'async (fastify) => {\n}',
    }],
  });
  if (exportDefault) {
    file.addExportAssignment({ isExportEquals: false, expression: pluginName(ctx) });
  }
  return findContainer(file, ctx)!;
}

/**
 * The resource's plugin with TypeBox route schemas: `routes/products/index.ts` exporting it as
 * default when autoload loads the folder, else `routes/products.ts` exporting `productsRoutes`.
 * Routes that exist (same method and path) are left alone, so a re-run changes nothing.
 */
export function buildTypeboxRoutesFile(ctx: GenerationContext, exportDefault: boolean): GeneratedFile | undefined {
  const open = openFile(ctx, ctx.paths.router);
  const { file } = open;
  let container = findContainer(file, ctx);
  const ops = ctx.operations.filter((op) => container === undefined || !hasRoute(container, op));
  if (ops.length === 0) {
    return undefined;
  }
  const ext = ctx.input.options.importExtension;
  const isNew = container === undefined;
  let changed = isNew && ensureImport(file, { moduleSpecifier: '@fastify/type-provider-typebox', named: [{ name: PLUGIN_TYPE, typeOnly: true }] });
  const schemaNames = [...new Set(ops.flatMap((op) => [op.params?.name, op.query?.name, op.body?.name]).filter((n): n is string => n !== undefined))];
  if (schemaNames.length > 0) {
    changed = ensureImport(file, { moduleSpecifier: relativeModule(ctx.paths.router, ctx.paths.schemas, ext), named: schemaNames.map((name) => ({ name })) }) || changed;
  }
  const { interfaceName, className } = repositoryNames(ctx);
  const needsRepository = ops.some((op) => op.kind !== 'custom');
  if (ctx.input.spec.crud && (isNew || needsRepository)) {
    const named = isNew ? [{ name: className }, { name: interfaceName, typeOnly: true }] : [{ name: className }];
    changed = ensureImport(file, { moduleSpecifier: relativeModule(ctx.paths.router, ctx.paths.repository, ext), named }) || changed;
  }
  container ??= addPlugin(file, ctx, exportDefault);
  if (ctx.input.spec.crud && needsRepository && !isNew && !container.node.getVariableDeclaration('repository')) {
    container.node.insertStatements(0, `const repository = new ${className}();`);
  }
  for (const op of ops) {
    const body = customBody(ctx, op, (o) => notImplementedBody(ctx, o));
    const target = container;
    insertRoute(target, op, body, (w) => {
      w.conditionalNewLine(target.node.getStatements().length > 0);
      writeSchemaRoute(ctx, op, target.receiver, body, w);
    });
    changed = true;
  }
  return finishFile(ctx, open, changed, true);
}
