import { createGenerationContext } from '../shared/generationContext';
import { buildRepositoryFile } from '../shared/repositoryFile';
import { buildSchemaFile } from '../shared/schemaFile';
import { buildTestFile } from '../shared/tests/testFile';
import { buildValidationErrorFile } from '../shared/validationErrorFile';
import type { EndpointGenerator, GeneratedFile, GeneratorInput } from '../types';
import { buildAppRegistration } from './appRegistration';
import { buildRouterFile } from './routerFile';
import { supertestDriver } from './supertestDriver';

/**
 * Express 4 and 5: a router per resource with zod validation, the in-memory repository for CRUD,
 * registration in the app file, and supertest tests in the project's runner.
 */
export const expressGenerator: EndpointGenerator = {
  framework: 'express',
  handlerContract:
    'The body is the statements of an Express route handler that runs after validation. In scope: `params`, `query` and `body` ' +
    '(the validated, typed input), `repository` (the resource\'s repository, for CRUD resources: list/get/create/update/delete, all async), ' +
    'and Express\'s `req` and `res`. Answer with `res.status(CODE).json(VALUE)` (or `res.status(204).end()`); `await` is allowed. ' +
    'Do not validate again, do not import anything.',
  generate(input: GeneratorInput): GeneratedFile[] {
    const ctx = createGenerationContext(input);
    const registration = buildAppRegistration(ctx);
    const files = [
      buildSchemaFile(ctx),
      buildValidationErrorFile(ctx),
      buildRepositoryFile(ctx),
      buildRouterFile(ctx),
      registration.file,
      buildTestFile(ctx, supertestDriver(registration.app, input.options.importExtension)),
    ];
    return files.filter((f): f is GeneratedFile => f !== undefined);
  },
};
