import { Node } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport, relativeModule } from '../shared/imports';
import { repositoryNames } from '../shared/repositoryFile';
import { crudStatements, customBody } from '../shared/responseDialect';
import { ensureModuleRepository } from '../shared/routeModule';
import { finishFile, openFile } from '../shared/sourceFiles';
import type { GeneratedFile } from '../types';
import type { OpenApiFeature } from './openapiFeature';
import { routeTypeName } from './openapiRoutesFile';
import { moduleSpecifierLike } from '../shared/projectModules';
import { honoResponses, writeValidatedReads } from './routeHandler';

/**
 * The feature's handlers (`gadgets.handlers.ts`), typed like the neighbour's (`AppRouteHandler<R>`,
 * else @hono/zod-openapi's `RouteHandler<R>`), reading validated input with `c.req.valid(...)`.
 * CRUD handlers use the in-memory repository; custom ones get the LLM's body or a 501 with a TODO.
 */
export function buildOpenApiHandlersFile(ctx: GenerationContext, feature: OpenApiFeature): GeneratedFile | undefined {
  const { layout } = feature;
  const open = openFile(ctx, layout.handlers);
  const { file } = open;
  const ops = ctx.operations.filter((op) => !file.getVariableDeclaration(op.operationId));
  if (ops.length === 0) {
    return undefined;
  }
  const ext = ctx.input.options.importExtension;
  const type = layout.handlerType;
  const typeName = type?.name ?? 'RouteHandler';
  if (type?.path !== undefined) {
    ensureImport(file, { moduleSpecifier: moduleSpecifierLike(ctx, layout.handlers, type.path, type.specifier), named: [{ name: type.name, typeOnly: true }] });
  } else {
    ensureImport(file, { moduleSpecifier: type?.specifier ?? '@hono/zod-openapi', named: [{ name: typeName, typeOnly: true }] });
  }
  ensureImport(file, { moduleSpecifier: relativeModule(layout.handlers, layout.routes, ext), named: ops.map((op) => ({ name: routeTypeName(op), typeOnly: true })) });
  if (ctx.input.spec.crud && ops.some((op) => op.kind !== 'custom') && !file.getVariableDeclaration('repository')) {
    const { interfaceName, className } = repositoryNames(ctx);
    ensureImport(file, { moduleSpecifier: relativeModule(layout.handlers, layout.repository, ext), named: [{ name: className }, { name: interfaceName, typeOnly: true }] });
    ensureModuleRepository(ctx, file);
  }
  const dialect = honoResponses(ctx);
  for (const op of ops) {
    const body = customBody(ctx, op, dialect);
    file.addStatements((w) => {
      w.write(`export const ${op.operationId}: ${typeName}<${routeTypeName(op)}> = async (c) => `).inlineBlock(() => {
        writeValidatedReads(ctx, op, body, w);
        crudStatements(ctx, op, dialect, 'c', w);
      }).write(';');
    });
    const fn = file.getVariableDeclarationOrThrow(op.operationId).getInitializer();
    const block = fn && Node.isArrowFunction(fn) ? fn.getBody() : undefined;
    if (op.kind === 'custom' && block && Node.isBlock(block)) {
      block.addStatements(body);
    }
  }
  return finishFile(ctx, open, true, true);
}
