import { Node, type Block, type SourceFile } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport, relativeModule } from '../shared/imports';
import { repositoryNames } from '../shared/repositoryFile';
import { customBody, hasRoute, insertRoute, type RouteContainer } from '../shared/routeStatements';
import { finishFile, openFile } from '../shared/sourceFiles';
import { VALIDATION_ERROR_FUNCTION } from '../shared/validationErrorFile';
import type { GeneratedFile } from '../types';
import { notImplementedBody, writeRoute } from './routeHandler';

/** The plugin a resource's routes live in: `productsRoutes`. */
export function pluginName(ctx: GenerationContext): string {
  return `${ctx.names.plural}Routes`;
}

function optionsName(ctx: GenerationContext): string {
  return `${ctx.names.PluralPascal}RoutesOptions`;
}

function blockContainer(block: Block, receiver: string): RouteContainer {
  return { node: block, receiver, insertIndex: () => block.getStatements().length };
}

/** The plugin's body: a function declaration or a `const` arrow function (`FastifyPluginAsync`). */
function findContainer(file: SourceFile, ctx: GenerationContext): RouteContainer | undefined {
  const name = pluginName(ctx);
  const fn = file.getFunction(name) ?? file.getVariableDeclaration(name)?.getInitializer();
  if (!fn || !(Node.isFunctionDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) {
    return undefined;
  }
  const body = fn.getBody();
  const receiver = fn.getParameters()[0]?.getName();
  return body && Node.isBlock(body) && receiver ? blockContainer(body, receiver) : undefined;
}

function addPlugin(file: SourceFile, ctx: GenerationContext): RouteContainer {
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
  file.addFunction({
    name: pluginName(ctx),
    isExported: true,
    isAsync: true,
    docs: [`The ${ctx.names.plural} routes, a Fastify plugin registered with the prefix ${ctx.names.basePath}.${crud ? ' Pass `repository` to use a real store.' : ''}`],
    parameters: [{ name: 'app', type: 'FastifyInstance' }, ...(crud ? [{ name: 'options', type: optionsName(ctx) }] : [])],
    returnType: 'Promise<void>',
    statements: crud ? [`const repository = options.repository ?? new ${className}();`] : [],
  });
  return findContainer(file, ctx)!;
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
  let container = findContainer(file, ctx);
  const ops = ctx.operations.filter((op) => container === undefined || !hasRoute(container, op));
  if (ops.length === 0) {
    return undefined;
  }
  const ext = ctx.input.options.importExtension;
  const isNew = container === undefined;
  let changed = isNew && ensureImport(file, { moduleSpecifier: 'fastify', named: [{ name: 'FastifyInstance', typeOnly: true }] });
  const schemaNames = [...new Set(ops.flatMap((op) => [op.params?.name, op.query?.name, op.body?.name]).filter((n): n is string => n !== undefined))];
  if (schemaNames.length > 0) {
    changed = ensureImport(file, { moduleSpecifier: relativeModule(ctx.paths.router, ctx.paths.schemas, ext), named: schemaNames.map((name) => ({ name })) }) || changed;
    changed = ensureImport(file, { moduleSpecifier: relativeModule(ctx.paths.router, ctx.paths.validationError, ext), named: [{ name: VALIDATION_ERROR_FUNCTION }] }) || changed;
  }
  const needsRepository = ops.some((op) => op.kind !== 'custom');
  const { interfaceName, className } = repositoryNames(ctx);
  if (ctx.input.spec.crud && (isNew || needsRepository)) {
    const named = isNew ? [{ name: className }, { name: interfaceName, typeOnly: true }] : [{ name: className }];
    changed = ensureImport(file, { moduleSpecifier: relativeModule(ctx.paths.router, ctx.paths.repository, ext), named }) || changed;
  }
  container ??= addPlugin(file, ctx);
  if (ctx.input.spec.crud && needsRepository && !isNew && !container.node.getVariableDeclaration('repository')) {
    container.node.insertStatements(0, `const repository = new ${className}();`);
  }
  for (const op of ops) {
    const body = customBody(ctx, op, (o) => notImplementedBody(ctx, o));
    const target = container;
    insertRoute(target, op, body, (w) => {
      w.conditionalNewLine(target.node.getStatements().length > 0);
      writeRoute(ctx, op, target.receiver, body, w);
    });
    changed = true;
  }
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
