import assert from 'node:assert/strict';
import { fastifyGenerator } from '../../../../src/core/codegen/fastify/fastifyGenerator';
import { jsonSchemaType, plainJsonSchema } from '../../../../src/core/codegen/fastify/jsonSchemaExpression';
import { projectSources } from '../../../../src/core/codegen/fastify/projectSources';
import { fastifyValidation } from '../../../../src/core/codegen/fastify/validationDialect';
import type { CodegenOptions, GeneratedFile, ProjectFiles } from '../../../../src/core/codegen/types';
import { everyFeature, productsCrud, productSearch } from '../../../generation/generationSpecs';
import { memoryProject, type MemoryProject } from '../../../support/memoryProject';

const OPTIONS: CodegenOptions = {
  framework: 'fastify', frameworkMajor: 5, testRunner: 'jest', moduleKind: 'cjs', importExtension: '', zodMajor: 4,
  style: { quote: 'double', semicolons: true, indent: '  ', trailingComma: true },
  layout: { sourceDir: 'src', routesDir: 'src/routes', testsDir: 'test', testSuffix: '.test.ts', testsColocated: false, appFile: 'src/app.ts' },
  validation: 'zod',
};
const ZOD_PACKAGE = JSON.stringify({ dependencies: { fastify: '^5', 'fastify-type-provider-zod': '^4', zod: '^3', mongodb: '^6' } });
const ZOD_APP = [
  'import { fastify } from "fastify";',
  'import { serializerCompiler, validatorCompiler as zodValidator, ZodTypeProvider } from "fastify-type-provider-zod";',
  'import { connect } from "./db";',
  '',
  'const app = fastify().withTypeProvider<ZodTypeProvider>();',
  '',
  'app.setValidatorCompiler(zodValidator);',
  'app.setSerializerCompiler(serializerCompiler);',
  'void connect();',
  '',
  'export default app;',
  '',
].join('\n');
const PLAIN_APP = 'import Fastify from "fastify";\n\nexport const app = Fastify();\n';

function byPath(files: readonly GeneratedFile[], path: string): string {
  const file = files.find((f) => f.path === path);
  assert.ok(file, `${path} was generated (got ${files.map((f) => f.path).join(', ')})`);
  return file.after;
}

