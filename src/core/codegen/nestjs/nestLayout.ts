import { posix } from 'node:path';
import { kebab } from '../../spec/naming';
import type { GenerationContext } from '../shared/generationContext';
import type { NamedSchema } from '../shared/operations';
import type { ProjectFiles } from '../types';

/** How requests are validated: DTO classes under a global ValidationPipe, or zod schemas in a pipe. */
export type NestValidation = 'class-validator' | 'zod';

/** Files and class names of a Nest feature module, all paths relative to the project root. */
export interface NestLayout {
  readonly validation: NestValidation;
  readonly rootModule: string;
  readonly moduleFile: string;
  readonly controllerFile: string;
  readonly serviceFile: string;
  readonly repositoryFile: string;
  /** Where the `Product` and `ProductInput` types are exported from. */
  readonly entityTypesFile: string;
  readonly dtoDir: string;
  readonly schemasFile: string;
  readonly validatorsFile: string;
  readonly validationErrorFile: string;
  readonly pipeFile: string;
  readonly testFile: string;
  readonly moduleClass: string;
  readonly controllerClass: string;
  readonly serviceClass: string;
  readonly serviceProperty: string;
  readonly repositoryToken: string;
}

function dependsOn(files: ProjectFiles, name: string): boolean {
  const text = files.read('package.json');
  if (text === undefined) {
    return false;
  }
  try {
    const pkg = JSON.parse(text) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    return pkg.dependencies?.[name] !== undefined || pkg.devDependencies?.[name] !== undefined;
  } catch {
    return false;
  }
}

/** class-validator when the project depends on it (Nest's documented style), zod otherwise. */
export function nestValidation(files: ProjectFiles): NestValidation {
  return dependsOn(files, 'class-validator') && dependsOn(files, 'class-transformer') ? 'class-validator' : 'zod';
}

/**
 * Nest's layout: `src/products/products.{module,controller,service,repository}.ts`, DTOs in
 * `src/products/dto/`, end-to-end tests in `test/products.e2e-spec.ts` (Nest keeps unit specs next
 * to the code and e2e specs in `test/`), the root module from the layout's `appFile`.
 */
export function nestLayout(ctx: GenerationContext): NestLayout {
  const { layout } = ctx.input.options;
  const { kebabPlural, Pascal, PluralPascal, plural } = ctx.names;
  const dir = posix.join(layout.routesDir, kebabPlural);
  const validation = nestValidation(ctx.input.files);
  const testsDir = layout.testsColocated ? 'test' : layout.testsDir;
  const suffix = layout.testSuffix === '.spec.ts' ? '.e2e-spec.ts' : '.e2e.test.ts';
  const schemasFile = posix.join(dir, `${kebabPlural}.schemas.ts`);
  return {
    validation,
    rootModule: layout.appFile ?? posix.join(layout.sourceDir, 'app.module.ts'),
    moduleFile: posix.join(dir, `${kebabPlural}.module.ts`),
    controllerFile: posix.join(dir, `${kebabPlural}.controller.ts`),
    serviceFile: posix.join(dir, `${kebabPlural}.service.ts`),
    repositoryFile: posix.join(dir, `${kebabPlural}.repository.ts`),
    entityTypesFile: validation === 'zod' ? schemasFile : posix.join(dir, 'entities', `${kebab(ctx.names.singular)}.entity.ts`),
    dtoDir: posix.join(dir, 'dto'),
    schemasFile,
    validatorsFile: posix.join(layout.sourceDir, 'common', 'json-schema.validators.ts'),
    validationErrorFile: posix.join(layout.sourceDir, 'common', 'validation-error.ts'),
    pipeFile: posix.join(layout.sourceDir, 'common', 'zod-validation.pipe.ts'),
    testFile: posix.join(testsDir, `${kebabPlural}${suffix}`),
    moduleClass: `${PluralPascal}Module`,
    controllerClass: `${PluralPascal}Controller`,
    serviceClass: `${PluralPascal}Service`,
    serviceProperty: `${plural}Service`,
    repositoryToken: `${kebab(Pascal).toUpperCase().replace(/-/g, '_')}_REPOSITORY`,
  };
}

/** The DTO class for a validated part: `CreateProductDto` for the CRUD entity, else `RegisterUserBodyDto`. */
export function dtoClassName(ctx: GenerationContext, named: NamedSchema): string {
  return named.name === `${ctx.names.Pascal}Schema` ? `Create${ctx.names.Pascal}Dto` : named.name.replace(/Schema$/, 'Dto');
}

/** `CreateProductDto` → `src/products/dto/create-product.dto.ts`. */
export function dtoFilePath(layout: NestLayout, className: string): string {
  return posix.join(layout.dtoDir, `${kebab(className.replace(/Dto$/, ''))}.dto.ts`);
}
