import assert from 'node:assert/strict';
import { honoGenerator } from '../../../src/core/codegen/hono/honoGenerator';
import type { CodegenOptions, ProjectFiles } from '../../../src/core/codegen/types';
import { productsCrud } from '../../generation/generationSpecs';

const OPTIONS: CodegenOptions = {
  framework: 'hono', frameworkMajor: 4, testRunner: 'vitest', moduleKind: 'esm', importExtension: '.js', zodMajor: 4,
  style: { quote: 'double', semicolons: true, indent: '  ', trailingComma: true },
  layout: { sourceDir: 'src', routesDir: 'src/routes', testsDir: '__tests__', testSuffix: '.test.ts', testsColocated: false, appFile: 'src/app.ts' },
};

function files(app: string, extra: Record<string, string> = {}): ProjectFiles {
  const store = new Map([['src/app.ts', app], ...Object.entries(extra)]);
  return { read: (p) => store.get(p), exists: (p) => store.has(p) };
}

describe('codegen: plain Hono apps (mount prefix, factories)', () => {
  it('mounts the new sub-app under the prefix the existing routers share, and tests request it there', () => {
    const app = 'import { Hono } from "hono";\nimport { users } from "./routes/users.js";\n\nconst app = new Hono();\napp.route("/api/users", users);\n\nexport default app;\n';
    const out = honoGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files: files(app), handlerBodies: {} });
    assert.match(out.find((f) => f.path === 'src/app.ts')!.after, /app\.route\("\/api\/products", productsRoute\);/);
    assert.match(out.find((f) => f.path === '__tests__/products.test.ts')!.after, /await app\.request\("\/api\/products", \{ method: "POST"/);
  });

  it('keeps the root when routers are mounted at their own names', () => {
    const app = 'import { Hono } from "hono";\nimport { users } from "./routes/users.js";\n\nconst app = new Hono();\napp.route("/users", users);\n\nexport default app;\n';
    const out = honoGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files: files(app), handlerBodies: {} });
    assert.match(out.find((f) => f.path === 'src/app.ts')!.after, /app\.route\("\/products", productsRoute\);/);
  });

  it('registers on a plain Hono app built by a project factory (`const app = createApp()`)', () => {
    const app = 'import { createApp } from "./lib/createApp.js";\n\nconst app = createApp();\n\nexport default app;\n';
    const factory = 'import { Hono } from "hono";\n\nexport function createApp() {\n  const app = new Hono();\n  return app;\n}\n';
    const out = honoGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files: files(app, { 'src/lib/createApp.ts': factory }), handlerBodies: {} });
    assert.match(out.find((f) => f.path === 'src/app.ts')!.after, /const app = createApp\(\);\napp\.route\("\/products", productsRoute\);/);
  });
});
