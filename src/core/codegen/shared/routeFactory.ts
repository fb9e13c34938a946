import { Node, VariableDeclarationKind, type SourceFile } from 'ts-morph';
import type { GenerationContext } from './generationContext';
import type { Operation } from './operations';
import { repositoryNames } from './repositoryFile';
import { ensureModuleRepository, importRepository } from './routeModule';
import type { RouteContainer } from './routeStatements';

/**
 * A route module built by a factory (Express router, Hono sub-app): `createGadgetsRouter(repository)`
 * registering the routes on a local `router`, and the exported instance `gadgetsRouter` built from it.
 * A hand-written module that only exports the instance gets its routes at module level.
 */
export interface RouteFactoryNames {
  /** `createGadgetsRouter`. */
  readonly factory: string;
  /** The exported instance: `gadgetsRouter`. */
  readonly instance: string;
  /** The local the factory registers routes on: `router`, `route`. */
  readonly receiver: string;
}

/** What the framework puts into a new factory. */
export interface RouteFactoryShape {
  /** The doc comment's first sentence (`The gadgets routes, mounted at /gadgets.`). */
  readonly summary: string;
  readonly returnType: string;
  /** The body: creates `receiver`, ends with `return receiver;`. */
  readonly statements: readonly string[];
}

/** The factory's body (routes go before its `return`), else the module of a hand-written instance, else undefined. */
export function findFactoryContainer(file: SourceFile, names: RouteFactoryNames): RouteContainer | undefined {
  const fn = file.getFunction(names.factory);
  if (fn) {
    return {
      node: fn,
      receiver: names.receiver,
      insertIndex: () => {
        const statements = fn.getStatements();
        const last = statements.at(-1);
        return last && Node.isReturnStatement(last) ? statements.length - 1 : statements.length;
      },
    };
  }
  if (file.getVariableDeclaration(names.instance)) {
    return { node: file, receiver: names.instance, insertIndex: () => file.getStatements().length };
  }
  return undefined;
}

/** Appends the exported factory (taking the repository for CRUD) and the instance built from it; returns the factory's container. */
export function addRouteFactory(file: SourceFile, ctx: GenerationContext, names: RouteFactoryNames, shape: RouteFactoryShape): RouteContainer {
  const crud = ctx.input.spec.crud !== undefined;
  const { interfaceName, className } = repositoryNames(ctx);
  file.addFunction({
    name: names.factory,
    isExported: true,
    docs: [`${shape.summary}${crud ? ' Pass another repository to use a real store.' : ''}`],
    parameters: crud ? [{ name: 'repository', type: interfaceName, initializer: `new ${className}()` }] : [],
    returnType: shape.returnType,
    statements: [...shape.statements],
  });
  file.addVariableStatement({ isExported: true, declarationKind: VariableDeclarationKind.Const, declarations: [{ name: names.instance, initializer: `${names.factory}()` }] });
  return findFactoryContainer(file, names)!;
}

/**
 * The repository a CRUD resource's routes use: imported (class and interface) when a factory takes
 * it or the new routes need it; a hand-written module (`inFactory` false) also gets a module-level
 * `repository`. Returns whether the file changed.
 */
export function importFactoryRepository(ctx: GenerationContext, file: SourceFile, ops: readonly Operation[], inFactory: boolean): boolean {
  const needsRepository = ops.some((op) => op.kind !== 'custom');
  if (!ctx.input.spec.crud || !(inFactory || needsRepository)) {
    return false;
  }
  const changed = importRepository(ctx, file, true);
  if (!inFactory) {
    ensureModuleRepository(ctx, file);
  }
  return changed;
}
