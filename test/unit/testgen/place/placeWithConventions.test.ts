import assert from 'node:assert/strict';
import { parseTestPlan } from '../../../../src/core/testgen/answer/parseTestPlan';
import { formatTestContextPrompt } from '../../../../src/core/testgen/context/formatTestContextPrompt';
import { runnerNotes } from '../../../../src/core/testgen/context/runnerNotes';
import type { TestContext } from '../../../../src/core/testgen/context/testContext';
import type { TestConventions } from '../../../../src/core/testgen/context/testConventions';
import { placeTestsInText } from '../../../../src/core/testgen/place/placeTests';
import { answerText } from '../testgenFixtures';

const part = { label: 'function handle', file: 'src/common/utils/httpHandlers.ts', startLine: 1, endLine: 3, text: 'export function handle() {}', truncated: false };
const style = { quote: 'double', semicolons: true, indent: '\t', trailingComma: true } as const;

/** A context as gatherTestContext gives it for a project like the issue's: __tests__, `@/`, vitest globals. */
function contextWith(conventions: TestConventions, runner: 'vitest' | 'jest' = 'vitest'): TestContext {
  return {
    root: '/p',
    target: { kind: 'function', name: 'handle', signature: 'handle(): number', exported: true, importName: 'handle', defaultExport: false, code: part },
    testFile: { path: 'src/common/__tests__/httpHandlers.test.ts', exists: false, reason: 'new' },
    importPath: '@/common/utils/httpHandlers',
    importHints: [],
    callees: [],
    types: [],
    examples: [],
    runner: { name: runner, notes: runnerNotes(runner, undefined, conventions.runnerApi) },
    moduleKind: 'cjs',
    importExtension: '',
    style,
    conventions,
    omitted: [],
  };
}

const issueProject: TestConventions = {
  runnerApi: { reason: 'vite.config.mts sets globals: true' },
  targetImport: { alias: { prefix: '@/', target: 'src/', extension: '' }, reason: 'x' },
  aliasPrefixes: ['@/'],
  importOrder: { groups: ['external', 'internal', 'builtin'], blankLineBetween: true, sorted: true, reason: 'src/common/__tests__/errorHandler.test.ts' },
};

const cases = [
  { id: 'c1', title: 'answers 200', body: 'const app = express();\napp.get("/", (_req, res) => { res.send(String(handle())); });\nconst res = await request(app).get("/");\nexpect(res.status).toBe(200);' },
  { id: 'c2', title: 'mocks', body: 'const f = vi.fn();\nf();\nexpect(f).toHaveBeenCalled();' },
];
const imports = 'import { describe, expect, it, vi } from "vitest";\nimport type { Mock } from "vitest";\nimport request from "supertest";\nimport express from "express";';

describe('placeTests with the project\'s conventions', () => {
  it('vitest globals: no import of describe/it/expect/vi (even when the answer brings one); externals, blank line, sorted; then the aliased target', () => {
    const placed = placeTestsInText({ file: 'src/common/__tests__/httpHandlers.test.ts', before: undefined, facts: { style }, context: contextWith(issueProject), plan: parseTestPlan(answerText(cases, imports), { name: 'vitest' }) });
    const head = placed.after.split('\n\ndescribe(')[0];
    assert.equal(head, ['import express from "express";', 'import request from "supertest";', '', 'import { handle } from "@/common/utils/httpHandlers";'].join('\n'));
    assert.match(placed.after, /\n\tit\("answers 200", async \(\) => \{\n\t\tconst app = express\(\);/);
    assert.doesNotMatch(placed.after, /from "vitest"/);
  });

  it('an existing file keeps its imports; new ones join their group at the sorted place', () => {
    const before = ['import request from "supertest";', '', 'import { other } from "@/common/other";', 'import { z } from "@/z";', '', 'describe("other", () => {});', ''].join('\n');
    const placed = placeTestsInText({ file: 'src/common/__tests__/httpHandlers.test.ts', before, facts: { style }, context: contextWith(issueProject), plan: parseTestPlan(answerText(cases, imports), { name: 'vitest' }) });
    const head = placed.after.split('\n\ndescribe(')[0];
    assert.equal(head, ['import express from "express";', 'import request from "supertest";', '', 'import { other } from "@/common/other";', 'import { handle } from "@/common/utils/httpHandlers";', 'import { z } from "@/z";'].join('\n'));
    assert.match(placed.after, /describe\("other", \(\) => \{\}\);\n\ndescribe\("handle"/);
  });

  it('imports the API where the project\'s tests do: vitest, or @jest/globals', () => {
    const imported = { ...issueProject, runnerApi: { module: 'vitest', reason: 'x' }, importOrder: undefined } satisfies TestConventions;
    const vitest = placeTestsInText({ file: 'a.test.ts', before: undefined, facts: { style }, context: contextWith(imported), plan: parseTestPlan(answerText([{ ...cases[1]!, body: 'const f = vi.fn();\nf(handle());\nexpect(f).toHaveBeenCalled();' }]), { name: 'vitest' }) });
    assert.match(vitest.after, /^import \{ describe, expect, it, vi \} from "vitest";\nimport \{ handle \} from "@\/common\/utils\/httpHandlers";\n/);
    const jestGlobals = { ...imported, runnerApi: { module: '@jest/globals', reason: 'x' } } satisfies TestConventions;
    const jestCase = [{ id: 'c1', title: 'spies', body: 'const f = jest.fn();\nf(handle());\nexpect(f).toHaveBeenCalledWith(1);' }];
    const jest = placeTestsInText({ file: 'a.test.ts', before: undefined, facts: { style }, context: contextWith(jestGlobals, 'jest'), plan: parseTestPlan(answerText(jestCase), { name: 'jest' }) });
    assert.match(jest.after, /^import \{ describe, expect, it, jest \} from "@jest\/globals";\n/);
    const jestPlain = placeTestsInText({ file: 'a.test.ts', before: undefined, facts: { style }, context: contextWith({ ...imported, runnerApi: { reason: 'x' } }, 'jest'), plan: parseTestPlan(answerText(jestCase), { name: 'jest' }) });
    assert.match(jestPlain.after, /^import \{ handle \} from "@\/common\/utils\/httpHandlers";\n\ndescribe/);
  });

  it('tells the model: globals, and the alias', () => {
    const [system] = formatTestContextPrompt(contextWith(issueProject));
    const text = typeof system?.content === 'string' ? system.content : '';
    assert.match(text, /describe, it, expect and vi are globals in this project \(vitest globals\): do not import them\./);
    assert.match(text, /import project modules through the '@\/' path alias/);
    assert.doesNotMatch(text, /Import the test API from 'vitest'/);
  });
});

describe('placeTests in a CRLF file', () => {
  it('writes the added lines with CRLF too', () => {
    const before = 'import { handle } from "@/common/utils/httpHandlers";\r\n\r\ndescribe("other", () => {\r\n\tit("x", () => {});\r\n});\r\n';
    const plan = parseTestPlan(answerText([{ id: 'c1', title: 'works', body: 'expect(handle()).toBe(1);' }]), { name: 'vitest' });
    const placed = placeTestsInText({ file: 'a.test.ts', before, facts: { style }, context: contextWith(issueProject), plan });
    assert.ok(placed.after.startsWith(before.slice(0, -2)), 'the user\'s lines are unchanged');
    assert.doesNotMatch(placed.after, /[^\r]\n/, 'no bare LF');
    assert.match(placed.after, /describe\("handle", \(\) => \{\r\n\tit\("works", \(\) => \{\r\n/);
  });
});
