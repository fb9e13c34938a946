import { RoutecraftError } from '../../errors';
import { createGenerationContext, type GenerationContext } from '../shared/generationContext';
import { buildRepositoryFile } from '../shared/repositoryFile';
import { buildSchemaFile } from '../shared/schemaFile';
import { buildTestFile } from '../shared/tests/testFile';
import type { HttpTestDriver } from '../shared/tests/httpTestDriver';
import { buildValidationErrorFile } from '../shared/validationErrorFile';
import type { EndpointGenerator, GeneratedFile, GeneratorInput } from '../types';
import { buildAppRegistration } from './appRegistration';
import { findAutoloadLayout, type AutoloadLayout } from './autoloadRoutes';
import { appFilePath } from './fastifyApp';
import { autoloadPlacement } from './fastifyLayout';
import { fastifyTestDriver, withFastifyValidation, type SuiteApp } from './fastifyTestDriver';
import { injectDriver } from './injectDriver';
import { withOpenApiTest } from './openApiTest';
import { projectSources, type ProjectSources } from './projectSources';
import { buildRoutesFile, ensureDefaultExport, pluginName } from './routesFile';
import { externalServiceReason, findTestHelper } from './testBoot';
import { buildTypeboxRoutesFile } from './typeboxRoutesFile';
import { buildTypeboxSchemaFile } from './typeboxSchemaFile';
import { fastifyValidation, hasDependency, type FastifyValidation } from './validationDialect';

/** Schema, validation and plugin files in the project's validation dialect. */
function routeFiles(ctx: GenerationContext, validation: FastifyValidation, exportDefault: boolean): (GeneratedFile | undefined)[] {
  if (validation.kind === 'typebox') {
    return [buildTypeboxSchemaFile(ctx, validation.typeboxModule), buildRepositoryFile(ctx), buildTypeboxRoutesFile(ctx, exportDefault)];
  }
  const routes = buildRoutesFile(ctx);
  return [buildSchemaFile(ctx), buildValidationErrorFile(ctx), buildRepositoryFile(ctx), exportDefault ? ensureDefaultExport(ctx, routes) : routes];
}

/** The project's helper when the app boots without services; else a bare Fastify with the plugin, saying why. */
function suiteApp(ctx: GenerationContext, sources: ProjectSources, appFiles: readonly string[], pluginDirs: readonly string[], prefix: string, exportDefault: boolean): { app: SuiteApp | undefined; reason?: string } {
  const reason = externalServiceReason(sources, appFiles, pluginDirs);
  const helper = findTestHelper(sources, ctx.input.options.layout.testsDir);
  if (!reason && helper) {
    return { app: { kind: 'helper', helper } };
  }
  if (!reason && !exportDefault) {
    return { app: undefined };
  }
  const swagger = hasDependency(ctx.input.files, '@fastify/swagger');
  return { app: { kind: 'bare', plugin: { path: ctx.paths.router, name: pluginName(ctx), exportDefault }, prefix, swagger }, ...(reason ? { reason } : {}) };
}

function testFiles(ctx: GenerationContext, driver: HttpTestDriver, openApi: { suite: string; urlBase: string } | undefined): GeneratedFile | undefined {
  const file = buildTestFile(ctx, driver);
  return openApi ? withOpenApiTest(ctx, file, openApi.suite, openApi.urlBase) : file;
}

function generateAutoload(ctx0: GenerationContext, sources: ProjectSources, validation: FastifyValidation, autoload: AutoloadLayout): GeneratedFile[] {
  const placement = autoloadPlacement(ctx0, sources, autoload);
  const ctx: GenerationContext = { ...ctx0, paths: { ...ctx0.paths, router: placement.router, test: placement.test } };
  const { app, reason } = suiteApp(ctx, sources, [autoload.appPath], autoload.pluginDirs, placement.urlBase, true);
  const typebox = validation.kind === 'typebox';
  const swagger = typebox && hasDependency(ctx.input.files, '@fastify/swagger');
  const driver = fastifyTestDriver(app!, { importExtension: ctx.input.options.importExtension, style: ctx.input.options.style, fastifyValidates: typebox, ...(reason ? { note: reason } : {}) });
  // Tests request the URL autoload serves the folder under (`/api` + `/gadgets`).
  const testCtx: GenerationContext = { ...ctx, names: { ...ctx.names, basePath: placement.urlBase } };
  const files = [...routeFiles(ctx, validation, true), testFiles(testCtx, driver, swagger ? { suite: placement.urlBase, urlBase: placement.urlBase } : undefined)];
  return files.filter((f): f is GeneratedFile => f !== undefined);
}

function generateRegistered(ctx: GenerationContext, sources: ProjectSources, validation: FastifyValidation): GeneratedFile[] {
  const registration = buildAppRegistration(ctx);
  const typebox = validation.kind === 'typebox';
  const { app, reason } = suiteApp(ctx, sources, [registration.app.path], [], ctx.names.basePath, false);
  const options = { importExtension: ctx.input.options.importExtension, style: ctx.input.options.style, fastifyValidates: typebox, ...(reason ? { note: reason } : {}) };
  const base = app ? fastifyTestDriver(app, options) : injectDriver(registration.app, options.importExtension, options.style);
  const driver = typebox && !app ? withFastifyValidation(base, options.style) : base;
  const swagger = typebox && app !== undefined && hasDependency(ctx.input.files, '@fastify/swagger');
  const files = [...routeFiles(ctx, validation, false), registration.file, testFiles(ctx, driver, swagger ? { suite: ctx.names.basePath, urlBase: ctx.names.basePath } : undefined)];
  return files.filter((f): f is GeneratedFile => f !== undefined);
}

/**
 * Fastify 4 and 5, learned from the project: an app that loads `routes/` with `@fastify/autoload`
 * gets a new route folder (no registration edit); otherwise the plugin is registered with a prefix
 * in the app file. Validation in the project's dialect (TypeBox route schemas with the TypeBox
 * type provider, else zod safeParse), the in-memory repository for CRUD, and `app.inject()` tests
 * through the project's test helper, or on a bare Fastify when the app needs a database to boot.
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
    const sources = projectSources(input.files);
    const validation = fastifyValidation(input.files);
    const autoload = findAutoloadLayout(sources, appFilePath(ctx));
    if (typeof autoload === 'string') {
      throw new RoutecraftError('invalid-input', `Cannot tell where @fastify/autoload loads routes from: ${autoload}.`);
    }
    return autoload ? generateAutoload(ctx, sources, validation, autoload) : generateRegistered(ctx, sources, validation);
  },
  contextFiles(input: GeneratorInput): readonly string[] {
    // Autoloaded plugins (`@fastify/swagger`'s schema keys, decorators) and the test helper are in
    // the project's program without being imported by the new files.
    const ctx = createGenerationContext(input);
    const sources = projectSources(input.files);
    const autoload = findAutoloadLayout(sources, appFilePath(ctx));
    const helper = findTestHelper(sources, input.options.layout.testsDir);
    const app = typeof autoload === 'object' ? [autoload.appPath, ...autoload.pluginDirs.flatMap((dir) => sources.walk(dir))] : [appFilePath(ctx)];
    return [...app, ...(helper ? [helper.path] : [])];
  },
};
