import { createGenerationContext, type GenerationContext } from '../shared/generationContext';
import { buildRepositoryFile } from '../shared/repositoryFile';
import { buildSchemaFile } from '../shared/schemaFile';
import { buildTestFile } from '../shared/tests/testFile';
import { buildValidationErrorFile } from '../shared/validationErrorFile';
import type { EndpointGenerator, GeneratedFile, GeneratorInput } from '../types';
import { buildValidatorsFile, buildZodPipeFile } from './commonFiles';
import { buildControllerFile } from './controllerFile';
import { buildDtoFiles, buildEntityFile, usesHelperDecorators } from './dtoFiles';
import { buildFeatureModuleFile, buildRootModuleRegistration, findModuleClass } from './moduleFiles';
import { nestLayout, type NestLayout } from './nestLayout';
import { nestTestDriver } from './nestTestDriver';
import { buildServiceFile } from './serviceFile';

/** The shared builders write to Nest's paths: schemas, repository and tests inside the feature. */
function withNestPaths(ctx: GenerationContext, layout: NestLayout): GenerationContext {
  return {
    ...ctx,
    paths: { ...ctx.paths, schemas: layout.entityTypesFile, repository: layout.repositoryFile, validationError: layout.validationErrorFile, test: layout.testFile },
  };
}

function validationFiles(ctx: GenerationContext, layout: NestLayout): (GeneratedFile | undefined)[] {
  if (layout.validation === 'zod') {
    return [buildSchemaFile(ctx), buildValidationErrorFile(ctx), buildZodPipeFile(ctx, layout)];
  }
  return [...buildDtoFiles(ctx, layout), buildEntityFile(ctx, layout), usesHelperDecorators(ctx, layout) ? buildValidatorsFile(ctx, layout) : undefined];
}

/**
 * NestJS 10 and 11: a feature module per resource (module, controller, injectable service, the
 * in-memory repository behind a token for CRUD), registered once in the root module's `imports`.
 * Validation follows the project: class-validator DTOs under its global ValidationPipe, or zod
 * schemas in a ZodValidationPipe. Tests are e2e specs with `Test.createTestingModule` + supertest.
 */
export const nestjsGenerator: EndpointGenerator = {
  framework: 'nestjs',
  handlerContract:
    'The body is the statements of an async method of the resource\'s injectable Nest service; the controller calls it after validation ' +
    'and answers with the endpoint\'s success status. In scope: `params`, `query` and `body` (the validated, typed input, only the parts the ' +
    'endpoint has) and, for CRUD resources, `this.repository` (list/get/create/update/delete, all async). Answer with `return VALUE;` ' +
    '(the JSON body); for an error throw a Nest HTTP exception such as `throw new ConflictException(\'message\')` or ' +
    '`new NotFoundException(...)` (they are imported for you). `await` is allowed. Do not validate again, do not import anything.',
  generate(input: GeneratorInput): GeneratedFile[] {
    const base = createGenerationContext(input);
    const layout = nestLayout(base);
    const ctx = withNestPaths(base, layout);
    const rootModule = buildRootModuleRegistration(ctx, layout);
    const rootClass = findModuleClass(ctx.project.getSourceFileOrThrow(`/${layout.rootModule}`))?.getName() ?? 'AppModule';
    const files = [
      ...validationFiles(ctx, layout),
      buildRepositoryFile(ctx),
      buildServiceFile(ctx, layout),
      buildControllerFile(ctx, layout),
      buildFeatureModuleFile(ctx, layout),
      rootModule,
      buildTestFile(ctx, nestTestDriver(ctx, layout, rootClass)),
    ];
    return files.filter((f): f is GeneratedFile => f !== undefined);
  },
};
