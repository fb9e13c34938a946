import assert from 'node:assert/strict';
import { createMemoryProjectFs, type ProjectFacts } from '../../../../src/core/project';
import { runnerApiImport, testApiUse } from '../../../../src/core/testgen/context/runnerApiImport';
import { importSpecifierFor, targetImportStyle, wildcardAliases } from '../../../../src/core/testgen/context/targetImportStyle';
import { learnTestConventions } from '../../../../src/core/testgen/context/testConventions';
import { pairTests } from '../../../../src/core/testgen/place/testNeighbours';

const fsOf = (files: Record<string, string>) => createMemoryProjectFs(files);
const globalsTest = { path: 'src/a/__tests__/a.test.ts', text: "import { a } from '@/a/a';\n\ndescribe('a', () => {\n  it('works', () => {\n    expect(a).toBe(1);\n  });\n});\n" };
const importingTest = { path: 'test/b.test.ts', text: "import { describe, expect, it } from 'vitest'\nimport { b } from '../src/b'\n\ndescribe('b', () => {\n  it('works', () => expect(b).toBe(1))\n})\n" };

describe('runnerApiImport: describe/it/expect imported or global, as the project does it', () => {
  it('reads a test file: imported from a runner module, or used without an import', () => {
    assert.deepEqual(testApiUse(globalsTest.text), { usesGlobals: true });
    assert.deepEqual(testApiUse(importingTest.text), { importsFrom: 'vitest', usesGlobals: false });
    assert.deepEqual(testApiUse("import type { Mock } from 'vitest'\nvi.mock('x')\n"), { usesGlobals: true }, 'a type-only import is not the API');
    assert.deepEqual(testApiUse('export const x = 1\n'), { usesGlobals: false });
  });

  it('vitest: the nearest test decides first', async () => {
    const fs = fsOf({ 'vitest.config.ts': 'export default { test: { globals: true } }\n' });
    assert.deepEqual(await runnerApiImport(fs, 'vitest', [globalsTest], []), { reason: 'src/a/__tests__/a.test.ts uses describe/it/expect as globals' });
    assert.deepEqual(await runnerApiImport(fs, 'vitest', [importingTest, globalsTest], []), { module: 'vitest', reason: "test/b.test.ts imports the test API from 'vitest'" });
  });

  it('vitest without telling neighbours: globals: true in the config, or vitest/globals in tsconfig types, else imported', async () => {
    const config = fsOf({ 'vite.config.mts': "export default defineConfig({ test: { globals: true, // on\n } })\n" });
    assert.deepEqual(await runnerApiImport(config, 'vitest', [], []), { reason: 'vite.config.mts sets globals: true' });
    const commented = fsOf({ 'vitest.config.ts': 'export default { test: { /* globals: true */ } }\n' });
    assert.equal((await runnerApiImport(commented, 'vitest', [], [])).module, 'vitest');
    assert.deepEqual(await runnerApiImport(fsOf({}), 'vitest', [], ['node', 'vitest/globals']), { reason: "tsconfig types include 'vitest/globals'" });
    assert.equal((await runnerApiImport(fsOf({}), 'vitest', [{ path: 'x.test.ts', text: 'export {}\n' }], ['node'])).module, 'vitest');
  });

  it('jest: globals from @types/jest, or @jest/globals when the tests import it or only it is installed', async () => {
    const jestImport = { path: 'src/x.spec.ts', text: "import { describe, expect, it } from '@jest/globals';\ndescribe('x', () => it('y', () => expect(1).toBe(1)));\n" };
    const types = fsOf({ 'package.json': '{ "devDependencies": { "@types/jest": "29", "jest": "29" } }' });
    assert.equal((await runnerApiImport(types, 'jest', [], [])).module, undefined);
    assert.equal((await runnerApiImport(types, 'jest', [jestImport], [])).module, '@jest/globals');
    const only = fsOf({ 'package.json': '{ "devDependencies": { "@jest/globals": "29", "jest": "29" } }' });
    assert.equal((await runnerApiImport(only, 'jest', [], [])).module, '@jest/globals');
    assert.equal((await runnerApiImport(types, 'node:test', [globalsTest], [])).module, 'node:test');
    assert.equal((await runnerApiImport(types, 'mocha', [importingTest], [])).module, undefined);
  });
});

