import type { MethodDeclarationStructure, OptionalKind, ParameterDeclarationStructure } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import type { Operation } from '../shared/operations';
import type { NestLayout } from './nestLayout';
import { nestParts } from './nestParts';

/** `/{id}/discount` → `:id/discount`; `/` → `''` (the controller's own path). */
export function nestRoutePath(subPath: string): string {
  return subPath.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, ':$1').replace(/^\/+/, '');
}

/** `Get`, `Post`, … */
export function routeDecoratorName(method: Operation['method']): string {
  return method.charAt(0) + method.slice(1).toLowerCase();
}

/** The HTTP status Nest answers without `@HttpCode`: 201 for POST, 200 otherwise. */
function defaultStatus(method: Operation['method']): number {
  return method === 'POST' ? 201 : 200;
}

/** Which Nest HTTP platform the project runs on (its reply object differs). */
export type NestPlatform = 'express' | 'fastify';

function crudStatements(ctx: GenerationContext, layout: NestLayout, op: Operation, platform: NestPlatform): { statements: string[]; returnType: string } {
  const idField = ctx.input.spec.crud?.idField ?? 'id';
  const { Pascal } = ctx.names;
  const service = `this.${layout.serviceProperty}`;
  const notFound = `throw new NotFoundException(\`${Pascal} \${String(params.${idField})} not found\`);`;
  const orNotFound = (): string => `if (!item) {\n${notFound}\n}`;
  switch (op.kind) {
    case 'list':
      return { statements: [`return ${service}.list();`], returnType: `Promise<${Pascal}[]>` };
    case 'get':
      return { statements: [`const item = await ${service}.get(params.${idField});`, orNotFound(), 'return item;'], returnType: `Promise<${Pascal}>` };
    case 'create': {
      const location = `\`${ctx.names.basePath}/\${String(item.${idField})}\``;
      return {
        statements: [`const item = await ${service}.create(body);`, platform === 'fastify' ? `res.header('Location', ${location});` : `res.location(${location});`, 'return item;'],
        returnType: `Promise<${Pascal}>`,
      };
    }
    case 'update':
      return { statements: [`const item = await ${service}.update(params.${idField}, body);`, orNotFound(), 'return item;'], returnType: `Promise<${Pascal}>` };
    case 'delete':
      return { statements: [`if (!(await ${service}.delete(params.${idField}))) {\n${notFound}\n}`], returnType: 'Promise<void>' };
    case 'custom':
      return { statements: [], returnType: '' };
  }
}

/**
 * A controller method for one operation: the route decorator, `@HttpCode` when the status is not
 * Nest's default, the validated parts as decorated parameters, then the CRUD code (404 through
 * NotFoundException, 201 + Location through the passthrough response) or a call to the service's
 * custom method.
 */
export function controllerMethod(ctx: GenerationContext, layout: NestLayout, op: Operation, platform: NestPlatform): OptionalKind<MethodDeclarationStructure> {
  const q = ctx.input.options.style.quote === 'single' ? '\'' : '"';
  const path = nestRoutePath(op.subPath);
  const decorators = [{ name: routeDecoratorName(op.method), arguments: path === '' ? [] : [`${q}${path}${q}`] }];
  if (op.successStatus !== defaultStatus(op.method)) {
    decorators.push({ name: 'HttpCode', arguments: [String(op.successStatus)] });
  }
  const parts = nestParts(ctx, layout, op).filter((p) => op.kind !== 'create' || p.key !== 'params');
  const parameters: OptionalKind<ParameterDeclarationStructure>[] = parts.map((p) => ({
    name: p.key,
    type: p.type,
    decorators: [{ name: p.decorator, arguments: [...p.decoratorArgs] }],
  }));
  if (op.kind === 'create') {
    parameters.push({ name: 'res', type: platform === 'fastify' ? 'FastifyReply' : 'Response', decorators: [{ name: 'Res', arguments: ['{ passthrough: true }'] }] });
  }
  if (op.kind === 'custom') {
    return {
      name: op.operationId,
      decorators,
      parameters,
      statements: [`return this.${layout.serviceProperty}.${op.operationId}(${parts.map((p) => p.key).join(', ')});`],
    };
  }
  const { statements, returnType } = crudStatements(ctx, layout, op, platform);
  return { name: op.operationId, isAsync: op.kind !== 'list', decorators, parameters, returnType, statements };
}

/** The `@nestjs/common` names a controller method uses. */
export function controllerCommonNames(ctx: GenerationContext, layout: NestLayout, op: Operation): string[] {
  const names = [routeDecoratorName(op.method), ...nestParts(ctx, layout, op).map((p) => p.decorator)];
  if (op.successStatus !== defaultStatus(op.method)) {
    names.push('HttpCode');
  }
  if (op.kind === 'get' || op.kind === 'update' || op.kind === 'delete') {
    names.push('NotFoundException');
  }
  if (op.kind === 'create') {
    names.push('Res');
  }
  return names.filter((n) => !(op.kind === 'create' && n === 'Param'));
}
