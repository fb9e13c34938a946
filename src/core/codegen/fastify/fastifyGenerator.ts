import { createGenerationContext } from '../shared/generationContext';
import { buildRepositoryFile } from '../shared/repositoryFile';
import { buildSchemaFile } from '../shared/schemaFile';
import { buildTestFile } from '../shared/tests/testFile';
import { buildValidationErrorFile } from '../shared/validationErrorFile';
import type { EndpointGenerator, GeneratedFile, GeneratorInput } from '../types';
import { buildAppRegistration } from './appRegistration';
import { injectDriver } from './injectDriver';
import { buildRoutesFile } from './routesFile';

/**
 * Fastify 4 and 5: a plugin per resource with zod validation (safeParse, one 400 listing every
 * issue), the in-memory repository for CRUD, registration with a prefix in the app file, and
 * `app.inject()` tests in the project's runner.
 */
export const fastifyGenerator: EndpointGenerator = {
  framework: 'fastify',
  handlerContract:
    'The body is the statements of an async Fastify route handler that runs after validation. In scope: `params`, `query` and `body` ' +
    '(the validated, typed input), `repository` (the resource\'s repository, for CRUD resources: list/get/create/update/delete, all async), ' +
    'and Fastify\'s `request` and `reply`. Answer with `return reply.code(CODE).send(VALUE);` (or `return reply.code(204).send();`); ' +
    '`await` is allowed. Do not validate again, do not import anything.',
  generate(input: GeneratorInput): GeneratedFile[] {
    const ctx = createGenerationContext(input);
    const registration = buildAppRegistration(ctx);
    const files = [
      buildSchemaFile(ctx),
      buildValidationErrorFile(ctx),
      buildRepositoryFile(ctx),
      buildRoutesFile(ctx),
      registration.file,
      buildTestFile(ctx, injectDriver(registration.app, input.options.importExtension, input.options.style)),
    ];
    return files.filter((f): f is GeneratedFile => f !== undefined);
  },
};
