import assert from 'node:assert/strict';
import { createMemoryProjectFs, type ProjectFacts, type TestRunnerName } from '../../../../src/core/project';
import { configLiteral, NOT_LITERAL } from '../../../../src/core/testgen/place/configLiteral';
import { findTestFile } from '../../../../src/core/testgen/place/findTestFile';
import { runnerCollection } from '../../../../src/core/testgen/place/runnerCollects';

const pkg = (extra: Record<string, unknown>): string => JSON.stringify({ name: 'p', ...extra });

async function collects(files: Record<string, string>, runner: TestRunnerName, paths: readonly string[]): Promise<boolean[] | undefined> {
  const collection = await runnerCollection(createMemoryProjectFs(files), runner);
  return collection === undefined ? undefined : paths.map((p) => collection.collects(p));
}

describe('runnerCollection: which files the runner collects, read from its config', () => {
  it('jest rootDir "src" with testRegex (Nest\'s package.json): only .spec.ts files under src/', async () => {
    const files = { 'package.json': pkg({ scripts: { test: 'jest' }, jest: { rootDir: 'src', testRegex: '.*\\.spec\\.ts$' } }) };
    assert.deepEqual(await collects(files, 'jest', ['src/a/b.spec.ts', 'test/a/b.spec.ts', 'src/a/b.test.ts', 'src/a/b.ts']), [true, false, false, false]);
    assert.match((await runnerCollection(createMemoryProjectFs(files), 'jest'))?.source ?? '', /package\.json "jest": rootDir "src", testRegex/);
  });

  it('jest roots with <rootDir> limit the folders; testMatch globs decide the names', async () => {
    const files = { 'package.json': pkg({ jest: { roots: ['<rootDir>/lib', '<rootDir>/spec'], testMatch: ['**/*.check.ts'] } }) };
    assert.deepEqual(await collects(files, 'jest', ['lib/x.check.ts', 'spec/y/x.check.ts', 'src/x.check.ts', 'lib/x.test.ts']), [true, true, false, false]);
  });

  it('jest defaults without any config: __tests__ folders and .test/.spec files anywhere but node_modules', async () => {
    const files = { 'package.json': pkg({ scripts: { test: 'jest' } }) };
    assert.deepEqual(await collects(files, 'jest', ['src/__tests__/a.ts', 'test/a.spec.ts', 'src/a.test.ts', 'src/a.ts', 'node_modules/x/a.test.ts']), [true, true, true, false, false]);
  });

  it('jest.config.ts read without running it (a typed const exported by default); testPathIgnorePatterns apply', async () => {
    const config = "import type { Config } from 'jest';\nconst config: Config = { preset: 'ts-jest', rootDir: '.', roots: ['<rootDir>/tests'], testPathIgnorePatterns: ['/fixtures/'] };\nexport default config;\n";
    const files = { 'package.json': pkg({}), 'jest.config.ts': config };
    assert.deepEqual(await collects(files, 'jest', ['tests/a.test.ts', 'tests/fixtures/a.test.ts', 'src/a.test.ts']), [true, false, false]);
  });

  it('the --config of the test script wins over jest.config.*', async () => {
    const files = { 'package.json': pkg({ scripts: { test: 'jest --config ./jest.unit.json' } }), 'jest.unit.json': JSON.stringify({ rootDir: 'src' }), 'jest.config.js': "module.exports = { rootDir: 'test' };\n" };
    assert.deepEqual(await collects(files, 'jest', ['src/a.test.ts', 'test/a.test.ts']), [true, false]);
  });

  it('a jest config computed in code, or with projects, is no evidence (undefined: any place goes)', async () => {
    assert.equal(await collects({ 'package.json': pkg({}), 'jest.config.js': "const base = require('./base');\nmodule.exports = { rootDir: base.dir };\n" }, 'jest', []), undefined);
    assert.equal(await collects({ 'package.json': pkg({ jest: { projects: ['a', 'b'] } }) }, 'jest', []), undefined);
  });

  it('vitest test.include in defineConfig, relative to test.dir; the default include without a config', async () => {
    const config = "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['tests/**/*.test.ts'] } });\n";
    assert.deepEqual(await collects({ 'package.json': pkg({}), 'vitest.config.ts': config }, 'vitest', ['tests/u/a.test.ts', 'src/a.test.ts']), [true, false]);
    const dir = "export default { test: { dir: 'src' } };\n";
    assert.deepEqual(await collects({ 'package.json': pkg({}), 'vite.config.mjs': dir }, 'vitest', ['src/a.spec.ts', 'test/a.spec.ts']), [true, false]);
    assert.deepEqual(await collects({ 'package.json': pkg({}) }, 'vitest', ['test/a.spec.ts', 'src/b.test.mts', 'src/b.ts']), [true, true, false]);
  });

  it('mocha spec from .mocharc (a folder, a glob) or package.json "mocha"; none: no evidence', async () => {
    assert.deepEqual(await collects({ 'package.json': pkg({}), '.mocharc.json': JSON.stringify({ spec: 'test/**/*.spec.ts' }) }, 'mocha', ['test/a/b.spec.ts', 'src/b.spec.ts']), [true, false]);
    assert.deepEqual(await collects({ 'package.json': pkg({}), '.mocharc.yml': 'spec: test\nrecursive: true\n' }, 'mocha', ['test/a/b.ts', 'src/b.ts']), [true, false]);
    assert.deepEqual(await collects({ 'package.json': pkg({ mocha: { spec: ['spec/*.ts'] } }) }, 'mocha', ['spec/b.ts', 'spec/a/b.ts']), [true, false]);
    assert.equal(await collects({ 'package.json': pkg({}) }, 'mocha', []), undefined);
  });

  it('node --test globs of the test script; a bare node --test is no evidence', async () => {
    const files = { 'package.json': pkg({ scripts: { test: "node --import tsx --test 'test/**/*.test.ts'" } }) };
    assert.deepEqual(await collects(files, 'node:test', ['test/a/b.test.ts', 'src/b.test.ts']), [true, false]);
    assert.equal(await collects({ 'package.json': pkg({ scripts: { test: 'node --test' } }) }, 'node:test', []), undefined);
  });
});