describe('codegen: fastify validation dialects', () => {
  describe('detection', () => {
    it('finds fastify-type-provider-zod\'s validator set on the app, with file:line evidence (also under an alias)', () => {
      const files = memoryProject({ 'package.json': ZOD_PACKAGE, 'src/app.ts': ZOD_APP, 'src/db.ts': 'import { MongoClient } from "mongodb";\nexport async function connect() {}\n' });
      const found = fastifyValidation(files, { sources: projectSources(files), appFiles: ['src/app.ts'], validation: 'zod' });
      assert.deepEqual(found, { kind: 'zod-provider', evidence: 'src/app.ts:7 setValidatorCompiler(zodValidator) from fastify-type-provider-zod' });
    });

    it('follows the app\'s imports to the module that sets the compiler', () => {
      const setup = 'import type { FastifyInstance } from "fastify";\nimport { validatorCompiler } from "fastify-type-provider-zod";\n\nexport function setup(app: FastifyInstance) {\n  app.setValidatorCompiler(validatorCompiler);\n}\n';
      const app = 'import Fastify from "fastify";\nimport { setup } from "./setup";\n\nexport const app = Fastify();\nsetup(app);\n';
      const files = memoryProject({ 'package.json': ZOD_PACKAGE, 'src/app.ts': app, 'src/setup.ts': setup });
      assert.equal(fastifyValidation(files, { sources: projectSources(files), appFiles: ['src/app.ts'] }).kind, 'zod-provider');
    });

    it('an import of the provider that is never set, or a compiler of another module, is not the zod dialect', () => {
      const onlyImported = 'import Fastify from "fastify";\nimport { validatorCompiler } from "fastify-type-provider-zod";\nimport { other } from "./other";\n\nexport const app = Fastify();\napp.setValidatorCompiler(other);\n';
      const files = memoryProject({ 'package.json': ZOD_PACKAGE, 'src/app.ts': onlyImported });
      assert.equal(fastifyValidation(files, { sources: projectSources(files), appFiles: ['src/app.ts'], validation: 'zod' }).kind, 'zod');
    });

    it('a project without any validation library gets Fastify\'s JSON Schema; one with zod keeps zod; TypeBox wins over both', () => {
      const noLibrary = memoryProject({ 'package.json': JSON.stringify({ dependencies: { fastify: '^4' } }), 'src/app.ts': PLAIN_APP });
      const context = (files: ProjectFiles, validation: CodegenOptions['validation']) => ({ sources: projectSources(files), appFiles: ['src/app.ts'], ...(validation ? { validation } : {}) });
      assert.equal(fastifyValidation(noLibrary, context(noLibrary, 'none')).kind, 'json-schema');
      // An Nx project has no package.json of its own: detection's `none` (root included) decides.
      const nx = memoryProject({ 'src/app.ts': PLAIN_APP });
      assert.equal(fastifyValidation(nx, context(nx, 'none')).kind, 'json-schema');
      assert.equal(fastifyValidation(nx, context(nx, undefined)).kind, 'zod', 'without the fact, the former default');
      const withZod = memoryProject({ 'package.json': JSON.stringify({ dependencies: { fastify: '^5', zod: '^4' } }), 'src/app.ts': PLAIN_APP });
      assert.equal(fastifyValidation(withZod, context(withZod, 'zod')).kind, 'zod');
      const typebox = memoryProject({ 'package.json': JSON.stringify({ dependencies: { fastify: '^5', '@fastify/type-provider-typebox': '^5' } }), 'src/app.ts': ZOD_APP });
      assert.equal(fastifyValidation(typebox, context(typebox, 'none')).kind, 'typebox');
    });
  });

  describe('zod route schemas through fastify-type-provider-zod', () => {
    const project = (): MemoryProject => memoryProject({ 'package.json': ZOD_PACKAGE, 'src/app.ts': ZOD_APP, 'src/db.ts': 'import { MongoClient } from "mongodb";\nexport async function connect() {}\n' });

    it('writes zod schemas into the route schema, typed by FastifyPluginAsyncZod; no safeParse in the handlers', () => {
      const files = project();
      const generated = fastifyGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} });
      assert.deepEqual(generated.map((f) => f.path).sort(), ['src/app.ts', 'src/repositories/productRepository.ts', 'src/routes/products.ts', 'src/schemas/products.ts', 'test/products.test.ts']);
      const routes = byPath(generated, 'src/routes/products.ts');
      assert.match(routes, /^import \{ type FastifyPluginAsyncZod \} from "fastify-type-provider-zod";$/m);
      assert.match(routes, /export const productsRoutes: FastifyPluginAsyncZod<ProductsRoutesOptions> = async \(fastify, options\) =>/);
      assert.match(routes, /fastify\.put\("\/:id", \{ schema: \{ params: ProductIdParamsSchema, body: ProductSchema \} \}, async \(request, reply\) =>/);
      assert.doesNotMatch(routes, /safeParse|toValidationError/);
      assert.match(byPath(generated, 'src/schemas/products.ts'), /^import \{ z \} from "zod";$/m);
      assert.match(byPath(generated, 'src/app.ts'), /app\.register\(productsRoutes, \{ prefix: "\/products" \}\);/);
    });

    it('tests boot the plugin on a bare Fastify with the provider\'s compilers and expect Fastify\'s 400, every case included', () => {
      const generated = fastifyGenerator.generate({ spec: everyFeature.spec, options: OPTIONS, files: project(), handlerBodies: {} });
      const tests = generated.find((f) => f.path.endsWith('.test.ts'))!.after;
      assert.match(tests, /^import \{ serializerCompiler, validatorCompiler \} from "fastify-type-provider-zod";$/m);
      assert.match(tests, /app = Fastify\(\);\n\s+app\.setValidatorCompiler\(validatorCompiler\);\n\s+app\.setSerializerCompiler\(serializerCompiler\);/);
      assert.match(tests, /the app needs a service to boot \(src\/db\.ts:1 imports mongodb\)/);
      assert.match(tests, /String\(res\.json\(\)\.message\)\.includes\(/, 'Fastify\'s message names the field');
      assert.match(tests, /has the wrong type \(string expected\)/, 'zod does not coerce: the wrong-type case is a 400');
    });

    it('a second endpoint adds only its route; a re-run changes nothing', () => {
      const files = project();
      files.apply(fastifyGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }));
      const second = fastifyGenerator.generate({ spec: productSearch.spec, options: OPTIONS, files, handlerBodies: {} });
      assert.deepEqual(second.map((f) => f.path).sort(), ['src/routes/products.ts', 'src/schemas/products.ts', 'test/products.test.ts']);
      files.apply(second);
      assert.deepEqual(fastifyGenerator.generate({ spec: productSearch.spec, options: OPTIONS, files, handlerBodies: {} }), []);
      assert.deepEqual(fastifyGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }), []);
    });
  });

  describe('JSON Schema checked by Fastify (no validation library)', () => {
    const options: CodegenOptions = { ...OPTIONS, validation: 'none', style: { ...OPTIONS.style, quote: 'single' } };
    const project = (): MemoryProject => memoryProject({ 'package.json': JSON.stringify({ dependencies: { fastify: '^4', ioredis: '^5' } }), 'src/app.ts': `${PLAIN_APP}import Redis from 'ioredis';\n` });

    it('writes JSON Schema constants and their types, route generics, and imports no library', () => {
      const files = project();
      const generated = fastifyGenerator.generate({ spec: productsCrud.spec, options, files, handlerBodies: {} });
      const schemas = byPath(generated, 'src/schemas/products.ts');
      assert.match(schemas, /^export const ProductSchema = \{ type: 'object', required: \['name', 'price'\], properties: \{ name: \{ type: 'string', minLength: 1, maxLength: 120 \}/m);
      assert.match(schemas, /^export type ProductInput = \{ name: string; price: number; tags\?: string\[\]; \};$/m);
      assert.match(schemas, /^export type Product = ProductInput & \{ id: string; \};$/m);
      assert.match(schemas, /^export type ProductIdParams = \{ id: string; \};$/m);
      const routes = byPath(generated, 'src/routes/products.ts');
      assert.match(routes, /^import \{ type FastifyPluginAsync \} from 'fastify';$/m);
      assert.match(routes, /fastify\.put<\{ Params: ProductIdParams; Body: ProductInput; \}>\('\/:id', \{ schema: \{ params: ProductIdParamsSchema, body: ProductSchema \} \}/);
      assert.doesNotMatch(routes, /operationId/, 'no @fastify/swagger: no documentation keys, which would not type-check');
      assert.match(routes, /fastify\.get\('\/', async \(_request, reply\) =>/, 'a route without a schema gets no empty options');
      for (const file of generated) {
        assert.doesNotMatch(file.after, /from ['"]zod['"]/, `${file.path} imports no zod`);
      }
      const tests = byPath(generated, 'test/products.test.ts');
      assert.match(tests, /app = Fastify\(\);\n\s+await app\.register\(productsRoutes/);
      assert.doesNotMatch(tests, /setValidatorCompiler/);
      assert.doesNotMatch(tests, /has the wrong type \(string expected\)/, 'ajv coerces a number into a string: no 400 test for it');
      files.apply(generated);
      assert.deepEqual(fastifyGenerator.generate({ spec: productsCrud.spec, options, files, handlerBodies: {} }), [], 'a re-run changes nothing');
    });

    it('converts nullable, implied types and nested items; types optional properties', () => {
      const schema = { type: 'object' as const, required: ['tags'], properties: { tags: { items: { maxLength: 3 }, minItems: 1 }, note: { type: 'string' as const, nullable: true }, kind: { enum: ['a', 'b'], nullable: true } } };
      assert.deepEqual(plainJsonSchema(schema), {
        type: 'object', required: ['tags'],
        properties: { tags: { type: 'array', minItems: 1, items: { type: 'string', maxLength: 3 } }, note: { type: ['string', 'null'] }, kind: { enum: ['a', 'b', null] } },
      });
      assert.equal(jsonSchemaType(schema, { quote: 'single' }), "{ tags: string[]; note?: string | null; kind?: ('a' | 'b') | null }");
    });
  });
});
