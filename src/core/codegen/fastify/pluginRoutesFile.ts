import type { SourceFile } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport } from '../shared/imports';
import type { Operation } from '../shared/operations';
import { addRoutes, importRepository, pendingOperations, type RouteWriting } from '../shared/routeModule';
import type { RouteContainer } from '../shared/routeStatements';
import { finishFile, openFile } from '../shared/sourceFiles';
import type { GeneratedFile } from '../types';
import { ensurePluginRepository, findPluginContainer } from './pluginParts';
import { fastifyResponses } from './routeHandler';

/** What differs between the Fastify routes files (safeParse in the handler, or route schemas in the project's dialect). */
export interface PluginRoutesKind {
  /** The type a new plugin is declared with, imported type-only when the file gets the plugin. */
  readonly pluginType: { readonly module: string; readonly name: string };
  /** Imports what the new routes name from the schema file (and beside it); true when the file changed. */
  readonly importSchemas: (file: SourceFile, ops: readonly Operation[]) => boolean;
  /** Declares the resource's plugin in a file that has none and returns its body. */
  readonly addPlugin: (file: SourceFile) => RouteContainer;
  readonly write: RouteWriting['write'];
}

/**
 * The resource's plugin file at `ctx.paths.router`: the plugin (found, or declared by `kind`), the
 * imports its new routes need, and one route per pending operation. Routes that exist (same method
 * and path) are left alone, so a re-run changes nothing (undefined: nothing to add).
 */
export function buildPluginRoutesFile(ctx: GenerationContext, kind: PluginRoutesKind): GeneratedFile | undefined {
  const open = openFile(ctx, ctx.paths.router);
  const { file } = open;
  let container = findPluginContainer(file, ctx);
  const ops = pendingOperations(ctx, container);
  if (ops.length === 0) {
    return undefined;
  }
  const isNew = container === undefined;
  let changed = isNew && ensureImport(file, { moduleSpecifier: kind.pluginType.module, named: [{ name: kind.pluginType.name, typeOnly: true }] });
  changed = kind.importSchemas(file, ops) || changed;
  const needsRepository = ops.some((op) => op.kind !== 'custom');
  if (ctx.input.spec.crud && (isNew || needsRepository)) {
    changed = importRepository(ctx, file, isNew) || changed;
  }
  container ??= kind.addPlugin(file);
  if (ctx.input.spec.crud && needsRepository && !isNew) {
    ensurePluginRepository(ctx, container);
  }
  changed = addRoutes(ctx, container, ops, fastifyResponses(ctx), { spaced: true, write: kind.write }) || changed;
  return finishFile(ctx, open, changed, true);
}
