import assert from 'node:assert/strict';
import { createMemoryProjectFs, detectProject } from '../../../src/core/project';
import { detectHonoAppFile } from '../../../src/core/project/detectHonoApp';
import type { SampledFile } from '../../../src/core/project/sampleFiles';

const file = (path: string, text: string): SampledFile => ({ path, text, code: text });

const CREATE_APP = [
  'import { OpenAPIHono } from "@hono/zod-openapi";',
  'export function createRouter() { return new OpenAPIHono(); }',
  'export default function createApp() { const app = createRouter(); return app; }',
  'export function createTestApp(router) { return createApp().route("/", router); }',
].join('\n');
const APP = [
  'import createApp from "@/lib/create-app";',
  'import tasks from "@/routes/tasks/tasks.index";',
  'const app = createApp();',
  'const routes = [tasks] as const;',
  'routes.forEach((route) => { app.route("/", route); });',
  'export default app;',
].join('\n');

describe('project/detectHonoApp', () => {
  it('finds the app built by a factory and mounted by looping over a routes array, not the factory module', () => {
    const found = detectHonoAppFile([file('src/lib/create-app.ts', CREATE_APP), file('src/app.ts', APP), file('src/routes/tasks/tasks.index.ts', 'const router = createRouter();\nexport default router;\n')]);
    assert.deepEqual(found, { appFile: 'src/app.ts', evidence: 'src/app.ts:3' });
  });

  it('finds an exported `new Hono()` with app.route calls', () => {
    const found = detectHonoAppFile([file('src/server.ts', 'import { Hono } from "hono";\nexport const app = new Hono();\napp.route("/users", users);\n')]);
    assert.equal(found?.appFile, 'src/server.ts');
  });

  it('answers nothing when two files fit equally (the generic detection then asks)', () => {
    const text = 'const app = new Hono();\napp.route("/a", a);\nexport default app;\n';
    assert.equal(detectHonoAppFile([file('src/a/app.ts', text), file('src/b/app.ts', text)]), undefined);
  });

  it('detectProject takes it for Hono projects (the factory module creates `new OpenAPIHono` too)', async () => {
    const fs = createMemoryProjectFs({
      'package.json': JSON.stringify({ name: 'x', type: 'module', dependencies: { hono: '4.8.0', '@hono/zod-openapi': '1.0.0', zod: '4.0.0' }, devDependencies: { vitest: '3.2.0', typescript: '5.8.0' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', paths: { '@/*': ['./src/*'] } } }),
      'src/app.ts': APP,
      'src/lib/create-app.ts': CREATE_APP,
      'src/routes/tasks/tasks.index.ts': 'import { createRouter } from "@/lib/create-app";\nconst router = createRouter();\nexport default router;\n',
    });
    const facts = await detectProject('/work/app', fs);
    assert.equal(facts.layout.appFile, 'src/app.ts');
    assert.deepEqual(facts.pathAliases, [{ prefix: '@/', target: 'src/' }]);
  });
});
