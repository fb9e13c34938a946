import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { fastifyGenerator } from '../../../../src/core/codegen/fastify/fastifyGenerator';
import { ajvRejects } from '../../../../src/core/codegen/fastify/fastifyTestDriver';
import { typeboxExpression } from '../../../../src/core/codegen/fastify/typeboxExpression';
import type { CodegenOptions } from '../../../../src/core/codegen/types';
import { RoutecraftError } from '../../../../src/core/errors';
import { productsCrud, productSearch } from '../../../generation/generationSpecs';
import { memoryProjectWithFolders, type MemoryProject } from '../../../support/memoryProject';

const OPTIONS: CodegenOptions = {
  framework: 'fastify', frameworkMajor: 5, testRunner: 'node:test', moduleKind: 'esm', importExtension: '.js', zodMajor: 4,
  style: { quote: 'single', semicolons: true, indent: '  ', trailingComma: true },
  layout: { sourceDir: 'src', routesDir: 'src/routes', testsDir: 'test/routes', testSuffix: '.test.ts', testsColocated: false, appFile: 'src/server.ts' },
};

const PACKAGE = JSON.stringify({ dependencies: { fastify: '^5', '@fastify/autoload': '^6', '@fastify/type-provider-typebox': '^5', '@sinclair/typebox': '^0.34', '@fastify/swagger': '^9' } });
const SERVER = "import Fastify from 'fastify';\nimport app from './app.js';\n\nconst server = Fastify();\nawait server.register(app);\n";
const appPlugin = (routesOptions = '{ ...opts }'): string => [
  "import path from 'node:path';",
  "import AutoLoad from '@fastify/autoload';",
  "import type { FastifyInstance, FastifyPluginOptions } from 'fastify';",
  '',
  'export default async function app(fastify: FastifyInstance, opts: FastifyPluginOptions): Promise<void> {',
  "  await fastify.register(AutoLoad, { dir: path.join(import.meta.dirname, 'plugins'), options: { ...opts } });",
  `  await fastify.register(AutoLoad, { dir: path.join(import.meta.dirname, 'routes'), options: ${routesOptions} });`,
  '}',
  '',
].join('\n');
const HELPER = "import Fastify from 'fastify';\nimport fp from 'fastify-plugin';\nimport app from '../src/app.js';\n\nexport async function build() {\n  const instance = Fastify();\n  await instance.register(fp(app));\n  return instance;\n}\n";

function project(extra: Record<string, string> = {}): MemoryProject {
  return memoryProjectWithFolders({
    'package.json': PACKAGE, 'src/server.ts': SERVER, 'src/app.ts': appPlugin(), 'src/plugins/swagger.ts': "import swagger from '@fastify/swagger';\n",
    'src/routes/root.ts': 'export default async function root() {}\n', 'test/helper.ts': HELPER, 'test/routes/root.test.ts': "import { build } from '../helper.js';\n",
    ...extra,
  });
}

