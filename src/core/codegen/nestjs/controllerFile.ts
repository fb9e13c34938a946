import { Node, Scope, type ClassDeclaration } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport, relativeModule } from '../shared/imports';
import { stringLiteral } from '../shared/literal';
import type { Operation } from '../shared/operations';
import { finishFile, openFile } from '../shared/sourceFiles';
import { packageJsonOrUndefined } from '../../project/packageJson';
import type { GeneratedFile } from '../types';
import { controllerCommonNames, controllerMethod, nestRoutePath, routeDecoratorName, type NestPlatform } from './controllerMethod';
import type { NestLayout } from './nestLayout';
import { partImports } from './nestParts';
import { collapseEmptyBlocks, tidyNestFile } from './tidy';

const ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);

/** The routes the class already serves: `Get :id` per method, with the method's index among members. */
function existingRoutes(cls: ClassDeclaration): { key: string; path: string; index: number }[] {
  const routes: { key: string; path: string; index: number }[] = [];
  for (const method of cls.getMethods()) {
    for (const decorator of method.getDecorators()) {
      if (!ROUTE_DECORATORS.has(decorator.getName())) {
        continue;
      }
      const arg = decorator.getArguments()[0];
      const path = arg && Node.isStringLiteral(arg) ? arg.getLiteralValue().replace(/^\/+/, '') : '';
      routes.push({ key: `${decorator.getName()} ${path}`, path, index: method.getChildIndex() });
    }
  }
  return routes;
}

function routeKey(op: Operation): string {
  return `${routeDecoratorName(op.method)} ${nestRoutePath(op.subPath)}`;
}

/** Express matches routes in declaration order: a static path goes before a parameterised one (`search` before `:id`). */
function insertIndex(cls: ClassDeclaration, op: Operation): number {
  const members = cls.getMembers().length;
  if (nestRoutePath(op.subPath).includes(':')) {
    return members;
  }
  const firstParam = existingRoutes(cls).find((r) => r.path.includes(':'));
  return firstParam ? cls.getMembers().findIndex((m) => m.getChildIndex() === firstParam.index) : members;
}

/** `@Controller('products')`, or `@Controller({ path, version })` and `@ApiTags` as the neighbouring controller has them. */
function controllerDecorators(ctx: GenerationContext, layout: NestLayout): { name: string; arguments: string[] }[] {
  const q = (text: string): string => stringLiteral(text, ctx.input.options.style);
  const path = q(ctx.names.basePath.replace(/^\/+/, ''));
  const version = layout.neighbour?.controllerVersion;
  const decorators = [{ name: 'Controller', arguments: [version === undefined ? path : `{ path: ${path}, version: ${q(version)} }`] }];
  if (layout.swagger && layout.neighbour?.apiTags === true) {
    decorators.unshift({ name: 'ApiTags', arguments: [q(ctx.names.PluralPascal)] });
  }
  return decorators;
}

/** `@nestjs/platform-fastify` when the project depends on it, else Express. */
export function nestPlatform(ctx: GenerationContext): NestPlatform {
  return packageJsonOrUndefined(ctx.input.files.read('package.json'))?.dependencies.has('@nestjs/platform-fastify') ? 'fastify' : 'express';
}

/**
 * The resource's controller (`products.controller.ts`, `@Controller('products')`): one method per
 * operation, named after its operationId. Routes that exist (same verb and path) or methods of the
 * same name are left alone, so re-running changes nothing and a second endpoint adds one method.
 */
export function buildControllerFile(ctx: GenerationContext, layout: NestLayout): GeneratedFile | undefined {
  const open = openFile(ctx, layout.controllerFile);
  const { file } = open;
  const existing = file.getClass(layout.controllerClass);
  const have = new Set(existing ? existingRoutes(existing).map((r) => r.key) : []);
  const ops = ctx.operations.filter((op) => !have.has(routeKey(op)) && !existing?.getMethod(op.operationId));
  if (existing && ops.length === 0) {
    return undefined;
  }
  const ext = ctx.input.options.importExtension;
  const platform = nestPlatform(ctx);
  const common = ['Controller', ...ops.flatMap((op) => controllerCommonNames(ctx, layout, op))];
  ensureImport(file, { moduleSpecifier: '@nestjs/common', named: [...new Set(common)].map((name) => ({ name })) });
  if (ops.some((op) => op.kind === 'create')) {
    ensureImport(file, platform === 'fastify'
      ? { moduleSpecifier: 'fastify', named: [{ name: 'FastifyReply', typeOnly: true }] }
      : { moduleSpecifier: 'express', named: [{ name: 'Response', typeOnly: true }] });
  }
  for (const spec of partImports(ctx, layout, layout.controllerFile, ops, true)) {
    ensureImport(file, spec);
  }
  if (ops.some((op) => op.kind !== 'custom')) {
    ensureImport(file, { moduleSpecifier: relativeModule(layout.controllerFile, layout.entityTypesFile, ext), named: [{ name: ctx.names.Pascal, typeOnly: true }] });
  }
  ensureImport(file, { moduleSpecifier: relativeModule(layout.controllerFile, layout.serviceFile, ext), named: [{ name: layout.serviceClass }] });
  if (!existing && layout.swagger && layout.neighbour?.apiTags === true) {
    ensureImport(file, { moduleSpecifier: '@nestjs/swagger', named: [{ name: 'ApiTags' }] });
  }
  const cls = existing ?? file.addClass({
    name: layout.controllerClass,
    isExported: true,
    decorators: controllerDecorators(ctx, layout),
    ctors: [{ parameters: [{ name: layout.serviceProperty, type: layout.serviceClass, scope: Scope.Private, isReadonly: true }] }],
  });
  for (const op of ops) {
    cls.insertMethod(insertIndex(cls, op), controllerMethod(ctx, layout, op, platform));
  }
  tidyNestFile(file);
  const out = finishFile(ctx, open, true, true);
  return out && { ...out, after: collapseEmptyBlocks(out.after) };
}
