import { Node, type SourceFile } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { repositoryNames } from '../shared/repositoryFile';
import type { RouteContainer } from '../shared/routeStatements';

/** The plugin a resource's routes live in: `productsRoutes`. */
export function pluginName(ctx: GenerationContext): string {
  return `${ctx.names.plural}Routes`;
}

/** The plugin's options interface: `ProductsRoutesOptions`. */
export function pluginOptionsName(ctx: GenerationContext): string {
  return `${ctx.names.PluralPascal}RoutesOptions`;
}

/** The plugin's body, whether a function declaration or a `const` arrow/function expression; the receiver is its first parameter. */
export function findPluginContainer(file: SourceFile, ctx: GenerationContext): RouteContainer | undefined {
  const name = pluginName(ctx);
  const fn = file.getFunction(name) ?? file.getVariableDeclaration(name)?.getInitializer();
  if (!fn || !(Node.isFunctionDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) {
    return undefined;
  }
  const body = fn.getBody();
  const receiver = fn.getParameters()[0]?.getName();
  return body && Node.isBlock(body) && receiver ? { node: body, receiver, insertIndex: () => body.getStatements().length } : undefined;
}

/** Adds `export interface ProductsRoutesOptions { repository?: ProductRepository }` (CRUD plugins take their store as an option). */
export function addPluginOptions(file: SourceFile, ctx: GenerationContext): void {
  const { interfaceName } = repositoryNames(ctx);
  file.addInterface({
    name: pluginOptionsName(ctx),
    isExported: true,
    docs: [`Options of the ${ctx.names.plural} routes.`],
    properties: [{ name: 'repository', hasQuestionToken: true, type: interfaceName, docs: [`Where ${ctx.names.plural} are stored; in memory when not given.`] }],
  });
}

/** A hand-written plugin without a `repository` gets `const repository = new ProductRepository();` as its first statement. */
export function ensurePluginRepository(ctx: GenerationContext, container: RouteContainer): void {
  if (!container.node.getVariableDeclaration('repository')) {
    container.node.insertStatements(0, `const repository = new ${repositoryNames(ctx).className}();`);
  }
}
