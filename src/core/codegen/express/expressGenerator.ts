import { createGenerationContext, type GenerationContext } from '../shared/generationContext';
import { routeHandlerContract } from '../shared/handlerContract';
import { buildRepositoryFile } from '../shared/repositoryFile';
import { buildSchemaFile } from '../shared/schemaFile';
import { buildTestFile } from '../shared/testWriters/testFile';
import { buildValidationErrorFile } from '../shared/validationErrorFile';
import type { EndpointGenerator, GeneratedFile, GeneratorInput } from '../types';
import { buildAppRegistration, mountPath } from './appRegistration';
import { arrayRegistrationNotes } from './arrayRegistration';
import { readExpressLayout, type ExpressLayout } from './expressLayout';
import { addDocumentTests } from './documentTests';
import { readOpenApiRegistry } from './openApiRegistry';
import { addRegistryToDocument, addRegistryToRouter } from './registryWriter';
import { buildRouterFile, routerNames } from './routerFile';
import { neighbourUsesVitestGlobals, withoutVitestImport } from './runnerGlobals';
import { supertestDriver } from './supertestDriver';

/** The context with the layout's paths, and the base path the tests request (the site's prefix included). */
function layoutContext(base: GenerationContext, layout: ExpressLayout): GenerationContext {
  const prefix = `${layout.site.prefix}${layout.mountPrefix}`;
  const basePath = prefix !== '' && !base.names.basePath.startsWith(`${prefix}/`) ? `${prefix}${base.names.basePath}` : base.names.basePath;
  return { ...base, paths: layout.paths, names: { ...base.names, basePath } };
}

/**
 * Express 4 and 5: a router per resource with zod validation, the in-memory repository for CRUD,
 * registration where the project registers its routers, and supertest tests in the project's runner.
 * Files go where the nearest existing feature lives, named like it (see readExpressLayout).
 */
export const expressGenerator: EndpointGenerator = {
  framework: 'express',
  handlerContract: routeHandlerContract({
    handler: 'an Express route handler',
    inScope: 'Express\'s `req` and `res`',
    answer: '`res.status(CODE).json(VALUE)` (or `res.status(204).end()`)',
  }),
  generate(input: GeneratorInput): GeneratedFile[] {
    const base = createGenerationContext(input);
    const layout = readExpressLayout(base);
    const ctx = layoutContext(base, layout);
    const names = { ...routerNames(ctx), router: layout.routerExport, mergeParams: mountPath(ctx, layout).includes(':'), defaultExport: layout.neighbour?.mount.isDefaultImport === true };
    const registry = readOpenApiRegistry(ctx, layout);
    const router = buildRouterFile(ctx, names);
    const built = buildTestFile(ctx, supertestDriver(layout.app, input.options.importExtension, layout.testAppSpecifier));
    const tests = neighbourUsesVitestGlobals(ctx, layout.neighbour?.testFile) ? withoutVitestImport(ctx, built) : built;
    const files = [
      buildSchemaFile(ctx),
      buildValidationErrorFile(ctx),
      buildRepositoryFile(ctx),
      registry ? addRegistryToRouter(ctx, registry, router) : router,
      buildAppRegistration(ctx, layout),
      ...(registry ? [addRegistryToDocument(ctx, registry)] : []),
      registry?.documentUrl !== undefined ? addDocumentTests(ctx, layout.app, registry.documentUrl, tests) : tests,
    ];
    return files.filter((f): f is GeneratedFile => f !== undefined);
  },
  notes(input: GeneratorInput): readonly string[] {
    const base = createGenerationContext(input);
    const layout = readExpressLayout(base);
    return [...layout.notes, ...arrayRegistrationNotes(layoutContext(base, layout), layout)];
  },
};
