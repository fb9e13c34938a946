import { Node, VariableDeclarationKind, type Block, type CodeBlockWriter, type SourceFile } from 'ts-morph';
import type { GenerationContext } from './generationContext';
import { ensureImport, relativeModule } from './imports';
import type { Operation } from './operations';
import { repositoryNames } from './repositoryFile';
import { customBody, type ResponseDialect } from './responseDialect';
import { colonPath, hasRoute, insertIndexFor, type RouteContainer } from './routeStatements';
import { VALIDATION_ERROR_FUNCTION } from './validationErrorFile';

/**
 * The building blocks of a route module (Express router, Fastify plugin, Hono sub-app) that do not
 * depend on the framework: which operations are still missing, the imports of the schemas, the
 * validation error and the repository, and the loop that inserts each route where it belongs.
 */

/** The operations whose method and path the container does not register yet (all of them when there is no container). */
export function pendingOperations(ctx: GenerationContext, container: RouteContainer | undefined): Operation[] {
  return ctx.operations.filter((op) => container === undefined || !hasRoute(container, op));
}

/** The zod constants the operations validate with (params, query, body), each once. */
export function schemaConstants(ops: readonly Operation[]): string[] {
  return [...new Set(ops.flatMap((op) => [op.params?.name, op.query?.name, op.body?.name]).filter((n): n is string => n !== undefined))];
}

/** Imports the schema constants (and type-only names) from the schema file into the route module. Returns whether it changed. */
export function importSchemas(ctx: GenerationContext, file: SourceFile, names: readonly string[], typeNames: readonly string[] = []): boolean {
  const named = [...names.map((name) => ({ name })), ...typeNames.map((name) => ({ name, typeOnly: true }))];
  return ensureImport(file, { moduleSpecifier: relativeModule(ctx.paths.router, ctx.paths.schemas, ctx.input.options.importExtension), named });
}

/** Imports `toValidationError` (the shared 400 body) into the route module. Returns whether it changed. */
export function importValidationError(ctx: GenerationContext, file: SourceFile): boolean {
  return ensureImport(file, { moduleSpecifier: relativeModule(ctx.paths.router, ctx.paths.validationError, ctx.input.options.importExtension), named: [{ name: VALIDATION_ERROR_FUNCTION }] });
}

/** Imports the in-memory repository class and, with `withInterface`, its interface (type-only). Returns whether it changed. */
export function importRepository(ctx: GenerationContext, file: SourceFile, withInterface: boolean): boolean {
  const { interfaceName, className } = repositoryNames(ctx);
  const named = withInterface ? [{ name: className }, { name: interfaceName, typeOnly: true }] : [{ name: className }];
  return ensureImport(file, { moduleSpecifier: relativeModule(ctx.paths.router, ctx.paths.repository, ctx.input.options.importExtension), named });
}

/** A module-level `const repository: I = new C();` after the imports, unless the module has one. */
export function ensureModuleRepository(ctx: GenerationContext, file: SourceFile): void {
  if (file.getVariableDeclaration('repository')) {
    return;
  }
  const { interfaceName, className } = repositoryNames(ctx);
  file.insertVariableStatement(file.getImportDeclarations().length, { declarationKind: VariableDeclarationKind.Const, declarations: [{ name: 'repository', type: interfaceName, initializer: `new ${className}()` }] });
}

/** How a generator writes its routes into a container. */
export interface RouteWriting {
  /** Writes one registration; `body` is the custom operation's statements (placed later through the AST), else ''. */
  readonly write: (op: Operation, receiver: string, body: string, w: CodeBlockWriter) => void;
  /** A blank line before each route when the container has statements. */
  readonly spaced: boolean;
  /** The block of the handler a custom body goes into (Express 4: its `try`); default the handler's body. */
  readonly bodyBlock?: (handlerBody: Block) => Block;
}

/**
 * Inserts each operation's route (a static path before a parameterised one it could be mistaken
 * for) and places a custom operation's body (the LLM's, else the dialect's 501) into its handler.
 * Routes the container already registers are skipped. Returns whether a route was added.
 */
export function addRoutes(ctx: GenerationContext, container: RouteContainer, ops: readonly Operation[], dialect: ResponseDialect, writing: RouteWriting): boolean {
  let added = false;
  for (const op of ops) {
    if (hasRoute(container, op)) {
      continue;
    }
    const body = customBody(ctx, op, dialect);
    const [statement] = container.node.insertStatements(insertIndexFor(container, colonPath(op.subPath)), (w) => {
      if (writing.spaced) {
        w.conditionalNewLine(container.node.getStatements().length > 0);
      }
      writing.write(op, container.receiver, body, w);
    });
    added = true;
    const call = statement && Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
    const handler = call && Node.isCallExpression(call) ? call.getArguments().at(-1) : undefined;
    const block = op.kind === 'custom' && handler && Node.isArrowFunction(handler) ? handler.getBody() : undefined;
    if (block && Node.isBlock(block)) {
      (writing.bodyBlock?.(block) ?? block).addStatements(body);
    }
  }
  return added;
}
