import { createGenerationContext } from '../shared/generationContext';
import { routeHandlerContract } from '../shared/handlerContract';
import { appFilePath } from '../shared/projectApp';
import { buildRepositoryFile } from '../shared/repositoryFile';
import { buildSchemaFile } from '../shared/schemaFile';
import { buildTestFile } from '../shared/testWriters/testFile';
import { buildValidationErrorFile } from '../shared/validationErrorFile';
import type { EndpointGenerator, GeneratedFile, GeneratorInput } from '../types';
import { buildAppRegistration } from './appRegistration';
import { readHonoAppModel } from './honoAppModel';
import { mountPrefix, withMountPrefix } from './mountPrefix';
import { generateOpenApiFeature } from './openapiGenerator';
import { requestDriver } from './requestDriver';
import { buildRouteFile } from './routeFile';
import { findValidatorHook } from './validatorHook';

/**
 * Hono 4. OpenAPIHono apps (created directly or by a factory such as `createApp()`) get a feature
 * folder copied from the nearest one, validated and documented with `createRoute` (see
 * openapiGenerator.ts). Plain Hono apps: a sub-app per resource, validated with the project's `zValidator` hook when it has one
 * (else safeParse), the in-memory repository for CRUD, `app.route()` in the app file, and
 * `app.request()` tests in the project's runner.
 */
export const honoGenerator: EndpointGenerator = {
  framework: 'hono',
  handlerContract: routeHandlerContract({
    handler: 'an async Hono handler',
    inScope: 'Hono\'s context `c`',
    answer: '`return c.json(VALUE, CODE);` (or `return c.body(null, 204);`)',
  }),
  generate(input: GeneratorInput): GeneratedFile[] {
    const base = createGenerationContext(input);
    const model = readHonoAppModel(base);
    if (model?.openapi) {
      return generateOpenApiFeature(base, model);
    }
    const ctx = withMountPrefix(base, model ? mountPrefix(base, model.localName) : '');
    const hook = findValidatorHook(ctx, appFilePath(ctx));
    const registration = buildAppRegistration(ctx, model);
    const files = [
      buildSchemaFile(ctx),
      hook ? undefined : buildValidationErrorFile(ctx),
      buildRepositoryFile(ctx),
      buildRouteFile(ctx, hook),
      registration.file,
      buildTestFile(ctx, requestDriver(registration.app, input.options.importExtension, input.options.style)),
    ];
    return files.filter((f): f is GeneratedFile => f !== undefined);
  },
};
