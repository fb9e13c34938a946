import { RoutecraftError } from '../../errors';
import type { GenerationContext } from '../shared/generationContext';
import { buildRepositoryFile } from '../shared/repositoryFile';
import { buildSchemaFile } from '../shared/schemaFile';
import { buildTestFile } from '../shared/testWriters/testFile';
import type { GeneratedFile } from '../types';
import { buildFeatureRegistration } from './featureRegistration';
import { learnFeatureLayout } from './featureLayout';
import type { HonoAppModel } from './honoAppModel';
import { addOpenApiDocTests } from './openapiDocTests';
import { openApiDriver } from './openapiDriver';
import { featureContext, type OpenApiFeature } from './openapiFeature';
import { buildOpenApiHandlersFile } from './openapiHandlersFile';
import { buildOpenApiIndexFile } from './openapiIndexFile';
import { buildOpenApiRoutesFile, declaredPaths } from './openapiRoutesFile';
import { readValidationAnswer } from './validationAnswer';

/** Learns what an OpenAPIHono app's next feature looks like; throws a one-sentence RoutecraftError when it cannot. */
export function learnOpenApiFeature(ctx: GenerationContext, model: HonoAppModel): OpenApiFeature {
  const layout = learnFeatureLayout(ctx, model);
  if (!layout) {
    throw new RoutecraftError('invalid-input', `${model.path} builds an OpenAPIHono app, but none of the routers it mounts sits in a feature folder that splits \`createRoute\` definitions from handlers (like src/routes/tasks/tasks.index.ts, tasks.routes.ts, tasks.handlers.ts), so there is no neighbour to copy; nothing was written.`);
  }
  const validation = readValidationAnswer(ctx, layout);
  if (!validation) {
    throw new RoutecraftError('invalid-input', `Could not read which status the \`defaultHook\` used by ${layout.routerFactory.path ?? layout.neighbour.path} answers invalid input with, so the generated tests could not assert it; nothing was written.`);
  }
  return { model, layout, validation, mountPath: model.routesArray?.mountPath ?? ctx.names.basePath, routerName: ctx.names.plural };
}

/**
 * OpenAPIHono features: a folder beside the nearest feature (schemas with @hono/zod-openapi's `z`,
 * the in-memory repository, `createRoute` definitions, typed handlers, the router), registered like
 * the neighbour, and tests on the project's test app that also read the served OpenAPI document.
 */
export function generateOpenApiFeature(ctx: GenerationContext, model: HonoAppModel): GeneratedFile[] {
  const feature = learnOpenApiFeature(ctx, model);
  const fctx = featureContext(ctx, feature);
  const notImplemented = new Set(ctx.operations.filter((op) => op.kind === 'custom' && !(ctx.input.handlerBodies[op.operationId]?.trim())).map((op) => op.operationId));
  const routes = buildOpenApiRoutesFile(fctx, feature, notImplemented);
  const tests = buildTestFile(fctx, openApiDriver(fctx, feature));
  const files = [
    buildSchemaFile(fctx, '@hono/zod-openapi'),
    buildRepositoryFile(fctx),
    routes,
    buildOpenApiHandlersFile(fctx, feature),
    buildOpenApiIndexFile(fctx, feature, declaredPaths(fctx, feature, routes)),
    buildFeatureRegistration(fctx, feature),
    addOpenApiDocTests(fctx, feature, fctx.paths.test, tests),
  ];
  return files.filter((f): f is GeneratedFile => f !== undefined);
}
