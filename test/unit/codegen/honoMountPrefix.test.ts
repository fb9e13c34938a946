import assert from 'node:assert/strict';
import { honoGenerator } from '../../../src/core/codegen/hono/honoGenerator';
import type { CodegenOptions, ProjectFiles } from '../../../src/core/codegen/types';
import { productsCrud } from '../../generation/generationSpecs';

const OPTIONS: CodegenOptions = {
  framework: 'hono', frameworkMajor: 4, testRunner: 'vitest', moduleKind: 'esm', importExtension: '.js', zodMajor: 4,
  style: { quote: 'double', semicolons: true, indent: '  ', trailingComma: true },
  layout: { sourceDir: 'src', routesDir: 'src/routes', testsDir: '__tests__', testSuffix: '.test.ts', testsColocated: false, appFile: 'src/app.ts' },
};

function files(app: string): ProjectFiles {
  const store = new Map([['src/app.ts', app]]);
  return { read: (p) => store.get(p), exists: (p) => store.has(p) };
}

describe('codegen: hono mount prefix', () => {
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
});
