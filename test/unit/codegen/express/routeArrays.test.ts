import assert from 'node:assert/strict';
import { expressGenerator } from '../../../../src/core/codegen/express/expressGenerator';
import type { CodegenOptions, GeneratedFile, GeneratorInput } from '../../../../src/core/codegen/types';
import { memoryProject, type MemoryProject } from '../../../support/memoryProject';
import { gadgetsListAndGet } from '../../../generation/generationSpecs';

const OPTIONS: CodegenOptions = {
  framework: 'express', frameworkMajor: 5, testRunner: 'node:test', moduleKind: 'esm', importExtension: '.js', zodMajor: 4,
  style: { quote: 'single', semicolons: true, indent: '  ', trailingComma: true },
  layout: { sourceDir: 'src', routesDir: 'src/routes', testsDir: 'test', testSuffix: '.test.ts', testsColocated: false, appFile: 'src/app.ts' },
};

const GADGETS = gadgetsListAndGet.spec;

const APP = "import express from 'express';\nimport routes from './routes/v1/index.js';\nconst app = express();\napp.use(express.json());\napp.use('/v1', routes);\nexport default app;\n";
const ROUTE = "import express from 'express';\nconst router = express.Router();\nrouter.get('/', (_req, res) => { res.json([]); });\nexport default router;\n";
/** A v1 index router with two routers and `body` after them (the array and its loop). */
function indexRouter(body: string): string {
  return `import express from 'express';\nimport healthRoute from './health.route.js';\nimport userRoute from './user.route.js';\n\nconst router = express.Router();\n\n${body}\n\nexport default router;\n`;
}
function project(index: string, extra: Record<string, string> = {}): MemoryProject {
  return memoryProject({ 'src/app.ts': APP, 'src/routes/v1/index.ts': index, 'src/routes/v1/health.route.ts': ROUTE, 'src/routes/v1/user.route.ts': ROUTE, ...extra });
}
function run(files: MemoryProject): { out: GeneratedFile[]; notes: readonly string[] } {
  const input: GeneratorInput = { spec: GADGETS, options: OPTIONS, files, handlerBodies: {} };
  const out = expressGenerator.generate(input);
  const notes = expressGenerator.notes?.(input) ?? [];
  files.apply(out);
  return { out, notes };
}