describe('codegen: fastify generator on autoload apps', () => {
  it('writes a TypeBox route folder autoload registers, and tests through the project\'s helper; a re-run changes nothing', () => {
    const files = project();
    const generated = fastifyGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} });
    assert.deepEqual(generated.map((f) => f.path).sort(), ['src/repositories/productRepository.ts', 'src/routes/products/index.ts', 'src/schemas/products.ts', 'test/routes/products.test.ts']);
    const byPath = (p: string): string => generated.find((f) => f.path === p)!.after;
    assert.match(byPath('src/schemas/products.ts'), /^import \{ Type, type Static \} from '@sinclair\/typebox';$/m);
    assert.match(byPath('src/schemas/products.ts'), /ProductSchema = Type\.Object\(\{ name: Type\.String\(\{ minLength: 1, maxLength: 120 \}\)/);
    const routes = byPath('src/routes/products/index.ts');
    assert.match(routes, /const productsRoutes: FastifyPluginAsyncTypebox<ProductsRoutesOptions> = async \(fastify, options\) =>/);
    assert.match(routes, /fastify\.post\('\/', \{ schema: \{ operationId: 'createProduct', summary: 'Create a product', tags: \['products'\], body: ProductSchema \} \}/);
    assert.match(routes, /^export default productsRoutes;$/m);
    const tests = byPath('test/routes/products.test.ts');
    assert.match(tests, /^import \{ build \} from '\.\.\/helper\.js';$/m);
    assert.match(tests, /app = await build\(\);/);
    assert.match(tests, /String\(res\.json\(\)\.message\)\.includes\('name'\)/, 'Fastify\'s 400 names the field in message');
    assert.match(tests, /it\('lists \/products, \/products\/\{id\}'/, 'the OpenAPI document is checked');
    assert.doesNotMatch(tests, /has the wrong type \(string expected\)/, 'ajv coerces a number into a string: no 400 test for it');
    files.apply(generated);
    assert.deepEqual(fastifyGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }), []);
    const second = fastifyGenerator.generate({ spec: productSearch.spec, options: OPTIONS, files, handlerBodies: {} });
    assert.deepEqual(second.map((f) => f.path).sort(), ['src/routes/products/index.ts', 'src/schemas/products.ts', 'test/routes/products.test.ts']);
  });

  it('boots only the new plugin on a bare Fastify when the app loads a database client, and says why', () => {
    const files = project({ 'src/plugins/db.ts': "import knex from 'knex';\nexport default knex;\n" });
    const tests = fastifyGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }).find((f) => f.path === 'test/routes/products.test.ts')!.after;
    assert.match(tests, /\/\/ Only this plugin is booted: the app needs a service to boot \(src\/plugins\/db\.ts:1 imports knex\)\./);
    assert.match(tests, /await app\.register\(swagger, /);
    assert.match(tests, /await app\.register\(productsRoutes, \{ prefix: '\/products' \}\);/);
    assert.match(tests, /^import productsRoutes from '\.\.\/\.\.\/src\/routes\/products\/index\.js';$/m);
  });

  it('requests the URL autoload serves: its prefix option and the folder\'s autoPrefix', () => {
    const files = project({ 'src/app.ts': appPlugin("{ prefix: '/api' }"), 'src/routes/products/index.ts': "export const autoPrefix = '/catalog';\n" });
    const tests = fastifyGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }).find((f) => f.path === 'test/routes/products.test.ts')!.after;
    assert.match(tests, /url: '\/api\/catalog'/);
  });

  it('refuses in one sentence, writing nothing, when the autoload folder is not a literal path', () => {
    const files = project({ 'src/app.ts': appPlugin().replace("path.join(import.meta.dirname, 'routes')", 'routesDir') });
    assert.throws(() => fastifyGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }),
      (e: unknown) => e instanceof RoutecraftError && /Cannot tell where @fastify\/autoload loads routes from: .*src\/app\.ts:\d+ is not a literal/.test(e.message));
  });

  it('finds an exported instance built through a type provider chain and registers the plugin there', () => {
    const files = memoryProjectWithFolders({
      'package.json': JSON.stringify({ dependencies: { fastify: '^5', zod: '^4' } }),
      'src/app.ts': "import Fastify from 'fastify';\n\nexport const app = Fastify().withTypeProvider<ZodTypeProvider>();\n",
    });
    const generated = fastifyGenerator.generate({ spec: productsCrud.spec, options: { ...OPTIONS, layout: { ...OPTIONS.layout, appFile: 'src/app.ts', testsDir: 'test' } }, files, handlerBodies: {} });
    assert.match(generated.find((f) => f.path === 'src/app.ts')!.after, /app\.register\(productsRoutes, \{ prefix: '\/products' \}\);/);
    assert.ok(generated.some((f) => f.path === posix.join('src', 'validationError.ts')), 'zod safeParse path without a type provider dialect');
  });
});

describe('codegen: fastify TypeBox and ajv', () => {
  it('writes JSON Schema keywords as TypeBox options; optional properties, enums and nullables', () => {
    const style = { quote: 'single' } as const;
    assert.equal(typeboxExpression({ type: 'object', required: ['a'], properties: { a: { type: 'integer', minimum: 1 }, b: { type: 'string', enum: ['x', 'y'] } } }, style),
      "Type.Object({ a: Type.Integer({ minimum: 1 }), b: Type.Optional(Type.Union([Type.Literal('x'), Type.Literal('y')])) })");
    assert.equal(typeboxExpression({ type: 'array', items: { type: 'string', format: 'email' }, maxItems: 2, nullable: true }, style),
      "Type.Union([Type.Array(Type.String({ format: 'email' }), { maxItems: 2 }), Type.Null()])");
  });

  it('drops only the cases ajv coerces or strips', () => {
    const c = (title: string) => ({ title, part: 'body' as const, value: {}, issuePath: 'x' });
    assert.equal(ajvRejects(c('body.name has the wrong type (string expected)')), false);
    assert.equal(ajvRejects(c('body.tags has the wrong type (array expected) (2)')), false);
    assert.equal(ajvRejects(c('body.extra is not allowed (unknown property)')), false);
    assert.equal(ajvRejects(c('body.price has the wrong type (number expected)')), true);
    assert.equal(ajvRejects(c('body.name is shorter than 2 characters')), true);
  });
});
