import { RoutecraftError } from '../../errors';
import type { GenerationContext } from '../shared/generationContext';
import { ensureImport, relativeModule } from '../shared/imports';
import { operationSchemas } from '../shared/schemaFile';
import { finishFile, openFile } from '../shared/sourceFiles';
import { schemaType } from '../shared/zodExpression';
import type { GeneratedFile } from '../types';
import { decoratorStructure, dtoClasses, type DecoratorSource, type DtoClass } from './classValidatorRules';
import { dtoClassName, dtoFilePath, type NestLayout } from './nestLayout';
import { tidyNestFile } from './tidy';

/** Whether the project's tsconfig lets class properties go without an initializer (Nest's default). */
function relaxedPropertyInitialization(ctx: GenerationContext): boolean {
  const tsconfig = ctx.input.files.read('tsconfig.json') ?? '';
  return /"strictPropertyInitialization"\s*:\s*false/.test(tsconfig) || !/"strict(?:PropertyInitialization)?"\s*:\s*true/.test(tsconfig);
}

function moduleOf(ctx: GenerationContext, layout: NestLayout, from: DecoratorSource, file: string): string {
  return from === 'helpers' ? relativeModule(file, layout.validatorsFile, ctx.input.options.importExtension) : from;
}

const SWAGGER_SCALARS: Readonly<Record<string, string>> = { string: 'String', number: 'Number', boolean: 'Boolean' };

/** `@ApiProperty()` / `@ApiPropertyOptional()` first, as the neighbouring DTOs document their properties. */
function withApiProperty(c: DtoClass): DtoClass {
  return {
    ...c,
    properties: c.properties.map((p) => {
      const item = p.type.endsWith('[]') ? p.type.slice(0, -2) : undefined;
      let args: string[] = [];
      if (item !== undefined && SWAGGER_SCALARS[item] !== undefined) {
        args = [`{ type: [${SWAGGER_SCALARS[item]}] }`];
      } else if (item !== undefined && /^[A-Z]\w*$/.test(item)) {
        args = [`{ type: () => [${item}] }`];
      } else if (item !== undefined) {
        args = ['{ isArray: true }'];
      }
      return { ...p, decorators: [{ name: p.optional ? 'ApiPropertyOptional' : 'ApiProperty', args, from: '@nestjs/swagger' as const }, ...p.decorators] };
    }),
  };
}

function buildDtoFile(ctx: GenerationContext, layout: NestLayout, classes: readonly DtoClass[], path: string): GeneratedFile | undefined {
  const open = openFile(ctx, path);
  const { file } = open;
  const missing = classes.filter((c) => !file.getClass(c.name));
  if (missing.length === 0) {
    return undefined;
  }
  const documented = layout.swagger && layout.neighbour?.apiProperty === true ? missing.map(withApiProperty) : missing;
  const bySource = new Map<string, Set<string>>();
  for (const d of documented.flatMap((c) => c.properties.flatMap((p) => p.decorators))) {
    const moduleName = moduleOf(ctx, layout, d.from, path);
    bySource.set(moduleName, (bySource.get(moduleName) ?? new Set()).add(d.name));
  }
  const order = (specifier: string): string => `${specifier.startsWith('.') ? '1' : '0'}${specifier}`;
  for (const [moduleSpecifier, names] of [...bySource.entries()].sort(([a], [b]) => order(a).localeCompare(order(b)))) {
    ensureImport(file, { moduleSpecifier, named: [...names].sort().map((name) => ({ name })) });
  }
  const relaxed = relaxedPropertyInitialization(ctx);
  for (const c of documented) {
    file.addClass({
      name: c.name,
      isExported: true,
      properties: c.properties.map((p) => ({
        name: p.name,
        type: p.type,
        hasQuestionToken: p.optional,
        hasExclamationToken: !p.optional && p.initializer === undefined && !relaxed,
        ...(p.initializer !== undefined ? { initializer: p.initializer } : {}),
        decorators: p.decorators.map(decoratorStructure),
      })),
    });
  }
  tidyNestFile(file);
  return finishFile(ctx, open, true, true);
}

/** Every DTO class the resource's operations validate with, grouped by file: `dto/create-product.dto.ts`. */
export function dtoDeclarations(ctx: GenerationContext, layout: NestLayout): { readonly path: string; readonly className: string; readonly classes: DtoClass[] }[] {
  return operationSchemas(ctx).map(({ named, coerce }) => {
    if ((schemaType(named.schema) ?? 'object') !== 'object' || !named.schema.properties) {
      throw new RoutecraftError('invalid-input', `${named.name} is not an object schema: class-validator DTOs validate objects only. Wrap the value in an object property in the spec.`);
    }
    const className = dtoClassName(ctx, named);
    return { path: dtoFilePath(layout, className), className, classes: dtoClasses(className, named.schema, ctx.input.options.style, coerce) };
  });
}

/** The DTO files (one per validated part, nested classes first); existing classes are left alone. */
export function buildDtoFiles(ctx: GenerationContext, layout: NestLayout): (GeneratedFile | undefined)[] {
  return dtoDeclarations(ctx, layout).map((d) => buildDtoFile(ctx, layout, d.classes, d.path));
}

/** Whether the DTOs use a helper decorator (exclusive bounds, multipleOf). */
export function usesHelperDecorators(ctx: GenerationContext, layout: NestLayout): boolean {
  return dtoDeclarations(ctx, layout).some((d) => d.classes.some((c) => c.properties.some((p) => p.decorators.some((dec) => dec.from === 'helpers'))));
}

/** `entities/product.entity.ts`: the `ProductInput` and `Product` types the repository stores (CRUD only). */
export function buildEntityFile(ctx: GenerationContext, layout: NestLayout): GeneratedFile | undefined {
  const crud = ctx.input.spec.crud;
  if (!crud) {
    return undefined;
  }
  const { Pascal } = ctx.names;
  const open = openFile(ctx, layout.entityTypesFile);
  const { file } = open;
  const dto = `Create${Pascal}Dto`;
  let changed = ensureImport(file, { moduleSpecifier: relativeModule(layout.entityTypesFile, dtoFilePath(layout, dto), ctx.input.options.importExtension), named: [{ name: dto, typeOnly: true }] });
  if (!file.getTypeAlias(`${Pascal}Input`)) {
    file.addTypeAlias({ isExported: true, name: `${Pascal}Input`, type: dto, docs: [`What a client sends to create or replace a ${ctx.names.singular}.`] });
    changed = true;
  }
  if (!file.getTypeAlias(Pascal)) {
    const idType = crud.idFormat === 'integer' ? 'number' : 'string';
    file.addTypeAlias({ isExported: true, name: Pascal, type: `${Pascal}Input & { ${crud.idField}: ${idType} }`, docs: [`A stored ${ctx.names.singular}.`] });
    changed = true;
  }
  return finishFile(ctx, open, changed, true);
}
