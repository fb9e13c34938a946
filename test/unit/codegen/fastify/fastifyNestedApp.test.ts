import assert from 'node:assert/strict';
import { fastifyGenerator } from '../../../../src/core/codegen/fastify/fastifyGenerator';
import type { CodegenOptions } from '../../../../src/core/codegen/types';
import { productsCrud } from '../../../generation/generationSpecs';
import { memoryProjectWithFolders } from '../../../support/memoryProject';

/** An Nx app (`nx g @nx/node:app --framework fastify`): main.ts in src/, the app plugin and its autoloaded folders in src/app/. */
const OPTIONS: CodegenOptions = {
  framework: 'fastify', frameworkMajor: 4, testRunner: 'jest', moduleKind: 'cjs', importExtension: '', zodMajor: 3,
  style: { quote: 'single', semicolons: true, indent: '  ', trailingComma: true },
  layout: { sourceDir: 'src', routesDir: 'src/app/routes', testsDir: 'src', testSuffix: '.spec.ts', testsColocated: true, appFile: 'src/app/app.ts' },
  validation: 'none',
};

const APP = [
  "import * as path from 'path';",
  "import { FastifyInstance } from 'fastify';",
  "import AutoLoad from '@fastify/autoload';",
  '',
  'export async function app(fastify: FastifyInstance, opts: object) {',
  "  fastify.register(AutoLoad, { dir: path.join(__dirname, 'plugins'), options: { ...opts } });",
  "  fastify.register(AutoLoad, { dir: path.join(__dirname, 'routes'), options: { ...opts } });",
  '}',
  '',
].join('\n');

describe('codegen: fastify autoload app in a folder of its own (Nx)', () => {
  it('writes schemas and the repository beside the app (src/app/), not beside main.ts', () => {
    const files = memoryProjectWithFolders({
      'package.json': JSON.stringify({ dependencies: { fastify: '^4', '@fastify/autoload': '^5' } }),
      'src/main.ts': "import Fastify from 'fastify';\nimport { app } from './app/app';\nconst server = Fastify();\nserver.register(app);\n",
      'src/app/app.ts': APP,
      'src/app/plugins/sensible.ts': "import fp from 'fastify-plugin';\nexport default fp(async () => {});\n",
      'src/app/routes/root.ts': "import { FastifyInstance } from 'fastify';\nexport default async function (fastify: FastifyInstance) {\n  fastify.get('/', async () => ({ message: 'Hello API' }));\n}\n",
      'src/app/app.spec.ts': "import Fastify from 'fastify';\nimport { app } from './app';\ndescribe('GET /', () => { it('answers', async () => { await Fastify().register(app).inject({ url: '/' }); }); });\n",
    });
    const generated = fastifyGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} });
    const paths = generated.map((f) => f.path);
    assert.ok(paths.includes('src/app/schemas/products.ts'), `schemas beside the app: ${paths.join(', ')}`);
    assert.ok(paths.includes('src/app/repositories/productRepository.ts'), `repository beside the app: ${paths.join(', ')}`);
    assert.ok(paths.includes('src/app/routes/products/index.ts'), paths.join(', '));
    assert.ok(!paths.some((p) => p.startsWith('src/schemas/') || p.startsWith('src/repositories/')), paths.join(', '));
    const routes = generated.find((f) => f.path === 'src/app/routes/products/index.ts')?.after ?? '';
    assert.match(routes, /from '\.\.\/\.\.\/schemas\/products'/, 'the route imports the schemas beside the app');
    files.apply(generated);
    assert.deepEqual(fastifyGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }), [], 're-run changes nothing');
  });
});
