import assert from 'node:assert/strict';
import { honoGenerator } from '../../../src/core/codegen/hono/honoGenerator';
import type { CodegenOptions } from '../../../src/core/codegen/types';
import { RoutecraftError } from '../../../src/core/errors';
import { EndpointSpecSchema, type EndpointSpec } from '../../../src/core/endpointSpec';
import { productsCrud } from '../../generation/generationSpecs';
import { memoryProject } from '../../support/memoryProject';

const OPTIONS: CodegenOptions = {
  framework: 'hono', frameworkMajor: 4, testRunner: 'vitest', moduleKind: 'esm', importExtension: '', zodMajor: 4,
  style: { quote: 'double', semicolons: true, indent: '  ', trailingComma: true },
  layout: { sourceDir: 'src', routesDir: 'src/routes', testsDir: 'test', testSuffix: '.test.ts', testsColocated: false, appFile: 'src/app.ts' },
  pathAliases: [{ prefix: '@/', target: 'src/' }],
};

const APP = [
  'import configureOpenAPI from "@/lib/configure-open-api";',
  'import createApp from "@/lib/create-app";',
  'import index from "@/routes/index.route";',
  'import tasks from "@/routes/tasks/tasks.index";',
  '',
  'const app = createApp();',
  '',
  'configureOpenAPI(app);',
  '',
  'const routes = [',
  '  index,',
  '  tasks,',
  '] as const;',
  '',
  'routes.forEach((route) => {',
  '  app.route("/", route);',
  '});',
  '',
  'export default app;',
  '',
].join('\n');

const CREATE_APP = (hook: string): string => [
  'import { OpenAPIHono } from "@hono/zod-openapi";',
  hook,
  'export function createRouter() {',
  '  return new OpenAPIHono({ strict: false, defaultHook });',
  '}',
  'export default function createApp() {',
  '  const app = createRouter();',
  '  return app;',
  '}',
  'export function createTestApp(router: ReturnType<typeof createRouter>) {',
  '  return createApp().route("/", router);',
  '}',
  '',
].join('\n');
const LOCAL_HOOK = 'const defaultHook = (result: { success: boolean }, c: { json: (b: unknown, s: number) => Response }) => { if (!result.success) { return c.json({ success: false }, 422); } };';

const PROJECT: Record<string, string> = {
  'src/app.ts': APP,
  'src/lib/create-app.ts': CREATE_APP(LOCAL_HOOK),
  'src/lib/types.ts': 'import type { RouteConfig, RouteHandler } from "@hono/zod-openapi";\nexport type AppRouteHandler<R extends RouteConfig> = RouteHandler<R>;\n',
  'src/lib/configure-open-api.ts': 'export default function configureOpenAPI(app: { doc: (p: string, o: object) => void }) {\n  app.doc("/doc", { openapi: "3.0.0" });\n}\n',
  'src/routes/index.route.ts': 'import { createRouter } from "@/lib/create-app";\nconst router = createRouter();\nexport default router;\n',
  'src/routes/tasks/tasks.index.ts': 'import { createRouter } from "@/lib/create-app";\nimport * as handlers from "./tasks.handlers";\nimport * as routes from "./tasks.routes";\n\nconst router = createRouter()\n  .openapi(routes.list, handlers.list);\n\nexport default router;\n',
  'src/routes/tasks/tasks.routes.ts': 'import { createRoute } from "@hono/zod-openapi";\nexport const list = createRoute({ path: "/tasks", method: "get", responses: { 200: { description: "x" } } });\nexport type ListRoute = typeof list;\n',
  'src/routes/tasks/tasks.handlers.ts': 'import type { AppRouteHandler } from "@/lib/types";\nimport type { ListRoute } from "./tasks.routes";\nexport const list: AppRouteHandler<ListRoute> = (c) => c.json([], 200);\n',
  'src/routes/tasks/tasks.test.ts': 'import { it } from "vitest";\nit("works", () => undefined);\n',
};

const SEARCH: EndpointSpec = EndpointSpecSchema.parse({
  version: 1,
  resource: 'product',
  endpoints: [{
    operationId: 'searchProducts', method: 'GET', path: '/products/search', summary: 'Search products',
    query: { type: 'object', required: ['q'], properties: { q: { type: 'string', minLength: 1 } } },
    responses: { '200': { description: 'Matches' } },
  }],
});