describe('Express: routers registered from a routes array', () => {
  it('adds the router to `defaultRoutes` in the element shape of its neighbours (node-express-boilerplate), imported like them, once', () => {
    const files = project(indexRouter("const defaultRoutes = [\n  {\n    path: '/health',\n    route: healthRoute,\n  },\n  {\n    path: '/users',\n    route: userRoute,\n  },\n];\n\ndefaultRoutes.forEach((route) => {\n  router.use(route.path, route.route);\n});"));
    const { out, notes } = run(files);
    assert.ok(out.every((f) => f.path !== 'src/app.ts'), 'the app is left alone');
    const index = files.text('src/routes/v1/index.ts');
    assert.match(index, /\n {2}\{\n {4}path: '\/users',\n {4}route: userRoute,\n {2}\},\n {2}\{\n {4}path: '\/gadgets',\n {4}route: gadgetRoute,\n {2}\},\n\];/, index);
    assert.match(index, /^import gadgetRoute from '\.\/gadget\.route\.js';$/m);
    assert.doesNotMatch(index, /router\.use\('\/gadgets'/, 'not mounted a second time');
    assert.match(files.text('src/routes/v1/gadget.route.ts'), /export default gadgetsRouter;/);
    assert.match(files.text('test/gadgets.test.ts'), /\.get\('\/v1\/gadgets'\)/, 'the tests request the URL the loop serves it at');
    assert.ok(notes.some((n) => n.includes('gadgetRoute joins the array `defaultRoutes` in src/routes/v1/index.ts') && n.includes('under /v1')), notes.join('\n'));
    assert.deepEqual(expressGenerator.generate({ spec: GADGETS, options: OPTIONS, files, handlerBodies: {} }), [], 're-run changes nothing');
  });

  it('reads destructured elements and tuples looped with for…of', () => {
    const destructured = project(indexRouter("const defaultRoutes = [\n  { path: '/health', route: healthRoute },\n  { path: '/users', route: userRoute },\n];\n\ndefaultRoutes.forEach(({ path, route }) => {\n  router.use(path, route);\n});"));
    run(destructured);
    assert.match(destructured.text('src/routes/v1/index.ts'), /\n {2}\{ path: '\/users', route: userRoute \},\n {2}\{ path: '\/gadgets', route: gadgetRoute \},\n\];/);
    const tuples = project(indexRouter("const routes: Array<[string, express.Router]> = [\n  ['/health', healthRoute],\n  ['/users', userRoute],\n];\n\nfor (const [url, r] of routes) {\n  router.use(url, r);\n}"));
    run(tuples);
    assert.match(tuples.text('src/routes/v1/index.ts'), /\n {2}\['\/users', userRoute\],\n {2}\['\/gadgets', gadgetRoute\],\n\];/);
  });

  it('adds to an array the app imports and loops over, with the neighbours\' full paths', () => {
    const files = memoryProject({
      'src/app.ts': "import express from 'express';\nimport { routes } from './routes/index.js';\nconst app = express();\nfor (const { path, router } of routes) {\n  app.use(path, router);\n}\nexport default app;\n",
      'src/routes/index.ts': "import type { Router } from 'express';\nimport { usersRouter } from './users.js';\n\nexport const routes: { path: string; router: Router }[] = [\n  { path: '/v1/users', router: usersRouter },\n];\n",
      'src/routes/users.ts': "import { Router } from 'express';\nexport const usersRouter = Router();\n",
    });
    const { out } = run(files);
    assert.ok(out.every((f) => f.path !== 'src/app.ts'), 'the loop in the app is left alone');
    const index = files.text('src/routes/index.ts');
    assert.match(index, /\{ path: '\/v1\/gadgets', router: gadgetsRouter \},\n\];/, index);
    assert.match(index, /^import \{ gadgetsRouter \} from '\.\/gadgets\.js';$/m, 'a named import, like the neighbour');
    assert.match(files.text('test/gadgets.test.ts'), /\.get\('\/v1\/gadgets'\)/);
  });

  it('keeps its own mount with a note where every looped router shares one path and carries its own paths', () => {
    const files = project(indexRouter("const routers = [healthRoute, userRoute];\nrouters.forEach((r) => router.use('/', r));"));
    const { notes } = run(files);
    const index = files.text('src/routes/v1/index.ts');
    assert.match(index, /^const routers = \[healthRoute, userRoute\];$/m, 'the array is left alone');
    assert.match(index, /^router\.use\('\/gadgets', gadgetsRouter\);$/m, 'mounted in the index router, not in its place');
    assert.ok(notes.some((n) => n.startsWith('src/routes/v1/index.ts:8 registers routers by looping over `routers`') && n.includes('mounted at "/" and carries its own paths')), notes.join('\n'));
    assert.match(files.text('test/gadgets.test.ts'), /\.get\('\/v1\/gadgets'\)/);
  });

  it('keeps its own mount with a note for a list of routers in one use call, and never writes the router into the index file', () => {
    const files = project(indexRouter("router.use('/', [healthRoute, userRoute]);"));
    const { out, notes } = run(files);
    assert.ok(out.some((f) => f.path === 'src/routes/gadgets.ts'), `a router file of its own: ${out.map((f) => f.path).join(', ')}`);
    const index = files.text('src/routes/v1/index.ts');
    assert.doesNotMatch(index, /createGadgetsRouter/, 'the index router is no neighbour to copy into');
    assert.match(index, /^import \{ gadgetsRouter \} from '\.\.\/gadgets\.js';$/m);
    assert.match(index, /^router\.use\('\/gadgets', gadgetsRouter\);$/m);
    assert.ok(notes.some((n) => n.includes('mounts a list of routers in one `router.use` call')), notes.join('\n'));
  });

  it('keeps today\'s registration with a note when the looped array is not a literal it can find', () => {
    const files = project(indexRouter("const defaultRoutes = buildRoutes();\n\ndefaultRoutes.forEach((route) => {\n  router.use(route.path, route.route);\n});\nfunction buildRoutes() { return [{ path: '/users', route: userRoute }]; }"));
    const { notes } = run(files);
    assert.ok(notes.some((n) => n.includes('the array `defaultRoutes` is not a literal Routecraft can find')), notes.join('\n'));
    assert.match(files.text('src/routes/v1/index.ts'), /^router\.use\('\/gadgets', gadgetsRouter\);$/m);
  });
});
