import { Scope, VariableDeclarationKind, type ClassDeclaration, type MethodDeclarationStructure, type OptionalKind } from 'ts-morph';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport, relativeModule } from '../shared/imports';
import { stringLiteral } from '../shared/literal';
import type { Operation } from '../shared/operations';
import { repositoryNames } from '../shared/repositoryFile';
import { finishFile, openFile } from '../shared/sourceFiles';
import type { GeneratedFile } from '../types';
import type { NestLayout } from './nestLayout';
import { nestParts, partImports } from './nestParts';
import { collapseEmptyBlocks, tidyNestFile } from './tidy';

/** Nest's HTTP exceptions (and HttpStatus) a handler body may throw; imported when the body names them. */
const NEST_EXCEPTIONS = [
  'BadRequestException', 'UnauthorizedException', 'ForbiddenException', 'NotFoundException', 'MethodNotAllowedException',
  'NotAcceptableException', 'RequestTimeoutException', 'ConflictException', 'GoneException', 'PreconditionFailedException',
  'PayloadTooLargeException', 'UnsupportedMediaTypeException', 'ImATeapotException', 'MisdirectedException',
  'UnprocessableEntityException', 'InternalServerErrorException', 'NotImplementedException', 'BadGatewayException',
  'ServiceUnavailableException', 'GatewayTimeoutException', 'HttpVersionNotSupportedException', 'HttpException', 'HttpStatus',
] as const;

/** The Nest names a piece of code mentions. */
export function mentionedNestNames(code: string): string[] {
  return NEST_EXCEPTIONS.filter((name) => new RegExp(`\\b${name}\\b`).test(code));
}

/** The 501 body of a custom operation whose logic was not given: clearly marked, never a fake success. */
export function notImplementedStatements(ctx: GenerationContext, op: Operation): string {
  return [
    `// TODO(routecraft): ${op.operationId} is not implemented yet; describe its logic and generate again, or write it here.`,
    `throw new NotImplementedException(${stringLiteral(`Not implemented: ${op.summary}`, ctx.input.options.style)});`,
  ].join('\n');
}

/** The statements of a custom operation's service method: the LLM's body or the 501. */
export function customStatements(ctx: GenerationContext, op: Operation): string {
  return ctx.input.handlerBodies[op.operationId]?.trim() || notImplementedStatements(ctx, op);
}

function crudMethods(ctx: GenerationContext): OptionalKind<MethodDeclarationStructure>[] {
  const crud = ctx.input.spec.crud;
  if (!crud) {
    return [];
  }
  const { Pascal } = ctx.names;
  const id = crud.idFormat === 'integer' ? 'number' : 'string';
  return [
    { name: 'list', returnType: `Promise<${Pascal}[]>`, statements: ['return this.repository.list();'] },
    { name: 'get', parameters: [{ name: 'id', type: id }], returnType: `Promise<${Pascal} | undefined>`, statements: ['return this.repository.get(id);'] },
    { name: 'create', parameters: [{ name: 'input', type: `${Pascal}Input` }], returnType: `Promise<${Pascal}>`, statements: ['return this.repository.create(input);'] },
    { name: 'update', parameters: [{ name: 'id', type: id }, { name: 'input', type: `${Pascal}Input` }], returnType: `Promise<${Pascal} | undefined>`, statements: ['return this.repository.update(id, input);'] },
    { name: 'delete', parameters: [{ name: 'id', type: id }], returnType: 'Promise<boolean>', statements: ['return this.repository.delete(id);'] },
  ];
}

function ensureRepository(ctx: GenerationContext, layout: NestLayout, cls: ClassDeclaration): boolean {
  if (!ctx.input.spec.crud || cls.getConstructors().length > 0) {
    return false;
  }
  const file = cls.getSourceFile();
  const { interfaceName } = repositoryNames(ctx);
  ensureImport(file, { moduleSpecifier: relativeModule(layout.serviceFile, layout.repositoryFile, ctx.input.options.importExtension), named: [{ name: interfaceName, typeOnly: true }] });
  if (!file.getVariableDeclaration(layout.repositoryToken)) {
    file.insertVariableStatement(cls.getChildIndex(), {
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [`The injection token of the ${ctx.names.plural} repository (an interface has no runtime token).`],
      declarations: [{ name: layout.repositoryToken, initializer: stringLiteral(layout.repositoryToken, ctx.input.options.style) }],
    });
  }
  cls.insertConstructor(0, {
    parameters: [{ name: 'repository', type: interfaceName, scope: Scope.Private, isReadonly: true, decorators: [{ name: 'Inject', arguments: [layout.repositoryToken] }] }],
  });
  return true;
}

/**
 * The resource's service (`products.service.ts`): CRUD through the injected repository, and one
 * method per custom operation holding its logic. Existing methods are left alone.
 */
export function buildServiceFile(ctx: GenerationContext, layout: NestLayout): GeneratedFile | undefined {
  const open = openFile(ctx, layout.serviceFile);
  const { file } = open;
  let cls = file.getClass(layout.serviceClass);
  const crud = crudMethods(ctx).filter((m) => !cls?.getMethod(m.name));
  const custom = ctx.operations.filter((op) => op.kind === 'custom' && !cls?.getMethod(op.operationId));
  if (cls && crud.length === 0 && custom.length === 0 && (!ctx.input.spec.crud || cls.getConstructors().length > 0)) {
    return undefined;
  }
  const ext = ctx.input.options.importExtension;
  const bodies = custom.map((op) => customStatements(ctx, op));
  const common = ['Injectable', ...(ctx.input.spec.crud ? ['Inject'] : []), ...mentionedNestNames(bodies.join('\n'))];
  ensureImport(file, { moduleSpecifier: '@nestjs/common', named: common.map((name) => ({ name })) });
  if (crud.length > 0) {
    const { Pascal } = ctx.names;
    ensureImport(file, { moduleSpecifier: relativeModule(layout.serviceFile, layout.entityTypesFile, ext), named: [{ name: Pascal, typeOnly: true }, { name: `${Pascal}Input`, typeOnly: true }] });
  }
  for (const spec of partImports(ctx, layout, layout.serviceFile, custom, false)) {
    ensureImport(file, spec);
  }
  cls ??= file.addClass({ name: layout.serviceClass, isExported: true, decorators: [{ name: 'Injectable', arguments: [] }] });
  ensureRepository(ctx, layout, cls);
  cls.addMethods(crud);
  for (const [i, op] of custom.entries()) {
    const method = cls.addMethod({
      name: op.operationId,
      isAsync: true,
      docs: [op.summary],
      parameters: nestParts(ctx, layout, op).map((p) => ({ name: p.key, type: p.type })),
    });
    method.addStatements(bodies[i]!);
  }
  tidyNestFile(file);
  const out = finishFile(ctx, open, true, true);
  return out && { ...out, after: collapseEmptyBlocks(out.after) };
}
