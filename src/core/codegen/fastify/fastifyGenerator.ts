import { RoutecraftError } from '../../errors';
import { createGenerationContext, type GenerationContext } from '../shared/generationContext';
import { routeHandlerContract } from '../shared/handlerContract';
import { appFilePath } from '../shared/projectApp';
import { buildSchemaBarrel } from '../shared/schemaBarrel';
import { buildTestFile } from '../shared/testWriters/testFile';
import type { EndpointGenerator, GeneratedFile, GeneratorInput } from '../types';
import type { HttpTestDriver } from '../shared/testWriters/httpTestDriver';
import { aggregatorNotes, findAggregator, joinPrefix, type AggregatorPlugin } from './aggregatorPlugin';
import { buildAggregatorRegistration } from './aggregatorRegistration';
import { buildAppRegistration } from './appRegistration';
import { pluginArrayNotes } from './pluginArray';
import { findAutoloadLayout, type AutoloadLayout } from './autoloadRoutes';
import { findFastifyAppOrThrow, type FastifyApp } from './fastifyApp';
import { aggregatedLayout } from './featureModules';
import { autoloadPlacement, besideApp } from './fastifyLayout';
import { fastifyDialect, type FastifyDialect } from './fastifyDialect';
import { fastifyTestDriver, withFastifyValidation, type SuiteApp } from './fastifyTestDriver';
import { injectDriver } from './injectDriver';
import { withOpenApiTest } from './openApiTest';
import { projectSources, type ProjectSources } from './projectSources';
import { pluginName } from './pluginParts';
import { externalServiceReason, findTestHelper } from './testBoot';
import { fastifyValidation, hasDependency, type ValidationSources } from './validationDialect';

/** How the suite mounts the plugin: at the URL the app serves it under, imported as it is exported; `alwaysBare` when the app cannot be imported (autoload). */
interface Mount {
  readonly prefix: string;
  readonly exportDefault: boolean;
  readonly alwaysBare: boolean;
}

/** The project's helper when the app boots without services; else a bare Fastify with the plugin, saying why. */
function suiteApp(ctx: GenerationContext, sources: ProjectSources, appFiles: readonly string[], pluginDirs: readonly string[], mount: Mount, dialect: FastifyDialect): { app: SuiteApp | undefined; reason?: string } {
  const { prefix, exportDefault } = mount;
  const reason = externalServiceReason(sources, appFiles, pluginDirs);
  const helper = findTestHelper(sources, ctx.input.options.layout.testsDir);
  if (!reason && helper) {
    return { app: { kind: 'helper', helper } };
  }
  if (!reason && !mount.alwaysBare) {
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
  const { app, reason } = suiteApp(ctx, sources, [autoload.appPath], autoload.pluginDirs, { prefix: placement.urlBase, exportDefault: true, alwaysBare: true }, dialect);
  const driver = fastifyTestDriver(app!, { importExtension: ctx.input.options.importExtension, style: ctx.input.options.style, fastifyValidates: dialect.fastifyValidates, ...(reason ? { note: reason } : {}) });
  // Tests request the URL autoload serves the folder under (`/api` + `/gadgets`).
  const testCtx: GenerationContext = { ...ctx, names: { ...ctx.names, basePath: placement.urlBase } };
  const files = [...dialect.routeFiles(ctx, true), testFiles(testCtx, driver, dialect.documentsRoutes ? { suite: placement.urlBase, urlBase: placement.urlBase } : undefined)];
  return files.filter((f): f is GeneratedFile => f !== undefined);
}

/** The test driver for an app whose plugin is registered in code: the helper's or a bare app, else the app imported as is. */
function registeredDriver(ctx: GenerationContext, sources: ProjectSources, dialect: FastifyDialect, app: FastifyApp, mount: Mount): { driver: HttpTestDriver; openApi: boolean } {
  const { app: suite, reason } = suiteApp(ctx, sources, [app.path], [], mount, dialect);
  const options = { importExtension: ctx.input.options.importExtension, style: ctx.input.options.style, fastifyValidates: dialect.fastifyValidates, ...(reason ? { note: reason } : {}) };
  const base = suite ? fastifyTestDriver(suite, options) : injectDriver(app, options.importExtension, options.style);
  const driver = dialect.fastifyValidates !== false && !suite ? withFastifyValidation(base, options.style, dialect.fastifyValidates) : base;
  return { driver, openApi: dialect.documentsRoutes && suite !== undefined };
}

function generateRegistered(ctx: GenerationContext, sources: ProjectSources, dialect: FastifyDialect): GeneratedFile[] {
  const registration = buildAppRegistration(ctx);
  const { driver, openApi } = registeredDriver(ctx, sources, dialect, registration.app, { prefix: ctx.names.basePath, exportDefault: false, alwaysBare: false });
  const files = [...dialect.routeFiles(ctx, false), registration.file, testFiles(ctx, driver, openApi ? { suite: ctx.names.basePath, urlBase: ctx.names.basePath } : undefined)];
  return files.filter((f): f is GeneratedFile => f !== undefined);
}

/**
 * The plugin registered in the app's aggregator plugin beside its siblings (its module where theirs
 * are), and tests that request the URL the app serves it under (the aggregator's prefix included).
 */
function generateAggregated(ctx0: GenerationContext, sources: ProjectSources, dialect: FastifyDialect, aggregator: AggregatorPlugin): GeneratedFile[] {
  const layout = aggregatedLayout(ctx0, sources, aggregator);
  const ctx: GenerationContext = { ...ctx0, paths: { ...ctx0.paths, ...layout.module?.paths, router: layout.router ?? ctx0.paths.router } };
  const exportDefault = aggregator.siblings.at(-1)!.importStyle === 'default';
  const app = findFastifyAppOrThrow(ctx, sources.get(appFilePath(ctx))!);
  const urlBase = joinPrefix(aggregator.outerPrefix, ctx.names.basePath);
  const { driver, openApi } = registeredDriver(ctx, sources, dialect, app, { prefix: urlBase, exportDefault, alwaysBare: false });
  const testCtx: GenerationContext = { ...ctx, names: { ...ctx.names, basePath: urlBase } };
  const index = layout.module?.schemasIndex;
  const files = [...dialect.routeFiles(ctx, exportDefault), index ? buildSchemaBarrel(ctx, index, ctx.paths.schemas) : undefined, buildAggregatorRegistration(ctx, aggregator, exportDefault), testFiles(testCtx, driver, openApi ? { suite: urlBase, urlBase } : undefined)];
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
    if (autoload) {
      return generateAutoload(ctx, sources, dialect, autoload);
    }
    const nested = findAggregator(ctx, sources, pluginName(ctx));
    return nested.kind === 'found' ? generateAggregated(ctx, sources, dialect, nested.aggregator) : generateRegistered(ctx, sources, dialect);
  },
  notes(input: GeneratorInput): readonly string[] {
    const ctx = createGenerationContext(input);
    const sources = projectSources(input.files);
    if (findAutoloadLayout(sources, appFilePath(ctx)) !== undefined) {
      return [];
    }
    const lookup = findAggregator(ctx, sources, pluginName(ctx));
    const module = lookup.kind === 'found' ? aggregatedLayout(ctx, sources, lookup.aggregator).module : undefined;
    return [...aggregatorNotes(ctx, lookup, pluginName(ctx)), ...(module?.evidence ?? []), ...(lookup.kind === 'found' ? [] : pluginArrayNotes(ctx))];
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
