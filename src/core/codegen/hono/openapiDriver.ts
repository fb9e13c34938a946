import type { GenerationContext } from '../shared/generationContext';
import { relativeModule, type ImportSpec } from '../shared/imports';
import { stringLiteral } from '../shared/literal';
import type { HttpTestDriver } from '../shared/testWriters/httpTestDriver';
import type { ProjectFunction } from './appFactory';
import type { OpenApiFeature } from './openapiFeature';
import { moduleSpecifierLike } from '../shared/projectModules';
import { appRequestDriver } from './requestDriver';

/** The name the test imports the feature's router under (the neighbour's tests say `router`). */
export const TEST_ROUTER = 'router';

/** How a test imports a project function, through the alias the app file uses for its routers. */
export function importFunction(ctx: GenerationContext, feature: OpenApiFeature, testFile: string, fn: ProjectFunction): ImportSpec {
  const moduleSpecifier = moduleSpecifierLike(ctx, testFile, fn.path, feature.layout.neighbour.specifier);
  return fn.exportName === 'default' ? { moduleSpecifier, defaultName: fn.name } : { moduleSpecifier, named: [{ name: fn.name }] };
}

/**
 * What a test boots: only the new router, on the project's own test app (`createTestApp(router)`),
 * else on a fresh app from its factory (`createApp().route('/', router)`), else the whole app.
 */
export function testAppExpression(ctx: GenerationContext, feature: OpenApiFeature): { expression: string; imports: (testFile: string) => ImportSpec[] } {
  const { model, layout } = feature;
  const ext = ctx.input.options.importExtension;
  const routerImport = (testFile: string): ImportSpec => (layout.exportDefault
    ? { moduleSpecifier: relativeModule(testFile, layout.index, ext), defaultName: TEST_ROUTER }
    : { moduleSpecifier: relativeModule(testFile, layout.index, ext), named: [{ name: layout.routerVariable }] });
  const router = layout.exportDefault ? TEST_ROUTER : layout.routerVariable;
  const testApp = model.factory?.testApp;
  if (testApp) {
    return { expression: `${testApp.name}(${router})`, imports: (t) => [importFunction(ctx, feature, t, testApp), routerImport(t)] };
  }
  if (model.factory) {
    const factory = model.factory;
    return {
      expression: `${factory.name}().route(${stringLiteral(feature.mountPath, ctx.input.options.style)}, ${router})`,
      imports: (t) => [importFunction(ctx, feature, t, factory), routerImport(t)],
    };
  }
  const app: ProjectFunction = { name: model.exportName === 'default' ? 'app' : model.exportName, path: model.path, exportName: model.exportName };
  return { expression: app.name, imports: (t) => [importFunction(ctx, feature, t, app)] };
}

/**
 * Tests for OpenAPIHono features: requests against the test app, invalid input answered with the
 * status the project's validation hook uses and zod's issues (`error.issues[].path`).
 */
export function openApiDriver(ctx: GenerationContext, feature: OpenApiFeature): HttpTestDriver {
  const app = testAppExpression(ctx, feature);
  const q = (s: string): string => stringLiteral(s, ctx.input.options.style);
  return {
    ...appRequestDriver(app.expression, app.imports, ctx.input.options.style),
    validationStatus: feature.validation.status,
    validationIssue: (res, issuePath, runner) => [
      runner.equal(`((${res}Body.error.issues ?? JSON.parse(${res}Body.error.message)) as { path: (string | number)[] }[]).some((issue) => issue.path.join(${q('.')}) === ${q(issuePath)})`, 'true'),
    ],
  };
}
