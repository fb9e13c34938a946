import assert from 'node:assert/strict';
import { fastifyGenerator } from '../../../../src/core/codegen/fastify/fastifyGenerator';
import type { CodegenOptions, GeneratedFile, GeneratorInput } from '../../../../src/core/codegen/types';
import { aggregatorProject } from './aggregatorProject';
import { createMemoryProjectFiles } from '../../../../src/core/project/memoryProjectFs';
import { productsCrud, productSearch } from '../../../generation/generationSpecs';

/** As fastify-modules-zod-mongo: CommonJS, `@modules/*`, jest specs in a tree mirroring the modules (src/test/modules). */
const OPTIONS: CodegenOptions = {
  framework: 'fastify', frameworkMajor: 5, testRunner: 'jest', moduleKind: 'cjs', importExtension: '', zodMajor: 3,
  style: { quote: 'double', semicolons: true, indent: '  ', trailingComma: false },
  layout: { sourceDir: 'src', routesDir: 'src/modules', testsDir: 'src/test/modules', testSuffix: '.spec.ts', testsColocated: false },
  pathAliases: [{ prefix: '@modules/', target: 'src/modules/' }],
};

const BASE = aggregatorProject();
const SCHEMA = 'import { z } from "zod";\n\nexport const s = z.object({});\n';
const SPEC = 'describe("x", () => { it("y", () => {}); });\n';
/** Schemas folders per module and unit specs mirroring the modules, as fastify-modules-zod-mongo. */
const MODULES_PROJECT: Record<string, string> = {
  ...BASE,
  'src/modules/auth/schemas/index.ts': 'export * from "./loginSchema";\n',
  'src/modules/auth/schemas/loginSchema.ts': SCHEMA,
  'src/modules/user/schemas/index.ts': 'export * from "./createUserSchema";\n',
  'src/modules/user/schemas/createUserSchema.ts': SCHEMA,
  'src/modules/auth/types/ICredentialRepository.ts': 'export interface ICredentialRepository { x: number }\n',
  'src/infra/mongo/repositories/user/MongoUserRepository.ts': 'export class MongoUserRepository {}\n',
  'src/test/modules/auth/unit/controllers/LoginController.spec.ts': SPEC,
  'src/test/modules/user/unit/controllers/CreateUserController.spec.ts': SPEC,
  'src/test/modules/shared/unit/utils/hashPassword.spec.ts': SPEC,
};

function input(files: Record<string, string>, spec: GeneratorInput['spec'] = productsCrud.spec, options: CodegenOptions = OPTIONS): GeneratorInput {
  return { spec, options, files: createMemoryProjectFiles(files), handlerBodies: {} };
}

function paths(generated: readonly GeneratedFile[]): string[] {
  return generated.map((f) => f.path).sort();
}

function applied(files: Record<string, string>, generated: readonly GeneratedFile[]): Record<string, string> {
  return { ...files, ...Object.fromEntries(generated.map((f) => [f.path, f.after])) };
}

