import { posix } from 'node:path';
import { kebab } from '../../endpointSpec/naming';
import type { GenerationContext } from '../shared/generationContext';
import type { NamedSchema } from '../shared/operations';
import { asRecord } from '../../project/jsonc';
import { dependsOn, packageJsonOrUndefined, type PackageJsonInfo } from '../../project/packageJson';
import type { ProjectFiles } from '../types';
import { findNestNeighbour, type NestNeighbour } from '../../project/nestNeighbour';

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
  /** The nearest existing feature module, when the root module imports one. */
  readonly neighbour?: NestNeighbour;
  /** The project depends on `@nestjs/swagger`. */
  readonly swagger: boolean;
}

function packageJson(files: ProjectFiles): PackageJsonInfo | undefined {
  return packageJsonOrUndefined(files.read('package.json'));
}

/** class-validator when the project depends on it (Nest's documented style), zod otherwise. */
/** The jest config in package.json (`rootDir`, `roots`), as text; '' when none. */
function jestRoots(files: ProjectFiles): string {
  const jest = asRecord(packageJson(files)?.jest);
  if (!jest) {
    return '';
  }
  const roots = Array.isArray(jest.roots) ? jest.roots.filter((r): r is string => typeof r === 'string') : [];
  return [typeof jest.rootDir === 'string' ? jest.rootDir : '.', ...roots].join(' ');
}

/**
 * Where the resource's e2e test goes: the project's test folder when it keeps tests apart; with
 * colocated tests, `test/` when an e2e config (`test/jest-e2e.json`) or the jest roots cover it,
 * else beside the controller (`src/products/products.controller.spec.ts`), where the project's
 * own runner finds it.
 */
function testFilePath(ctx: GenerationContext, dir: string, suffix: string): string {
  const { layout } = ctx.input.options;
  const { kebabPlural } = ctx.names;
  if (!layout.testsColocated) {
    return posix.join(layout.testsDir, `${kebabPlural}${suffix}`);
  }
  const roots = jestRoots(ctx.input.files);
  const testCovered = ctx.input.files.exists('test/jest-e2e.json') || (roots !== '' && !/^src\b/.test(roots)) || /\/test\b/.test(roots);
  if (ctx.input.options.testRunner !== 'jest' || testCovered) {
    return posix.join('test', `${kebabPlural}${suffix}`);
  }
  return posix.join(dir, `${kebabPlural}.controller${layout.testSuffix}`);
}

export function nestValidation(files: ProjectFiles): NestValidation {
  const pkg = packageJson(files);
  return dependsOn(pkg, 'class-validator') && dependsOn(pkg, 'class-transformer') ? 'class-validator' : 'zod';
}

/**
 * Nest's layout: `src/products/products.{module,controller,service,repository}.ts`, DTOs in
 * `src/products/dto/`, end-to-end tests in `test/products.e2e-spec.ts` (Nest keeps unit specs next
 * to the code and e2e specs in `test/`), the root module from the layout's `appFile`.
 */
export function nestLayout(ctx: GenerationContext): NestLayout {
  const { layout } = ctx.input.options;
  const { kebabPlural, Pascal, PluralPascal, plural } = ctx.names;
  const rootModule = layout.appFile ?? posix.join(layout.sourceDir, 'app.module.ts');
  const neighbour = findNestNeighbour((path) => ctx.input.files.read(path), rootModule, `${kebabPlural}.module.ts`);
  const neighbourParent = neighbour && posix.dirname(neighbour.moduleFile) !== posix.dirname(neighbour.registrationModule)
    ? posix.dirname(posix.dirname(neighbour.moduleFile))
    : undefined;
  const dir = posix.join(neighbourParent ?? layout.routesDir, kebabPlural);
  const validation = nestValidation(ctx.input.files);
  const suffix = layout.testSuffix === '.spec.ts' ? '.e2e-spec.ts' : '.e2e.test.ts';
  const schemasFile = posix.join(dir, `${kebabPlural}.schemas.ts`);
  return {
    validation,
    rootModule: neighbour?.registrationModule ?? rootModule,
    moduleFile: posix.join(dir, `${kebabPlural}.module.ts`),
    controllerFile: posix.join(dir, `${kebabPlural}.controller.ts`),
    serviceFile: posix.join(dir, `${kebabPlural}.service.ts`),
    repositoryFile: posix.join(dir, `${kebabPlural}.repository.ts`),
    entityTypesFile: validation === 'zod' ? schemasFile : posix.join(dir, 'entities', `${kebab(ctx.names.singular)}.entity.ts`),
    dtoDir: posix.join(dir, neighbour?.dtoFolder ?? 'dto'),
    schemasFile,
    validatorsFile: posix.join(layout.sourceDir, 'common', 'json-schema.validators.ts'),
    validationErrorFile: posix.join(layout.sourceDir, 'common', 'validation-error.ts'),
    pipeFile: posix.join(layout.sourceDir, 'common', 'zod-validation.pipe.ts'),
    testFile: testFilePath(ctx, dir, suffix),
    moduleClass: `${PluralPascal}Module`,
    controllerClass: `${PluralPascal}Controller`,
    serviceClass: `${PluralPascal}Service`,
    serviceProperty: `${plural}Service`,
    repositoryToken: `${kebab(Pascal).toUpperCase().replace(/-/g, '_')}_REPOSITORY`,
    ...(neighbour ? { neighbour } : {}),
    swagger: dependsOn(packageJson(ctx.input.files), '@nestjs/swagger'),
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