describe('targetImportStyle: the project\'s alias when its tests use it, relative otherwise', () => {
  const aliases = wildcardAliases({ '@/*': ['src/*'], '@lib/*': ['./src/lib/*'], exact: ['src/x.ts'] }, '.');

  it('reads wildcard paths against baseUrl, longest prefix first', () => {
    assert.deepEqual(aliases, [{ prefix: '@lib/', target: 'src/lib/' }, { prefix: '@/', target: 'src/' }]);
    assert.deepEqual(wildcardAliases({ '~/*': ['*'] }, 'src'), [{ prefix: '~/', target: 'src/' }]);
  });

  it('uses the alias the nearest test imports through, with its extension', () => {
    const style = targetImportStyle([globalsTest], aliases);
    assert.deepEqual(style.alias, { prefix: '@/', target: 'src/', extension: '' });
    assert.equal(importSpecifierFor(style, 'src/a/__tests__/b.test.ts', 'src/a/b.ts', ''), '@/a/b');
    assert.equal(importSpecifierFor(style, 'test/x.test.ts', 'scripts/seed.ts', ''), '../scripts/seed', 'outside the alias: relative');
    const esm = targetImportStyle([{ path: 't.test.ts', text: "import { a } from '@/a/a.js'\n" }], aliases);
    assert.equal(importSpecifierFor(esm, 'test/t.test.ts', 'src/a/b.ts', '.js'), '@/a/b.js');
  });

  it('stays relative when the tests import relatively, even if sources use the alias', () => {
    const style = targetImportStyle([{ path: 'src/auth/auth.service.spec.ts', text: "import { Test } from '@nestjs/testing';\nimport { AuthService } from './auth.service';\n" }], aliases);
    assert.equal(style.alias, undefined);
    assert.equal(style.reason, 'src/auth/auth.service.spec.ts imports project modules by relative path');
    assert.equal(importSpecifierFor(style, 'test/lib/a.test.ts', 'src/lib/a.ts', '.js'), '../../src/lib/a.js');
    assert.deepEqual(targetImportStyle([], aliases), {});
  });
});

describe('learnTestConventions: over a project in memory', () => {
  const facts = { testRunner: { name: 'vitest' }, style: { quote: 'single', semicolons: false, indent: '  ', trailingComma: false } } as const satisfies Partial<ProjectFacts>;
  it('globals, alias, the nearest test\'s quotes and semicolons, and its import order', async () => {
    const fs = fsOf({
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] } } }',
      'src/api/user/userService.ts': '',
      'src/api/user/__tests__/userService.test.ts': 'import { StatusCodes } from "http-status-codes";\nimport request from "supertest";\n\nimport { UserService } from "@/api/user/userService";\nimport { app } from "@/server";\n\ndescribe("x", () => {});\n',
      'src/api/user/userRepository.ts': '',
    });
    const pairs = await pairTests(fs, ['src/api/user/__tests__/userService.test.ts']);
    const learned = await learnTestConventions(fs, facts as unknown as ProjectFacts, 'src/api/user/userRepository.ts', pairs, []);
    assert.equal(learned.conventions.runnerApi.module, undefined);
    assert.equal(learned.conventions.targetImport.alias?.prefix, '@/');
    assert.deepEqual(learned.conventions.importOrder, { groups: ['external', 'internal', 'builtin'], blankLineBetween: true, sorted: true, reason: 'src/api/user/__tests__/userService.test.ts' });
    assert.equal(learned.style.quote, 'double');
    assert.equal(learned.style.semicolons, true);
    assert.equal(learned.style.indent, '  ');
  });
});
