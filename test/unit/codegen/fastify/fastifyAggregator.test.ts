import assert from 'node:assert/strict';
import { fastifyGenerator } from '../../../../src/core/codegen/fastify/fastifyGenerator';
import type { CodegenOptions, GeneratedFile, GeneratorInput } from '../../../../src/core/codegen/types';
import { AGGREGATOR_PACKAGE, aggregatorApp, aggregatorProject, featurePlugin } from './aggregatorProject';
import { createMemoryProjectFiles } from '../../../../src/core/project/memoryProjectFs';
import { productsCrud } from '../../../generation/generationSpecs';

/** A CommonJS app with `@modules/*` → `src/modules/*`, double quotes, no trailing commas (as fastify-modules-zod-mongo). */
const OPTIONS: CodegenOptions = {
  framework: 'fastify', frameworkMajor: 5, testRunner: 'jest', moduleKind: 'cjs', importExtension: '', zodMajor: 3,
  style: { quote: 'double', semicolons: true, indent: '  ', trailingComma: false },
  layout: { sourceDir: 'src', routesDir: 'src/modules', testsDir: 'test', testSuffix: '.test.ts', testsColocated: false },
  pathAliases: [{ prefix: '@modules/', target: 'src/modules/' }],
};

const project = aggregatorProject;

function input(files: Record<string, string>, options: CodegenOptions = OPTIONS): GeneratorInput {
  return { spec: productsCrud.spec, options, files: createMemoryProjectFiles(files), handlerBodies: {} };
}

function generate(files: Record<string, string>, options: CodegenOptions = OPTIONS): { byPath: (p: string) => string; paths: string[]; generated: GeneratedFile[] } {
  const generated = fastifyGenerator.generate(input(files, options));
  const byPath = (p: string): string => generated.find((f) => f.path === p)?.after ?? assert.fail(`${p} not generated: ${generated.map((f) => f.path).join(', ')}`);
  return { byPath, paths: generated.map((f) => f.path).sort(), generated };
}

function applied(files: Record<string, string>, generated: readonly GeneratedFile[]): Record<string, string> {
  return { ...files, ...Object.fromEntries(generated.map((f) => [f.path, f.after])) };
}

