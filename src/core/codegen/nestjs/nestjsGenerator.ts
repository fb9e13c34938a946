import { RoutecraftError } from '../../errors';
import { nestMainFile, readNestAppSetup, type NestAppSetup } from '../../project/nestAppSetup';
import { createGenerationContext, type GenerationContext } from '../shared/generationContext';
import { buildRepositoryFile } from '../shared/repositoryFile';
import { buildSchemaFile } from '../shared/schemaFile';
import { buildTestFile } from '../shared/testWriters/testFile';
import { buildValidationErrorFile } from '../shared/validationErrorFile';
import type { EndpointGenerator, GeneratedFile, GeneratorInput } from '../types';
import { buildValidatorsFile, buildZodPipeFile } from './commonFiles';
import { buildControllerFile } from './controllerFile';
import { buildDtoFiles, buildEntityFile, usesHelperDecorators } from './dtoFiles';
import { buildFeatureModuleFile, buildRootModuleRegistration } from './moduleFiles';
import { nestLayout, type NestLayout } from './nestLayout';
import { nestTestDriver } from './nestTestDriver';
import { buildServiceFile } from './serviceFile';
import { withSwaggerTest } from './swaggerTest';

/** The shared builders write to Nest's paths: schemas, repository and tests inside the feature. */
function withNestPaths(ctx: GenerationContext, layout: NestLayout): GenerationContext {
  return {
    ...ctx,
    paths: { ...ctx.paths, schemas: layout.entityTypesFile, repository: layout.repositoryFile, validationError: layout.validationErrorFile, test: layout.testFile },
  };
}

/** The app's global setup (main.ts, root module); class-validator DTOs need a global ValidationPipe to mean anything. */
function appSetup(ctx: GenerationContext, layout: NestLayout): NestAppSetup {
  const read = (path: string): string | undefined => ctx.input.files.read(path);
  const rootModule = ctx.input.options.layout.appFile ?? layout.rootModule;
  const setup = readNestAppSetup(read, nestMainFile(read, rootModule, ctx.input.options.layout.sourceDir), rootModule);
  if (layout.validation === 'class-validator' && !setup.validationPipe) {
    throw new RoutecraftError('invalid-input', 'This app validates with class-validator but registers no global ValidationPipe (main.ts useGlobalPipes or an APP_PIPE provider), so generated DTOs would not be checked: nothing was written.');
  }
  return setup;
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
    const setup = appSetup(ctx, layout);
    const testFile = buildTestFile({ ...ctx, failingCaseOptions: { implicitConversion: setup.implicitConversion } }, nestTestDriver(ctx, layout, setup));
    const files = [
      ...validationFiles(ctx, layout),
      buildRepositoryFile(ctx),
      buildServiceFile(ctx, layout),
      buildControllerFile(ctx, layout),
      buildFeatureModuleFile(ctx, layout),
      rootModule,
      layout.swagger ? withSwaggerTest(ctx, layout, setup, testFile) : testFile,
    ];
    return files.filter((f): f is GeneratedFile => f !== undefined);
  },
};
