import { Node, VariableDeclarationKind, type ArrowFunction, type SourceFile, type StatementedNode } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport, relativeModule } from '../shared/imports';
import type { Operation } from '../shared/operations';
import { repositoryNames } from '../shared/repositoryFile';
import { finishFile, openFile } from '../shared/sourceFiles';
import { VALIDATION_ERROR_FUNCTION } from '../shared/validationErrorFile';
import type { GeneratedFile } from '../types';
import { expressPath, notImplementedBody, writeRoute } from './routeHandler';

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

/** Where routes go: the factory's body (generated files) or the module (a hand-written router). */
interface RouteContainer {
  readonly node: StatementedNode;
  readonly routerName: string;
  /** Index new routes are inserted at. */
  insertIndex(): number;
}

function routeKey(method: string, path: string): string {
  return `${method.toLowerCase()} ${path}`;
}

function existingRoutes(container: RouteContainer): Set<string> {
  return new Set(routeStatements(container).map((r) => r.key));
}

/** Route registrations (`router.get('/x', ...)`) among the container's statements, with their index. */
function routeStatements(container: RouteContainer): { key: string; path: string; index: number }[] {
  const found: { key: string; path: string; index: number }[] = [];
  for (const [index, statement] of container.node.getStatements().entries()) {
    const call = Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
    const callee = call && Node.isCallExpression(call) ? call.getExpression() : undefined;
    if (call && Node.isCallExpression(call) && callee && Node.isPropertyAccessExpression(callee) && callee.getExpression().getText() === container.routerName) {
      const first = call.getArguments()[0];
      if (first && Node.isStringLiteral(first)) {
        found.push({ key: routeKey(callee.getName(), first.getLiteralValue()), path: first.getLiteralValue(), index });
      }
    }
  }
  return found;
}

/** A static path must come before a parameterised one it could be mistaken for (`/search` before `/:id`). */
function insertIndexFor(container: RouteContainer, path: string): number {
  if (path.includes(':')) {
    return container.insertIndex();
  }
  return routeStatements(container).find((r) => r.path.includes(':'))?.index ?? container.insertIndex();
}

function findContainer(file: SourceFile, names: RouterNames): RouteContainer | undefined {
  const { factory, router } = names;
  const fn = file.getFunction(factory);
  if (fn) {
    return {
      node: fn,
      routerName: 'router',
      insertIndex: () => {
        const statements = fn.getStatements();
        const last = statements[statements.length - 1];
        return last && Node.isReturnStatement(last) ? statements.length - 1 : statements.length;
      },
    };
  }
  if (file.getVariableDeclaration(router)) {
    return { node: file, routerName: router, insertIndex: () => file.getStatements().length };
  }
  return undefined;
}

function addFactory(file: SourceFile, ctx: GenerationContext, names: RouterNames): RouteContainer {
  const { factory, router } = names;
  const crud = ctx.input.spec.crud !== undefined;
  const { interfaceName, className } = repositoryNames(ctx);
  file.addFunction({
    name: factory,
    isExported: true,
    docs: [`The ${ctx.names.plural} routes, mounted at ${ctx.names.basePath}.${crud ? ' Pass another repository to use a real store.' : ''}`],
    parameters: crud ? [{ name: 'repository', type: interfaceName, initializer: `new ${className}()` }] : [],
    returnType: 'Router',
    statements: [`const router = Router(${names.mergeParams ? '{ mergeParams: true }' : ''});`, 'router.use(express.json());', 'return router;'],
  });
  file.addVariableStatement({ isExported: true, declarationKind: VariableDeclarationKind.Const, declarations: [{ name: router, initializer: `${factory}()` }] });
  return findContainer(file, names)!;
}

function placeCustomBody(handler: ArrowFunction, statements: string, express4: boolean): void {
  const body = handler.getBody();
  if (!Node.isBlock(body)) {
    return;
  }
  const tryStatement = express4 ? body.getStatements().find((s) => Node.isTryStatement(s)) : undefined;
  const target = tryStatement && Node.isTryStatement(tryStatement) ? tryStatement.getTryBlock() : body;
  target.addStatements(statements);
}

function ensureRoute(ctx: GenerationContext, container: RouteContainer, op: Operation): boolean {
  if (existingRoutes(container).has(routeKey(op.method, expressPath(op.subPath)))) {
    return false;
  }
  const custom = op.kind === 'custom' ? (ctx.input.handlerBodies[op.operationId]?.trim() || notImplementedBody(ctx, op)) : '';
  const [added] = container.node.insertStatements(insertIndexFor(container, expressPath(op.subPath)), (w) => writeRoute(ctx, op, container.routerName, custom, w));
  if (op.kind === 'custom' && added && Node.isExpressionStatement(added)) {
    const call = added.getExpression();
    const handler = Node.isCallExpression(call) ? call.getArguments().at(-1) : undefined;
    if (handler && Node.isArrowFunction(handler)) {
      placeCustomBody(handler, custom, ctx.input.options.frameworkMajor < 5);
    }
  }
  return true;
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
  let container = findContainer(file, names);
  let changed = false;
  const ops = ctx.operations.filter((op) => container === undefined || !existingRoutes(container).has(routeKey(op.method, expressPath(op.subPath))));
  if (ops.length === 0) {
    return undefined;
  }
  const ext = ctx.input.options.importExtension;
  const factoryFile = container === undefined || container.node !== file;
  changed = ensureImport(file, { moduleSpecifier: 'express', ...(factoryFile ? { defaultName: 'express' } : {}), named: [{ name: 'Router' }] }) || changed;
  const schemaNames = [...new Set(ops.flatMap((op) => [op.params?.name, op.query?.name, op.body?.name]).filter((n): n is string => n !== undefined))];
  if (schemaNames.length > 0) {
    changed = ensureImport(file, { moduleSpecifier: relativeModule(ctx.paths.router, ctx.paths.schemas, ext), named: schemaNames.map((name) => ({ name })) }) || changed;
    changed = ensureImport(file, { moduleSpecifier: relativeModule(ctx.paths.router, ctx.paths.validationError, ext), named: [{ name: VALIDATION_ERROR_FUNCTION }] }) || changed;
  }
  const needsRepository = ops.some((op) => op.kind !== 'custom');
  if (ctx.input.spec.crud && (factoryFile || needsRepository)) {
    const { interfaceName, className } = repositoryNames(ctx);
    changed = ensureImport(file, { moduleSpecifier: relativeModule(ctx.paths.router, ctx.paths.repository, ext), named: [{ name: className }, { name: interfaceName, typeOnly: true }] }) || changed;
    if (!factoryFile && !file.getVariableDeclaration('repository')) {
      file.insertVariableStatement(file.getImportDeclarations().length, { declarationKind: VariableDeclarationKind.Const, declarations: [{ name: 'repository', type: interfaceName, initializer: `new ${className}()` }] });
    }
  }
  container ??= addFactory(file, ctx, names);
  if (names.defaultExport === true && file.getExportAssignments().length === 0) {
    file.addExportAssignment({ isExportEquals: false, expression: names.router });
    changed = true;
  }
  for (const op of ops) {
    changed = ensureRoute(ctx, container, op) || changed;
  }
  return finishFile(ctx, open, changed, true);
}
