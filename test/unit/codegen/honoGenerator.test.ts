import assert from 'node:assert/strict';
import { honoGenerator } from '../../../src/core/codegen/hono/honoGenerator';
import { getGeneratorOrThrow } from '../../../src/core/codegen/registry';
import type { CodegenOptions } from '../../../src/core/codegen/types';
import { productSearch, productsCrud } from '../../generation/generationSpecs';
import { memoryProject } from '../../support/memoryProject';

const OPTIONS: CodegenOptions = {
  framework: 'hono', frameworkMajor: 4, testRunner: 'vitest', moduleKind: 'esm', importExtension: '', zodMajor: 4,
  style: { quote: 'single', semicolons: false, indent: '  ', trailingComma: true },
  layout: { sourceDir: 'src', routesDir: 'src/routes', testsDir: 'test', testSuffix: '.test.ts', testsColocated: false, appFile: 'src/app.ts' },
};
const APP = "import { Hono } from 'hono'\nimport { thingsRoute } from './routes/things'\n\nconst app = new Hono()\n\napp.route('/things', thingsRoute)\n\nexport default app\n";
const THINGS = [
  "import { zValidator } from '@hono/zod-validator'",
  "import { Hono } from 'hono'",
  "import { validationHook as hook } from '../lib/validationHook'",
  "import { ThingSchema } from '../schemas/thing'",
  '',
  "export const thingsRoute = new Hono().post('/', zValidator('json', ThingSchema, hook), (c) => c.json(c.req.valid('json'), 201))",
  '',
].join('\n');
const SEARCH_BODY = 'const all = await repository.list()\nreturn c.json(all.filter((p) => p.name.includes(query.q)), 200)';

describe('codegen: hono generator', () => {
  it('is registered for hono', () => {
    assert.equal(getGeneratorOrThrow('hono'), honoGenerator);
    assert.match(honoGenerator.handlerContract, /c\.json\(VALUE, CODE\)/);
  });

  it('follows the zValidator hook the existing routes use, through the app file\'s imports', () => {
    const files = memoryProject({ 'src/app.ts': APP, 'src/routes/things.ts': THINGS, 'src/lib/validationHook.ts': 'export const validationHook = () => undefined\n' });
    const out = honoGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} });
    const route = out.find((f) => f.path === 'src/routes/products.ts')!.after;
    assert.match(route, /^import \{ validationHook \} from '\.\.\/lib\/validationHook'$/m);
    assert.match(route, /zValidator\('param', ProductIdParamsSchema, validationHook\), zValidator\('json', ProductSchema, validationHook\), async \(c\) =>/);
    assert.ok(!out.some((f) => f.path === 'src/validationError.ts'), 'no second 400 body when the project has one');
  });

  it('without a hook: safeParse of every part and one 400 listing every issue, in the project\'s semicolon style', () => {
    const files = memoryProject({ 'src/app.ts': APP.replace(/\n/g, ';\n').replace(/;\n;\n/g, ';\n\n') });
    const out = honoGenerator.generate({ spec: productsCrud.spec, options: { ...OPTIONS, style: { ...OPTIONS.style, semicolons: true } }, files, handlerBodies: {} });
    const route = out.find((f) => f.path === 'src/routes/products.ts')!.after;
    assert.match(route, /if \(!paramsResult\.success \|\| !bodyResult\.success\) \{\n\s+return c\.json\(toValidationError\(paramsResult\.success \? undefined : paramsResult\.error, bodyResult\.success \? undefined : bodyResult\.error\), 400\);/);
    assert.match(route, /c\.header\('Location', /);
    assert.match(route, /return c\.body\(null, 204\);/);
    assert.ok(out.some((f) => f.path === 'src/validationError.ts'));
  });

  it('mounts the sub-app once; a second endpoint adds only its route, schema and tests', () => {
    const files = memoryProject({ 'src/app.ts': APP });
    files.apply(honoGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }));
    assert.deepEqual(honoGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }), []);
    const second = honoGenerator.generate({ spec: productSearch.spec, options: OPTIONS, files, handlerBodies: { searchProducts: SEARCH_BODY } });
    assert.deepEqual(second.map((f) => f.path).sort(), ['src/routes/products.ts', 'src/schemas/products.ts', 'test/products.test.ts']);
    files.apply(second);
    const app = files.read('src/app.ts')!;
    assert.match(app, /app\.route\('\/things', thingsRoute\)\napp\.route\('\/products', productsRoute\)\n/);
    assert.match(app, /^import \{ productsRoute \} from '\.\/routes\/products'$/m);
    const route = files.read('src/routes/products.ts')!;
    assert.ok(route.indexOf("route.get('/search'") < route.indexOf("route.get('/:id'"), 'static path before /:id');
    const test = files.read('test/products.test.ts')!;
    assert.match(test, /await app\.request\('\/products\/search\?q=example&maxPrice=0'\)/);
    assert.doesNotMatch(test, /;$/m);
  });

  it('a custom endpoint without a handler body answers 501, clearly marked', () => {
    const files = memoryProject({ 'src/app.ts': APP });
    const route = honoGenerator.generate({ spec: productSearch.spec, options: OPTIONS, files, handlerBodies: {} }).find((f) => f.path === 'src/routes/products.ts')!.after;
    assert.match(route, /TODO\(routecraft\)/);
    assert.match(route, /c\.json\(\{ error: 'NotImplemented'.*501\)/);
  });
});