describe('codegen: fastify feature modules beside the aggregator\'s siblings', () => {
  it('puts schemas in the module\'s schemas/ folder, tests in the tree mirroring the modules, the repository in the module, saying why; a re-run and a second spec extend the same files', () => {
    const generated = fastifyGenerator.generate(input(MODULES_PROJECT));
    assert.deepEqual(paths(generated), [
      'src/modules/products/productRepository.ts',
      'src/modules/products/products.routes.ts',
      'src/modules/products/schemas/index.ts',
      'src/modules/products/schemas/products.ts',
      'src/modules/routes.ts',
      'src/test/modules/products/products.spec.ts',
      'src/validationError.ts', // the zod safeParse dialect's helper, shared by every resource
    ]);
    assert.equal(generated.find((f) => f.path === 'src/modules/products/schemas/index.ts')!.after, 'export * from "./products";\n', 'the index re-exports the schemas like the siblings\' do');
    const routes = generated.find((f) => f.path === 'src/modules/products/products.routes.ts')!.after;
    assert.match(routes, /from "\.\/schemas\/products";/);
    assert.match(routes, /from "\.\/productRepository";/);
    const test = generated.find((f) => f.path === 'src/test/modules/products/products.spec.ts')!.after;
    assert.match(test, /^import app from "\.\.\/\.\.\/\.\.\/app";$/m, 'the app imported from the test\'s own folder');
    assert.deepEqual((fastifyGenerator.notes?.(input(MODULES_PROJECT)) ?? []).slice(1), [
      'Schemas go to src/modules/products/schemas/products.ts, where each sibling module keeps its own (src/modules/auth/schemas/, src/modules/user/schemas/), re-exported from src/modules/products/schemas/index.ts as theirs are.',
      'Tests go to src/test/modules/products/products.spec.ts, in the tree that mirrors the modules (src/test/modules/auth/unit/controllers/LoginController.spec.ts, src/test/modules/user/unit/controllers/CreateUserController.spec.ts).',
      'The in-memory repository goes to src/modules/products/productRepository.ts, with its feature: the project has no src/repositories/; the project\'s own repositories (src/infra/mongo/repositories/user/MongoUserRepository.ts) implement its database, which this in-memory one does not.',
    ]);
    const after = applied(MODULES_PROJECT, generated);
    assert.deepEqual(fastifyGenerator.generate(input(after)), [], 're-run changes nothing');
    const second = fastifyGenerator.generate(input(after, productSearch.spec));
    assert.ok(second.length > 0);
    assert.deepEqual(paths(second).filter((p) => !p.startsWith('src/modules/products/') && !p.startsWith('src/test/modules/products/')), [], `the second spec extends the module's files: ${paths(second).join(', ')}`);
    assert.deepEqual(fastifyGenerator.generate(input(applied(after, second), productSearch.spec)), [], 'and its re-run changes nothing');
    // The detected tests folder may narrow to the new module's own (`src/test/modules/products`): the tree is read from the test folder up.
    const narrowed: CodegenOptions = { ...OPTIONS, layout: { ...OPTIONS.layout, testsDir: 'src/test/modules/products' } };
    assert.ok((fastifyGenerator.notes?.(input(after, productSearch.spec, narrowed)) ?? []).some((n) => n.startsWith('Tests go to src/test/modules/products/products.spec.ts, in the tree that mirrors the modules (src/test/modules/auth/')));
  });

  it('follows a schemas file beside each routes module and tests colocated with the routes', () => {
    const files = {
      ...BASE,
      'src/modules/auth/auth.schemas.ts': SCHEMA,
      'src/modules/user/user.schemas.ts': SCHEMA,
      'src/modules/user/__tests__/user.routes.test.ts': SPEC,
    };
    assert.deepEqual(paths(fastifyGenerator.generate(input(files))), [
      'src/modules/products/__tests__/products.routes.test.ts',
      'src/modules/products/productRepository.ts',
      'src/modules/products/products.routes.ts',
      'src/modules/products/products.schemas.ts',
      'src/modules/routes.ts',
      'src/validationError.ts',
    ]);
  });

  it('keeps the generic places when the siblings disagree, the project has src/repositories/, or an earlier run wrote there', () => {
    const mixed = {
      ...BASE,
      'src/modules/auth/schemas/loginSchema.ts': SCHEMA,
      'src/repositories/userRepository.ts': 'export class UserRepository {}\n',
    };
    const notes = fastifyGenerator.notes?.(input(mixed)) ?? [];
    assert.deepEqual(notes.slice(1), [
      'Schemas go to src/schemas/products.ts: the sibling modules keep theirs in different places (auth: src/modules/auth/schemas/, user: none).',
      'Tests go to src/test/modules/products.spec.ts: no test of the sibling modules shows a place for them.',
      'The in-memory repository goes to src/repositories/productRepository.ts: the project has src/repositories/ already.',
    ]);
    assert.deepEqual(paths(fastifyGenerator.generate(input(mixed))).filter((p) => !p.endsWith('routes.ts') && p !== 'src/validationError.ts'), ['src/repositories/productRepository.ts', 'src/schemas/products.ts', 'src/test/modules/products.spec.ts']);

    const earlier = { ...MODULES_PROJECT, 'src/schemas/products.ts': SCHEMA, 'src/test/modules/products.spec.ts': SPEC };
    const generated = paths(fastifyGenerator.generate(input(earlier)));
    assert.ok(generated.includes('src/schemas/products.ts') && generated.includes('src/test/modules/products.spec.ts'), `an earlier run's files are extended: ${generated.join(', ')}`);
    assert.ok(!generated.some((p) => p.startsWith('src/modules/products/schemas/') || p.startsWith('src/test/modules/products/')), generated.join(', '));
    assert.deepEqual((fastifyGenerator.notes?.(input(earlier)) ?? []).slice(1, 3), [
      'Schemas stay in src/schemas/products.ts, which an earlier run wrote, so it is extended there.',
      'Tests stay in src/test/modules/products.spec.ts, which an earlier run wrote, so it is extended there.',
    ]);
  });

  it('reads tests in two trees as ambiguous and keeps the generic place', () => {
    const files = { ...BASE, 'src/test/modules/auth/login.spec.ts': SPEC, 'src/test/modules/legacy/user/x.spec.ts': SPEC };
    const notes = fastifyGenerator.notes?.(input(files)) ?? [];
    assert.ok(notes.includes('Tests go to src/test/modules/products.spec.ts: the sibling modules\' tests sit in different trees (src/test/modules/auth/login.spec.ts, src/test/modules/legacy/user/x.spec.ts).'), notes.join('\n'));
  });
});
