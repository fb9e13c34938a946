import assert from 'node:assert/strict';
import { Node, Project } from 'ts-morph';
import { expressGenerator } from '../../../src/core/codegen/express/expressGenerator';
import { failingCases } from '../../../src/core/codegen/shared/failingCases';
import { exampleValue } from '../../../src/core/codegen/shared/exampleValue';
import { zodExpression } from '../../../src/core/codegen/shared/zodExpression';
import type { CodegenOptions } from '../../../src/core/codegen/types';
import { productSearch, productsCrud } from '../../generation/generationSpecs';
import { memoryProject } from '../../support/memoryProject';

const OPTIONS: CodegenOptions = {
  framework: 'express', frameworkMajor: 5, testRunner: 'vitest', moduleKind: 'esm', importExtension: '.js', zodMajor: 4,
  style: { quote: 'single', semicolons: true, indent: '  ', trailingComma: true },
  layout: { sourceDir: 'src', routesDir: 'src/routes', testsDir: 'test', testSuffix: '.test.ts', testsColocated: false, appFile: 'src/app.ts' },
};
const APP = "import express from 'express';\n\nexport const app = express();\napp.use(express.json());\n";

function parse(text: string) {
  return new Project({ useInMemoryFileSystem: true }).createSourceFile('x.ts', text);
}

describe('codegen: express generator', () => {
  it('re-running a spec changes nothing; a second endpoint adds only its route, schema and tests', () => {
    const files = memoryProject({ 'src/app.ts': APP });
    files.apply(expressGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }));
    assert.deepEqual(expressGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }), []);
    const second = expressGenerator.generate({ spec: productSearch.spec, options: OPTIONS, files, handlerBodies: productSearch.handlerBodies });
    assert.deepEqual(second.map((f) => f.path).sort(), ['src/routes/products.ts', 'src/schemas/products.ts', 'test/products.test.ts']);
    files.apply(second);
    const router = parse(files.read('src/routes/products.ts')!);
    const specifiers = router.getImportDeclarations().map((d) => d.getModuleSpecifierValue());
    assert.equal(new Set(specifiers).size, specifiers.length, 'no duplicated import declarations');
    const routes = router.getFunctionOrThrow('createProductsRouter').getStatements().map((s) => s.getText()).filter((t) => t.startsWith('router.') && !t.startsWith('router.use'));
    assert.equal(routes.length, 6);
    assert.ok(routes.findIndex((t) => t.startsWith("router.get('/search'")) < routes.findIndex((t) => t.startsWith("router.get('/:id'")), 'static path before /:id');
    const app = parse(files.read('src/app.ts')!);
    assert.equal(app.getStatements().filter((s) => s.getText().includes('productsRouter)')).length, 1, 'router registered once');
    assert.equal(app.getImportDeclarations().length, 2);
  });

  it('writes one test per failing case of the entity', () => {
    const files = memoryProject({ 'src/app.ts': APP });
    const out = expressGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} });
    const test = parse(out.find((f) => f.path === 'test/products.test.ts')!.after);
    const titles = test.getDescendants().filter(Node.isCallExpression).filter((c) => c.getExpression().getText() === 'it').map((c) => c.getArguments()[0]!.getText());
    const post = failingCases(productsCrud.spec.crud!.entity, 'body', exampleValue(productsCrud.spec.crud!.entity));
    for (const c of post) {
      assert.ok(titles.includes(`'400 when ${c.title}'`), c.title);
    }
  });

  it('a custom endpoint without a handler body answers 501, clearly marked', () => {
    const files = memoryProject({ 'src/app.ts': APP });
    const out = expressGenerator.generate({ spec: productSearch.spec, options: OPTIONS, files, handlerBodies: {} });
    const router = out.find((f) => f.path === 'src/routes/products.ts')!.after;
    assert.match(router, /TODO\(routecraft\)/);
    assert.match(router, /res\.status\(501\)/);
  });

  it('uses the zod form of each major', () => {
    assert.equal(zodExpression({ type: 'string', format: 'email' }, { zodMajor: 4, style: { quote: 'single', trailingComma: false } }), 'z.email()');
    assert.equal(zodExpression({ type: 'string', format: 'email' }, { zodMajor: 3, style: { quote: 'single', trailingComma: false } }), 'z.string().email()');
    assert.equal(zodExpression({ type: 'string', format: 'date-time' }, { zodMajor: 4, style: { quote: 'single', trailingComma: false } }), 'z.iso.datetime({ offset: true })');
  });

  it('generates a value for a pattern no fixed candidate matches; asks for examples only when none can be', () => {
    assert.equal(exampleValue({ type: 'string', pattern: '^Q{7}z$' }, 'code'), 'QQQQQQQz');
    assert.throws(() => exampleValue({ type: 'string', pattern: '^Q{7}z$', maxLength: 4 }, 'code'), /"code".*Add "examples"/);
  });
});
