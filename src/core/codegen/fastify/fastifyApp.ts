import { Node, type Block, type SourceFile, type StatementedNode } from 'ts-morph';
import { RoutecraftError } from '../../errors';
import type { GenerationContext } from '../shared/generationContext';
import { appFilePath, exportNameOf } from '../shared/projectApp';

/** Where the project's Fastify instance is created and how tests get one. */
export interface FastifyApp {
  /** The app file, relative to the project root. */
  readonly path: string;
  /**
   * `factory`: an exported function builds the instance (`buildApp()`), tests build one per suite;
   * `instance`: a module-level instance is exported and imported as is.
   */
  readonly kind: 'factory' | 'instance';
  /** The exported name (the function or the instance), or `default`. */
  readonly exportName: string;
  /** The variable holding the instance where routes are registered. */
  readonly localName: string;
  /** Whether the factory returns a promise (tests `await` it). */
  readonly asyncFactory: boolean;
  /** The block holding the instance: the factory's body or the module. */
  readonly container: StatementedNode;
}

/** The local names under which the file imports Fastify's factory (`Fastify`, `fastify`). */
function factoryNames(file: SourceFile): Set<string> {
  const names = new Set<string>();
  for (const decl of file.getImportDeclarations().filter((d) => d.getModuleSpecifierValue() === 'fastify' && !d.isTypeOnly())) {
    const def = decl.getDefaultImport();
    if (def) {
      names.add(def.getText());
    }
    decl.getNamedImports().filter((n) => n.getName() === 'fastify' && !n.isTypeOnly()).forEach((n) => names.add(n.getAliasNode()?.getText() ?? 'fastify'));
  }
  return names;
}

/** `Fastify({ ... }).withTypeProvider<ZodTypeProvider>()` → the innermost call, `Fastify({ ... })`. */
function innermostCall(node: Node | undefined): Node | undefined {
  let current = node;
  while (current && Node.isCallExpression(current)) {
    const callee = current.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || !Node.isCallExpression(callee.getExpression())) {
      return current;
    }
    current = callee.getExpression();
  }
  return current;
}

/** The variable in `block` initialised with a call of Fastify's factory (also through a chain such as `.withTypeProvider<T>()`). */
function instanceIn(block: StatementedNode, factories: ReadonlySet<string>): string | undefined {
  for (const statement of block.getVariableStatements()) {
    for (const decl of statement.getDeclarations()) {
      const init = innermostCall(decl.getInitializer());
      if (init && Node.isCallExpression(init) && factories.has(init.getExpression().getText())) {
        return decl.getName();
      }
    }
  }
  return undefined;
}

/** A factory function (`export async function buildApp()`) or an exported instance; undefined when there is neither. */
export function findFastifyApp(path: string, file: SourceFile): FastifyApp | undefined {
  const factories = factoryNames(file);
  if (factories.size === 0) {
    return undefined;
  }
  for (const fn of file.getFunctions()) {
    const body = fn.getBody();
    const localName = body && Node.isBlock(body) ? instanceIn(body, factories) : undefined;
    const name = fn.getName();
    const exportName = fn.isDefaultExport() ? 'default' : name ? exportNameOf(file, name, fn.isExported()) : undefined;
    if (localName && exportName && fn.getParameters().every((p) => p.isOptional() || p.hasInitializer())) {
      const asyncFactory = fn.isAsync() || (fn.getReturnTypeNode()?.getText().startsWith('Promise') ?? false);
      return { path, kind: 'factory', exportName, localName, asyncFactory, container: body as Block };
    }
  }
  const localName = instanceIn(file, factories);
  const decl = localName ? file.getVariableDeclaration(localName) : undefined;
  const exportName = decl && localName ? exportNameOf(file, localName, decl.getVariableStatement()?.isExported() === true) : undefined;
  if (localName && exportName) {
    return { path, kind: 'instance', exportName, localName, asyncFactory: false, container: file };
  }
  return undefined;
}

/** Like {@link findFastifyApp}, but throws a RoutecraftError that says what to do. */
export function findFastifyAppOrThrow(ctx: GenerationContext, file: SourceFile): FastifyApp {
  const path = appFilePath(ctx);
  const app = findFastifyApp(path, file);
  if (!app) {
    throw new RoutecraftError('invalid-input', `Could not find an exported Fastify app in ${path} (\`export async function buildApp()\` creating \`Fastify()\`, or \`export const app = Fastify()\`): choose the app file (CLI: --app-file) or export the app so routes can be registered and tested.`);
  }
  return app;
}
