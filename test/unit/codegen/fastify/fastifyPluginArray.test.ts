import assert from 'node:assert/strict';
import { fastifyGenerator } from '../../../../src/core/codegen/fastify/fastifyGenerator';
import type { CodegenOptions, GeneratorInput } from '../../../../src/core/codegen/types';
import { createMemoryProjectFiles } from '../../../../src/core/project/memoryProjectFs';
import { productsCrud } from '../../../generation/generationSpecs';

const OPTIONS: CodegenOptions = {
  framework: 'fastify', frameworkMajor: 5, testRunner: 'node:test', moduleKind: 'esm', importExtension: '.js', zodMajor: 4,
  style: { quote: 'single', semicolons: true, indent: '  ', trailingComma: true },
  layout: { sourceDir: 'src', routesDir: 'src/routes', testsDir: 'test', testSuffix: '.test.ts', testsColocated: false },
};

const HEALTH = "import type { FastifyPluginAsync } from 'fastify';\n\nexport const healthRoutes: FastifyPluginAsync = async (app) => {\n  app.get('/', async () => ({ status: 'ok' }));\n};\n";

/** An app factory that registers its plugins from `routes`, looped by `loop`. */
function app(array: string, loop: string): string {
  return `import Fastify from 'fastify';\nimport { healthRoutes } from './routes/health.js';\n\nexport async function buildApp() {\n  const app = Fastify();\n  const routes = ${array};\n  ${loop}\n  return app;\n}\n`;
}

function input(appText: string): GeneratorInput {
  const files = { 'package.json': JSON.stringify({ dependencies: { fastify: '5.0.0', zod: '4.0.0' } }), 'src/app.ts': appText, 'src/routes/health.ts': HEALTH };
  return { spec: productsCrud.spec, options: OPTIONS, files: createMemoryProjectFiles(files), handlerBodies: {} };
}

describe('codegen: fastify plugins registered from an array', () => {
  it('adds the plugin to the `{ plugin, prefix }` array the app loops over, imported like its siblings, once; a note says so', () => {
    const given = input(app("[\n    { plugin: healthRoutes, prefix: '/health' },\n  ]", 'for (const { plugin, prefix } of routes) {\n    await app.register(plugin, { prefix });\n  }'));
    const out = fastifyGenerator.generate(given);
    const after = out.find((f) => f.path === 'src/app.ts')?.after ?? assert.fail('the app is changed');
    assert.match(after, /\{ plugin: healthRoutes, prefix: '\/health' \},\n {4}\{ plugin: productsRoutes, prefix: '\/products' \},\n {2}\];/, after);
    assert.match(after, /^import \{ productsRoutes \} from '\.\/routes\/products\.js';$/m);
    assert.equal(after.match(/productsRoutes/g)?.length, 2, 'imported and in the array, not registered a second time');
    assert.ok((fastifyGenerator.notes?.(given) ?? []).some((n) => n.includes('looping over `routes`: the new plugin joins it')));
    const again = input(after);
    assert.equal(fastifyGenerator.generate(again).find((f) => f.path === 'src/app.ts'), undefined, 're-run leaves the app alone');
  });

  it('reads tuples looped with forEach', () => {
    const out = fastifyGenerator.generate(input(app("[['/health', healthRoutes]] as const", 'routes.forEach(([prefix, plugin]) => {\n    app.register(plugin, { prefix: prefix });\n  });')));
    assert.match(out.find((f) => f.path === 'src/app.ts')?.after ?? '', /\[\['\/health', healthRoutes\], \['\/products', productsRoutes\]\] as const/);
  });

  it('keeps its own register call, with a note, when every plugin in the array is registered at one literal prefix', () => {
    const given = input(app('[healthRoutes]', "for (const plugin of routes) {\n    await app.register(plugin, { prefix: '/api' });\n  }"));
    const after = fastifyGenerator.generate(given).find((f) => f.path === 'src/app.ts')?.after ?? assert.fail('the app is changed');
    assert.match(after, /const routes = \[healthRoutes\];/, 'the array is left alone');
    assert.match(after, /await app\.register\(productsRoutes, \{ prefix: '\/products' \}\);/);
    assert.ok((fastifyGenerator.notes?.(given) ?? []).some((n) => n.includes('every plugin in it is registered at "/api" and carries its own paths')));
  });
});