describe('configLiteral: a config object read without running the file', () => {
  it('module.exports, export default, defineConfig(() => ({…})); non-literal values are marked', () => {
    assert.deepEqual(configLiteral("module.exports = { rootDir: 'src', roots: ['<rootDir>'] };", 'jest.config.js'), { rootDir: 'src', roots: ['<rootDir>'] });
    assert.deepEqual(configLiteral("export default defineConfig(() => ({ test: { include: ['a/**'], globals: true } }));", 'vitest.config.ts'), { test: { include: ['a/**'], globals: true } });
    assert.deepEqual(configLiteral('const dir = "src";\nexport default { rootDir: dir };', 'jest.config.mjs'), { rootDir: NOT_LITERAL });
    assert.equal(configLiteral('console.log(1);', 'jest.config.js'), undefined);
  });
});

describe('findTestFile: a new test goes where the project\'s runner collects tests', () => {
  const facts = (testRunner: TestRunnerName, layout: Partial<ProjectFacts['layout']>): ProjectFacts => ({
    root: '/p',
    packageManager: 'npm',
    moduleKind: 'cjs',
    importExtension: '',
    testRunner: { name: testRunner },
    layout: { sourceDir: 'src', routesDir: 'src', testsDir: 'test', testSuffix: '.spec.ts', testsColocated: false, ...layout },
    style: { quote: 'single', semicolons: true, indent: '  ', trailingComma: true },
    pathAliases: [],
    validation: 'none',
    unknowns: [],
  });

  it('jest rootDir "src" and only an e2e spec in test/ (nestjs-mongo-swagger-pipe): the spec goes beside the module, not into test/', async () => {
    const files = {
      'package.json': pkg({ scripts: { test: 'jest', 'test:e2e': 'jest --config ./test/jest-e2e.json' }, jest: { rootDir: 'src', testRegex: '.*\\.spec\\.ts$' } }),
      'test/jest-e2e.json': JSON.stringify({ rootDir: '.', testRegex: '.e2e-spec.ts$' }),
      'test/app.e2e-spec.ts': "import { AppModule } from './../src/app.module';\n",
      'src/app.module.ts': 'export class AppModule {}\n',
      'src/common/pipes/parse-object-id.pipe.ts': 'export class ParseObjectIdPipe {}\n',
    };
    const location = await findTestFile('/p', facts('jest', {}), 'src/common/pipes/parse-object-id.pipe.ts', createMemoryProjectFs(files));
    assert.deepEqual(location, {
      path: 'src/common/pipes/parse-object-id.pipe.spec.ts',
      exists: false,
      reason: 'new',
      collectedBy: 'package.json "jest": rootDir "src", testRegex ".*\\\\.spec\\\\.ts$"',
    });
  });

  it('vitest including only tests/**: a colocated layout still puts the new file into the mirrored tests/ tree', async () => {
    const files = {
      'package.json': pkg({}),
      'vitest.config.ts': "export default { test: { include: ['tests/**/*.test.ts'] } };\n",
      'src/lib/money.ts': 'export const m = 1;\n',
    };
    const location = await findTestFile('/p', facts('vitest', { testsDir: 'tests', testSuffix: '.test.ts', testsColocated: true }), 'src/lib/money.ts', createMemoryProjectFs(files));
    assert.equal(location.path, 'tests/lib/money.test.ts');
  });

  it('a place the runner already collects is kept as it was', async () => {
    const files = { 'package.json': pkg({ jest: { rootDir: '.', roots: ['<rootDir>/src', '<rootDir>/test'], testRegex: '.*\\.(e2e-)?spec\\.ts$' } }), 'src/a/b.ts': '' };
    const location = await findTestFile('/p', facts('jest', {}), 'src/a/b.ts', createMemoryProjectFs(files));
    assert.deepEqual(location, { path: 'test/a/b.spec.ts', exists: false, reason: 'new' });
  });
});