describe('codegen: fastify routes registered through an aggregator plugin', () => {
  it('registers the plugin in the aggregator beside its siblings (alias import, in order, same options), its module where theirs live; tests request /api/products; a re-run changes nothing', () => {
    const files = project();
    const { byPath, paths, generated } = generate(files);
    assert.ok(!paths.includes('src/app.ts'), `the app is left alone: ${paths.join(', ')}`);
    assert.ok(paths.includes('src/modules/products/products.routes.ts'), paths.join(', '));
    assert.equal(byPath('src/modules/routes.ts'), [
      'import type { FastifyInstance } from "fastify";',
      'import { userRoutes } from "@modules/user/user.routes";',
      'import { authRoutes } from "@modules/auth/auth.routes";',
      'import { productsRoutes } from "@modules/products/products.routes";',
      '',
      'export const routes = (app: FastifyInstance) => {',
      '  app.register(authRoutes, { prefix: "/auth" });',
      '  app.register(productsRoutes, { prefix: "/products" });',
      '  app.register(userRoutes, { prefix: "/user" });',
      '};',
      '',
    ].join('\n'));
    const tests = byPath('test/products.test.ts');
    assert.match(tests, /^import app from "\.\.\/src\/app";$/m, 'the app is imported as is (it needs no service)');
    assert.match(tests, /url: "\/api\/products"/);
    assert.doesNotMatch(tests, /url: "\/products/);
    const notes = fastifyGenerator.notes?.(input(files)) ?? [];
    assert.deepEqual(notes, [
      'productsRoutes is registered in routes (src/modules/routes.ts:5) beside authRoutes, userRoutes; the app registers routes with the prefix /api (src/app.ts:6), so the routes are served under /api/products and the tests request that URL.',
      'Schemas go to src/schemas/products.ts: no sibling module keeps schemas in its folder (src/modules/auth, src/modules/user).',
      'Tests go to test/products.test.ts: no test of the sibling modules shows a place for them.',
      'The in-memory repository goes to src/modules/products/productRepository.ts, with its feature: the project has no src/repositories/.',
    ]);
    assert.ok(paths.includes('src/modules/products/productRepository.ts') && paths.includes('src/schemas/products.ts'), paths.join(', '));
    assert.deepEqual(fastifyGenerator.generate(input(applied(files, generated))), [], 're-run changes nothing');
  });

  it('boots the plugin alone at the full prefix when the app needs a database, and appends after unsorted siblings with their await and shared options', () => {
    const aggregator = [
      'import type { FastifyInstance } from "fastify";',
      'import { userRoutes } from "./user/user.routes";',
      'import { authRoutes } from "./auth/auth.routes";',
      '',
      'export async function routes(app: FastifyInstance) {',
      '  await app.register(userRoutes, { prefix: "/user", logLevel: "warn" });',
      '  await app.register(authRoutes, { prefix: "/auth", logLevel: "warn" });',
      '}',
      '',
    ].join('\n');
    const files = project({
      'src/app.ts': aggregatorApp('app.register(routes, { prefix: "/api/v1" });', 'import { MongoClient } from "mongodb";\nexport const client = new MongoClient("mongodb://db");\n'),
      'src/modules/routes.ts': aggregator,
    });
    const { byPath } = generate(files);
    const routes = byPath('src/modules/routes.ts');
    assert.match(routes, /import \{ authRoutes \} from "\.\/auth\/auth\.routes";\nimport \{ productsRoutes \} from "\.\/products\/products\.routes";\n/, 'relative like its siblings, after the last of them');
    assert.match(routes, /await app\.register\(authRoutes, \{ prefix: "\/auth", logLevel: "warn" \}\);\n {2}await app\.register\(productsRoutes, \{ prefix: "\/products", logLevel: "warn" \}\);\n\}/);
    const tests = byPath('test/products.test.ts');
    assert.match(tests, /src\/app\.ts:3 imports mongodb/);
    assert.match(tests, /await app\.register\(productsRoutes, \{ prefix: "\/api\/v1\/products" \}\);/, 'mounted where the app serves it');
    assert.match(tests, /url: "\/api\/v1\/products"/);
  });

  it('an aggregator declared in the app file, registering flat route files imported by default: the plugin beside them, exported and imported by default', () => {
    const app = [
      'import Fastify, { type FastifyInstance } from "fastify";',
      'import books from "./routes/books";',
      'import loans from "./routes/loans";',
      '',
      'async function api(instance: FastifyInstance) {',
      '  await instance.register(books, { prefix: "/books" });',
      '  await instance.register(loans, { prefix: "/loans" });',
      '}',
      '',
      'export const app = Fastify();',
      'app.register(api, { prefix: "/api" });',
      '',
    ].join('\n');
    const route = 'import type { FastifyInstance } from "fastify";\n\nexport default async function routes(app: FastifyInstance) {\n  app.get("/", async () => []);\n}\n';
    const { byPath, paths } = generate({ 'package.json': AGGREGATOR_PACKAGE, 'src/app.ts': app, 'src/routes/books.ts': route, 'src/routes/loans.ts': route }, { ...OPTIONS, layout: { ...OPTIONS.layout, routesDir: 'src/routes' }, pathAliases: [] });
    assert.ok(paths.includes('src/routes/products.ts'), paths.join(', '));
    assert.match(byPath('src/routes/products.ts'), /^export default productsRoutes;$/m);
    const after = byPath('src/app.ts');
    assert.match(after, /import books from "\.\/routes\/books";\nimport loans from "\.\/routes\/loans";\nimport productsRoutes from "\.\/routes\/products";\n/, 'in the sorted place among the sibling imports');
    assert.match(after, /register\(loans, \{ prefix: "\/loans" \}\);\n {2}await instance\.register\(productsRoutes, \{ prefix: "\/products" \}\);\n\}/);
    assert.match(after, /^app\.register\(api, \{ prefix: "\/api" \}\);\n$/m, 'the app\'s own registrations unchanged');
    assert.match(byPath('test/products.test.ts'), /url: "\/api\/products"/);
  });

  it('keeps registering in the app, and says why, when two plugins aggregate routes or one is registered twice', () => {
    const other = 'import type { FastifyInstance } from "fastify";\nimport { authRoutes } from "@modules/auth/auth.routes";\n\nexport const legacy = (app: FastifyInstance) => {\n  app.register(authRoutes, { prefix: "/auth" });\n};\n';
    const cases: Record<string, Record<string, string>> = {
      'several plugins that register route plugins': project({
        'src/app.ts': aggregatorApp('app.register(routes, { prefix: "/api" });\napp.register(legacy, { prefix: "/legacy" });', 'import { legacy } from "@modules/legacy";\n'),
        'src/modules/legacy.ts': other,
      }),
      'registers routes more than once': project({ 'src/app.ts': aggregatorApp('app.register(routes, { prefix: "/api" });\napp.register(routes, { prefix: "/v2" });') }),
      'is not a string literal': project({ 'src/app.ts': aggregatorApp('app.register(routes, { prefix: process.env.API_PREFIX });') }),
    };
    for (const [reason, files] of Object.entries(cases)) {
      const { byPath, paths } = generate(files);
      assert.ok(!paths.includes('src/modules/routes.ts'), `${reason}: the aggregator is left alone`);
      assert.match(byPath('src/app.ts'), /^app\.register\(productsRoutes, \{ prefix: "\/products" \}\);$/m, reason);
      assert.match(byPath('test/products.test.ts'), /url: "\/products"/, reason);
      const notes = fastifyGenerator.notes?.(input(files)) ?? [];
      assert.equal(notes.length, 1, reason);
      assert.ok(notes[0]!.startsWith('productsRoutes is registered in src/app.ts with the prefix /products, not in an aggregator plugin: ') && notes[0]!.includes(reason), notes[0]);
    }
  });

  it('is not an aggregator when the registered plugin registers only packages, or fewer features than the app registers directly', () => {
    const cors = 'import type { FastifyInstance } from "fastify";\nimport cors from "@fastify/cors";\n\nexport const routes = async (app: FastifyInstance) => {\n  await app.register(cors, { prefix: "/x" });\n};\n';
    const direct = aggregatorApp('app.register(routes, { prefix: "/api" });\napp.register(aRoutes, { prefix: "/a" });\napp.register(bRoutes, { prefix: "/b" });\napp.register(cRoutes, { prefix: "/c" });', 'import { aRoutes } from "@modules/a/a.routes";\nimport { bRoutes } from "@modules/b/b.routes";\nimport { cRoutes } from "@modules/c/c.routes";\n');
    const cases = {
      packages: project({ 'src/modules/routes.ts': cors }),
      direct: project({ 'src/app.ts': direct, 'src/modules/a/a.routes.ts': featurePlugin('a'), 'src/modules/b/b.routes.ts': featurePlugin('b'), 'src/modules/c/c.routes.ts': featurePlugin('c') }),
    };
    for (const [name, files] of Object.entries(cases)) {
      const { byPath, paths } = generate(files);
      assert.ok(!paths.includes('src/modules/routes.ts'), name);
      assert.match(byPath('src/app.ts'), /^app\.register\(productsRoutes, \{ prefix: "\/products" \}\);$/m, name);
      assert.deepEqual(fastifyGenerator.notes?.(input(files)), [], name);
    }
  });
});
