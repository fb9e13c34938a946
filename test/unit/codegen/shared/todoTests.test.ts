import assert from 'node:assert/strict';
import { expressGenerator } from '../../../../src/core/codegen/express/expressGenerator';
import { honoGenerator } from '../../../../src/core/codegen/hono/honoGenerator';
import type { CodegenOptions, EndpointGenerator, ProjectFiles } from '../../../../src/core/codegen/types';
import { unimplementedOperation } from '../../../generation/generationSpecs';

const LAYOUT: CodegenOptions['layout'] = { sourceDir: 'src', routesDir: 'src/routes', testsDir: 'test', testSuffix: '.test.ts', testsColocated: false, appFile: 'src/app.ts' };
const style = (semicolons: boolean): CodegenOptions['style'] => ({ quote: 'single', semicolons, indent: '  ', trailingComma: true });
const APPS: Readonly<Record<string, string>> = {
  express: "import express from 'express';\n\nexport const app = express();\napp.use(express.json());\n",
  hono: "import { Hono } from 'hono'\n\nconst app = new Hono()\n\nexport default app\n",
};
const TITLE = "'200 for a valid request (publishReport is not implemented yet: it answers 501)'";

function generate(generator: EndpointGenerator, testRunner: CodegenOptions['testRunner'], handlerBodies: Record<string, string> = {}): { tests: string; routes: string } {
  const app = APPS[generator.framework]!;
  const files: ProjectFiles = { read: (p) => (p === 'src/app.ts' ? app : undefined), exists: (p) => p === 'src/app.ts' };
  const options: CodegenOptions = {
    framework: generator.framework, frameworkMajor: generator.framework === 'hono' ? 4 : 5, testRunner, moduleKind: 'esm', importExtension: '', zodMajor: 4,
    style: style(generator.framework !== 'hono'), layout: LAYOUT,
  };
  const out = generator.generate({ spec: unimplementedOperation.spec, options, files, handlerBodies });
  return { tests: out.find((f) => f.path === 'test/reports.test.ts')!.after, routes: out.find((f) => f.path === 'src/routes/reports.ts')!.after };
}

describe('codegen: the success test of an operation without logic is a todo', () => {
  const expected: Readonly<Record<CodegenOptions['testRunner'], string>> = {
    vitest: `it.todo(${TITLE});`,
    jest: `it.todo(${TITLE});`,
    'node:test': `it.todo(${TITLE});`,
    mocha: `it(${TITLE});`,
  };
  for (const [runner, line] of Object.entries(expected) as [CodegenOptions['testRunner'], string][]) {
    it(`${runner}: ${line}, while the 400 cases stay real tests and the handler keeps its 501 and TODO`, () => {
      const { tests, routes } = generate(expressGenerator, runner);
      assert.ok(tests.split('\n').some((l) => l.trim() === line), tests);
      assert.equal(tests.includes("for a valid request', async"), false);
      assert.ok([...tests.matchAll(/it\('400 when [^']+', async \(\) => \{/g)].length >= 5);
      assert.match(routes, /TODO\(routecraft\): publishReport is not implemented yet/);
      assert.match(routes, /res\.status\(501\)/);
    });
  }

  it('follows the project\'s style (Hono without semicolons)', () => {
    const { tests } = generate(honoGenerator, 'vitest');
    assert.ok(tests.split('\n').some((l) => l.trim() === `it.todo(${TITLE})`), tests);
  });

  it('is a real test once the operation has a handler body', () => {
    const { tests } = generate(expressGenerator, 'vitest', { publishReport: "res.status(200).json({ published: true });" });
    assert.equal(tests.includes('it.todo('), false);
    assert.match(tests, /it\('200 for a valid request', async \(\) => \{/);
  });
});
