import { Node, type ArrayLiteralExpression, type SourceFile } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport, matchImportSemicolons, relativeModule } from '../shared/imports';
import { stringLiteral } from '../shared/literal';
import { appFilePath } from '../shared/projectApp';
import { openFile } from '../shared/sourceFiles';
import { appendElementLike, arrayLiteralOf, elementAccess, findRouteLoops, readElement, type ElementAccess } from '../shared/routeArrays';
import { findFastifyApp, type FastifyApp } from './fastifyApp';

/** Plugins the app registers by looping over an array of `{ plugin, prefix }` (or `[plugin, prefix]`) elements. */
export interface PluginArray {
  readonly name: string;
  readonly line: number;
  readonly array: ArrayLiteralExpression;
  readonly plugin: ElementAccess;
  readonly prefix: ElementAccess;
}

/**
 * The app's loop over an array of plugins whose prefix each element gives
 * (`for (const { plugin, prefix } of routes) await app.register(plugin, { prefix })`), or the reason
 * a loop that registers plugins cannot take the new one (every plugin at one literal prefix, carrying
 * its own paths; an array that is not a literal in the app file); undefined when there is no loop.
 */
export function findPluginArray(app: FastifyApp, file: SourceFile): PluginArray | { readonly note: string } | undefined {
  const isRegister = (c: Node): boolean => Node.isCallExpression(c) && c.getExpression().getText() === `${app.localName}.register`;
  const loop = findRouteLoops(app.container, (c) => isRegister(c))[0];
  if (!loop) {
    return undefined;
  }
  const where = `${app.path}:${String(loop.statement.getStartLineNumber())} registers plugins by looping over \`${loop.arrayName}\``;
  const options = loop.call.getArguments()[1];
  const prop = options && Node.isObjectLiteralExpression(options) ? options.getProperty('prefix') : undefined;
  const prefixNode = prop && Node.isPropertyAssignment(prop) ? prop.getInitializer() : prop && Node.isShorthandPropertyAssignment(prop) ? prop.getNameNode() : undefined;
  const prefix = prefixNode ? elementAccess(prefixNode, loop.bindings) : undefined;
  const plugin = loop.args[0];
  const array = arrayLiteralOf(app.container, loop.arrayName) ?? arrayLiteralOf(file, loop.arrayName);
  if (!array) {
    return { note: `${where}, which is not an array literal in the app file; so the new plugin is registered with its own \`register\` call.` };
  }
  if (!plugin || plugin.kind === 'literal' || !prefix || prefix.kind === 'literal' || prefix.kind === 'element') {
    const shared = prefix?.kind === 'literal' ? `every plugin in it is registered at ${JSON.stringify(prefix.value)} and carries its own paths, while the new plugin's paths are relative to its prefix` : 'the prefix is not read from each element';
    return { note: `${where}, but ${shared}; so the new plugin is registered with its own \`register\` call.` };
  }
  return { name: loop.arrayName, line: loop.statement.getStartLineNumber(), array, plugin, prefix };
}

/**
 * Adds the plugin to the app's plugin array, shaped like the last element (`{ plugin: gadgetsRoutes,
 * prefix: '/gadgets' }`), and imports it. True when the array holds it (added now or before).
 */
export function joinPluginArray(ctx: GenerationContext, file: SourceFile, found: PluginArray, plugin: string): boolean {
  const present = found.array.getElements().some((e) => readElement(e, found.plugin)?.getText() === plugin);
  const style = ctx.input.options.style;
  if (!present && !appendElementLike(found.array, [{ access: found.plugin, text: plugin }, { access: found.prefix, text: stringLiteral(ctx.names.basePath, style) }])) {
    return false;
  }
  ensureImport(file, { moduleSpecifier: relativeModule(appFilePath(ctx), ctx.paths.router, ctx.input.options.importExtension), named: [{ name: plugin }] });
  matchImportSemicolons(file, style.semicolons);
  return true;
}

/** The review's note about the app's plugin array: which array the new plugin joins, or why it is registered on its own. */
export function pluginArrayNotes(ctx: GenerationContext): string[] {
  const { file } = openFile(ctx, appFilePath(ctx));
  const app = findFastifyApp(appFilePath(ctx), file);
  const found = app ? findPluginArray(app, file) : undefined;
  if (!found) {
    return [];
  }
  return ['note' in found ? found.note : `${appFilePath(ctx)}:${String(found.line)} registers plugins by looping over \`${found.name}\`: the new plugin joins it, shaped like its last element, served at ${ctx.names.basePath}.`];
}
