import { RoutecraftError } from '../../errors';
import { createGenerationContext, type GenerationContext } from '../shared/generationContext';
import { routeHandlerContract } from '../shared/handlerContract';
import { appFilePath } from '../shared/projectApp';
import { buildTestFile } from '../shared/testWriters/testFile';
import type { HttpTestDriver } from '../shared/testWriters/httpTestDriver';
import type { EndpointGenerator, GeneratedFile, GeneratorInput } from '../types';
import { buildAppRegistration } from './appRegistration';
import { findAutoloadLayout, type AutoloadLayout } from './autoloadRoutes';
import { autoloadPlacement, besideApp } from './fastifyLayout';
import { fastifyDialect, type FastifyDialect } from './fastifyDialect';
import { fastifyTestDriver, withFastifyValidation, type SuiteApp } from './fastifyTestDriver';
import { injectDriver } from './injectDriver';
import { withOpenApiTest } from './openApiTest';
import { projectSources, type ProjectSources } from './projectSources';
import { pluginName } from './pluginParts';
import { externalServiceReason, findTestHelper } from './testBoot';
import { fastifyValidation, hasDependency, type ValidationSources } from './validationDialect';

/** The project's helper when the app boots without services; else a bare Fastify with the plugin, saying why. */
function suiteApp(ctx: GenerationContext, sources: ProjectSources, appFiles: readonly string[], pluginDirs: readonly string[], prefix: string, exportDefault: boolean, dialect: FastifyDialect): { app: SuiteApp | undefined; reason?: string } {
  const reason = externalServiceReason(sources, appFiles, pluginDirs);
  const helper = findTestHelper(sources, ctx.input.options.layout.testsDir);
  if (!reason && helper) {
    return { app: { kind: 'helper', helper } };
  }
  if (!reason && !exportDefault) {
    return { app: undefined };
  }
  const swagger = hasDependency(ctx.input.files, '@fastify/swagger');
  const compilers = dialect.compilers !== undefined ? { compilers: dialect.compilers } : {};
  return { app: { kind: 'bare', plugin: { path: ctx.paths.router, name: pluginName(ctx), exportDefault }, prefix, swagger, ...compilers }, ...(reason ? { reason } : {}) };
}

function testFiles(ctx: GenerationContext, driver: HttpTestDriver, openApi: { suite: string; urlBase: string } | undefined): GeneratedFile | undefined {
  const file = buildTestFile(ctx, driver);
  return openApi ? withOpenApiTest(ctx, file, openApi.suite, openApi.urlBase) : file;
}

function generateAutoload(ctx0: GenerationContext, sources: ProjectSources, dialect: FastifyDialect, autoload: AutoloadLayout): GeneratedFile[] {
  const placement = autoloadPlacement(ctx0, sources, autoload);
  const ctx: GenerationContext = { ...ctx0, paths: { ...ctx0.paths, ...besideApp(ctx0, autoload.appPath), router: placement.router, test: placement.test } };
  const { app, reason } = suiteApp(ctx, sources, [autoload.appPath], autoload.pluginDirs, placement.urlBase, true, dialect);
  const driver = fastifyTestDriver(app!, { importExtension: ctx.input.options.importExtension, style: ctx.input.options.style, fastifyValidates: dialect.fastifyValidates, ...(reason ? { note: reason } : {}) });
  // Tests request the URL autoload serves the folder under (`/api` + `/gadgets`).
  const testCtx: GenerationContext = { ...ctx, names: { ...ctx.names, basePath: placement.urlBase } };
  const files = [...dialect.routeFiles(ctx, true), testFiles(testCtx, driver, dialect.documentsRoutes ? { suite: placement.urlBase, urlBase: placement.urlBase } : undefined)];
  return files.filter((f): f is GeneratedFile => f !== undefined);
}

function generateRegistered(ctx: GenerationContext, sources: ProjectSources, dialect: FastifyDialect): GeneratedFile[] {
  const registration = buildAppRegistration(ctx);
  const { app, reason } = suiteApp(ctx, sources, [registration.app.path], [], ctx.names.basePath, false, dialect);
  const options = { importExtension: ctx.input.options.importExtension, style: ctx.input.options.style, fastifyValidates: dialect.fastifyValidates, ...(reason ? { note: reason } : {}) };
  const base = app ? fastifyTestDriver(app, options) : injectDriver(registration.app, options.importExtension, options.style);
  const driver = dialect.fastifyValidates !== false && !app ? withFastifyValidation(base, options.style, dialect.fastifyValidates) : base;
  const openApi = dialect.documentsRoutes && app !== undefined;
  const files = [...dialect.routeFiles(ctx, false), registration.file, testFiles(ctx, driver, openApi ? { suite: ctx.names.basePath, urlBase: ctx.names.basePath } : undefined)];
  return files.filter((f): f is GeneratedFile => f !== undefined);
}

/** The files that build the app (for reading its validation): autoload's app plugin, else the app file. */
function validationContext(ctx: GenerationContext, sources: ProjectSources, autoload: AutoloadLayout | undefined): ValidationSources {
  const appFiles = autoload ? [autoload.appPath] : [appFilePath(ctx)];
  return { sources, appFiles, pluginDirs: autoload?.pluginDirs ?? [], ...(ctx.input.options.validation ? { validation: ctx.input.options.validation } : {}) };
}

/**
 * Fastify 4 and 5, learned from the project: an app that loads `routes/` with `@fastify/autoload`
 * gets a new route folder (no registration edit); otherwise the plugin is registered with a prefix
 * in the app file. Validation in the project's dialect (TypeBox route schemas with the TypeBox
 * type provider, zod route schemas with fastify-type-provider-zod's compilers, plain JSON Schema
 * checked by Fastify when the project has no validation library, else zod safeParse), the in-memory repository for CRUD, and `app.inject()` tests
 * through the project's test helper, or on a bare Fastify when the app needs a database to boot.
 */
export const fastifyGenerator: EndpointGenerator = {
  framework: 'fastify',
  handlerContract: routeHandlerContract({
    handler: 'an async Fastify route handler',
    inScope: 'Fastify\'s `request` and `reply`',
    answer: '`return reply.code(CODE).send(VALUE);` (or `return reply.code(204).send();`)',
  }),
  generate(input: GeneratorInput): GeneratedFile[] {
    const ctx = createGenerationContext(input);
    const sources = projectSources(input.files);
    const autoload = findAutoloadLayout(sources, appFilePath(ctx));
    if (typeof autoload === 'string') {
      throw new RoutecraftError('invalid-input', `Cannot tell where @fastify/autoload loads routes from: ${autoload}.`);
    }
    const dialect = fastifyDialect(ctx, fastifyValidation(input.files, validationContext(ctx, sources, autoload)));
    return autoload ? generateAutoload(ctx, sources, dialect, autoload) : generateRegistered(ctx, sources, dialect);
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