describe('codegen: hono generator in OpenAPIHono apps built by factories', () => {
  it('copies the nearest feature folder and appends the router to the routes array, through the alias', () => {
    const files = memoryProject(PROJECT);
    const out = honoGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} });
    assert.deepEqual(out.map((f) => f.path), [
      'src/routes/products/products.schemas.ts', 'src/routes/products/products.repository.ts', 'src/routes/products/products.routes.ts',
      'src/routes/products/products.handlers.ts', 'src/routes/products/products.index.ts', 'src/app.ts', 'src/routes/products/products.test.ts',
    ]);
    files.apply(out);
    const app = files.text('src/app.ts');
    assert.match(app, /^import products from "@\/routes\/products\/products\.index";$/m);
    assert.match(app, /const routes = \[\n {2}index,\n {2}tasks,\n {2}products,\n\] as const;/);
    assert.match(files.text('src/routes/products/products.schemas.ts'), /^import \{ z \} from "@hono\/zod-openapi";$/m);
    assert.match(files.text('src/routes/products/products.routes.ts'), /path: "\/products\/\{id\}",\n {2}tags: \["Products"\],/);
    assert.match(files.text('src/routes/products/products.handlers.ts'), /^import type \{ AppRouteHandler \} from "@\/lib\/types";$|^import \{ type AppRouteHandler \} from "@\/lib\/types";$/m);
    assert.match(files.text('src/routes/products/products.index.ts'), /^import \{ createRouter \} from "@\/lib\/create-app";$/m);
    const test = files.text('src/routes/products/products.test.ts');
    assert.match(test, /createTestApp\(router\)\.request\("\/products"/, 'boots only the new router on the project\'s test app');
    assert.match(test, /it\("422 when body\.name is missing \(required\)"/, 'the status of the project\'s defaultHook');
    assert.match(test, /configureOpenAPI\(app\);\n\s+const res = await app\.request\("\/doc"\);/, 'reads the served document');
    assert.deepEqual(honoGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }), [], 'a re-run changes nothing');
  });

  it('a second spec adds its route before the parameterised one it could be mistaken for', () => {
    const files = memoryProject(PROJECT);
    files.apply(honoGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }));
    const second = honoGenerator.generate({ spec: SEARCH, options: OPTIONS, files, handlerBodies: {} });
    assert.ok(!second.some((f) => f.path === 'src/app.ts'), 'registered once');
    files.apply(second);
    const index = files.text('src/routes/products/products.index.ts');
    assert.ok(index.indexOf('routes.searchProducts') < index.indexOf('routes.getProduct'), index);
    assert.match(files.text('src/routes/products/products.handlers.ts'), /TODO\(routecraft\): searchProducts is not implemented yet[\s\S]*501\);/);
    assert.match(files.text('src/routes/products/products.routes.ts'), /501: \{ description: "Not implemented yet" \}/);
  });

  it('reads the validation status of a package hook (stoker-like) through its exports and re-exports', () => {
    const files = memoryProject({
      ...PROJECT,
      'src/lib/create-app.ts': CREATE_APP('import { defaultHook } from "stoker/openapi";'),
      'node_modules/stoker/package.json': JSON.stringify({ exports: { './openapi': { import: { default: './dist/openapi/index.js' } } } }),
      'node_modules/stoker/dist/openapi/index.js': 'export { default as defaultHook } from "./default-hook.js";\n',
      'node_modules/stoker/dist/openapi/default-hook.js': 'import { BAD_REQUEST } from "../codes.js";\nconst defaultHook = (result, c) => { if (!result.success) { return c.json({ success: false }, BAD_REQUEST); } };\nexport default defaultHook;\n',
    });
    const test = honoGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }).find((f) => f.path.endsWith('.test.ts'))!.after;
    assert.match(test, /it\("400 when body\.name is missing/);
  });

  it('refuses in one sentence, writing nothing, when the hook\'s status cannot be read', () => {
    const files = memoryProject({ ...PROJECT, 'src/lib/create-app.ts': CREATE_APP('import { defaultHook } from "somewhere-else";') });
    assert.throws(() => honoGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }), (e: unknown) => e instanceof RoutecraftError && /defaultHook[\s\S]*nothing was written\.$/.test(e.message));
  });

  it('refuses in one sentence when no mounted router has a feature folder to copy', () => {
    const files = memoryProject({ ...PROJECT, 'src/app.ts': APP.replace('import tasks from "@/routes/tasks/tasks.index";\n', '').replace('  tasks,\n', '') });
    assert.throws(() => honoGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }), (e: unknown) => e instanceof RoutecraftError && /no neighbour to copy; nothing was written\.$/.test(e.message));
  });
});
