import type { GenerationContext } from '../shared/generationContext';
import { buildRepositoryFile } from '../shared/repositoryFile';
import { buildSchemaFile } from '../shared/schemaFile';
import { buildValidationErrorFile } from '../shared/validationErrorFile';
import type { GeneratedFile } from '../types';
import { buildJsonSchemaFile, jsonSchemaPlugin } from './jsonSchemaFile';
import { buildRoutesFile, ensureDefaultExport } from './routesFile';
import { buildSchemaRoutesFile, TYPEBOX_PLUGIN, type SchemaPlugin } from './schemaRoutesFile';
import { buildTypeboxSchemaFile } from './typeboxSchemaFile';
import { hasDependency, type FastifyValidation } from './validationDialect';
import { ZOD_PROVIDER_MODULE } from './zodTypeProvider';

/** What differs between Fastify's validation dialects, in one place. */
export interface FastifyDialect {
  readonly validation: FastifyValidation;
  /** Schema, validation and plugin files (`exportDefault` when autoload loads the plugin's folder). */
  routeFiles(ctx: GenerationContext, exportDefault: boolean): (GeneratedFile | undefined)[];
  /** Who answers invalid input: Fastify with ajv, Fastify with the zod compiler, or the handler. */
  readonly fastifyValidates: false | 'ajv' | 'zod';
  /** The module whose compilers a bare test app sets, as the project's app does. */
  readonly compilers?: string;
  /** Whether generated suites check the served OpenAPI document (`@fastify/swagger` reads the route schemas). */
  readonly documentsRoutes: boolean;
}

function zodProviderPlugin(docs: boolean): SchemaPlugin {
  return { typeName: 'FastifyPluginAsyncZod', module: ZOD_PROVIDER_MODULE, describe: 'zod schemas, checked by fastify-type-provider-zod', route: { docs } };
}

/**
 * The dialect of a validation: TypeBox and plain JSON Schema route schemas are checked by
 * Fastify's ajv (and documented by `@fastify/swagger`); zod route schemas by the compiler the app
 * registers from fastify-type-provider-zod; plain zod in the handler (safeParse) otherwise.
 */
export function fastifyDialect(ctx: GenerationContext, validation: FastifyValidation): FastifyDialect {
  const swagger = hasDependency(ctx.input.files, '@fastify/swagger');
  switch (validation.kind) {
    case 'typebox':
      return {
        validation, fastifyValidates: 'ajv', documentsRoutes: swagger,
        routeFiles: (c, exportDefault) => [buildTypeboxSchemaFile(c, validation.typeboxModule), buildRepositoryFile(c), buildSchemaRoutesFile(c, exportDefault, TYPEBOX_PLUGIN)],
      };
    case 'json-schema':
      return {
        validation, fastifyValidates: 'ajv', documentsRoutes: swagger,
        routeFiles: (c, exportDefault) => [buildJsonSchemaFile(c), buildRepositoryFile(c), buildSchemaRoutesFile(c, exportDefault, jsonSchemaPlugin(c, swagger))],
      };
    case 'zod-provider':
      return {
        validation, fastifyValidates: 'zod', compilers: ZOD_PROVIDER_MODULE, documentsRoutes: false,
        routeFiles: (c, exportDefault) => [buildSchemaFile(c), buildRepositoryFile(c), buildSchemaRoutesFile(c, exportDefault, zodProviderPlugin(swagger))],
      };
    case 'zod':
      return {
        validation, fastifyValidates: false, documentsRoutes: false,
        routeFiles: (c, exportDefault) => {
          const routes = buildRoutesFile(c);
          return [buildSchemaFile(c), buildValidationErrorFile(c), buildRepositoryFile(c), exportDefault ? ensureDefaultExport(c, routes) : routes];
        },
      };
  }
}
