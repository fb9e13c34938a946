import assert from 'node:assert/strict';
import { extractCodeBlocks } from '../../../../src/core/llm/codeBlocks';
import { parseTestPlan } from '../../../../src/core/testgen/answer/parseTestPlan';
import { TestPlanAnswerSchema } from '../../../../src/core/testgen/answer/testPlanAnswer';
import { answerText } from '../testgenFixtures';

const vitest = { name: 'vitest' as const };

describe('parseTestPlan', () => {
  it('joins each case with its ```ts <id> block and reads the imports block', () => {
    const text = answerText(
      [
        { id: 'c1', title: 'applies 10%', body: '    const r = applyDiscount(cart, 10)\n    expect(r.total).toBe(90)' },
        { id: 'c2', title: 'calls the logger', body: 'const log = vi.fn()\nlog()\nexpect(log).toHaveBeenCalled()' },
      ],
      "import { vi } from 'vitest'\nimport { makeCart } from './fixtures.js'",
    );
    const plan = parseTestPlan(text, vitest);
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(plan.cases.map((c) => [c.id, c.title, c.body]), [
      ['c1', 'applies 10%', 'const r = applyDiscount(cart, 10)\nexpect(r.total).toBe(90)'],
      ['c2', 'calls the logger', 'const log = vi.fn()\nlog()\nexpect(log).toHaveBeenCalled()'],
    ]);
    assert.deepEqual(plan.imports, [
      { moduleSpecifier: 'vitest', namedImports: [{ name: 'vi' }] },
      { moduleSpecifier: './fixtures.js', namedImports: [{ name: 'makeCart' }] },
    ]);
  });

  it('accepts a structured answer, unwraps a body written as it(…), and hoists a case\'s own imports', () => {
    const text = answerText([{ id: 'c1', title: 't', body: "import { z } from 'zod'\nit('t', async () => {\n  await Promise.resolve(z)\n})" }]);
    const value = TestPlanAnswerSchema.parse({ cases: [{ id: 'c1', title: 't', checks: 'x' }] });
    const blocks = extractCodeBlocks(text).filter((b) => b.lang === 'ts');
    const plan = parseTestPlan({ value, codeBlocks: blocks }, vitest);
    assert.deepEqual(plan.cases.map((c) => c.body), ['await Promise.resolve(z)']);
    assert.deepEqual(plan.imports, [{ moduleSpecifier: 'zod', namedImports: [{ name: 'z' }] }]);
  });

  it('drops a case without code, with code that does not parse, or holding a describe', () => {
    const plan = parseTestPlan(answerText([
      { id: 'c1', title: 'no code' },
      { id: 'c2', title: 'broken', body: 'expect(f(1).toBe(2)' },
      { id: 'c3', title: 'suite', body: "describe('x', () => {})" },
      { id: 'c4', title: 'fine', body: 'expect(1).toBe(1)' },
    ]), vitest);
    assert.deepEqual(plan.cases.map((c) => c.id), ['c4']);
    assert.deepEqual(plan.dropped.map((d) => d.id), ['c1', 'c2', 'c3']);
    assert.match(plan.problems[0] ?? '', /^case c1 "no code": the answer has no ```ts c1 block for it; dropped$/);
    assert.match(plan.problems[1] ?? '', /^case c2 "broken": its code does not parse \(.*expected.*\); dropped$/);
    assert.match(plan.problems[2] ?? '', /holds a describe block/);
  });

  it('drops cases using another runner\'s API, with the reason', () => {
    const jestInVitest = parseTestPlan(answerText([
      { id: 'c1', title: 'mocks with jest', body: 'const f = jest.fn()\nexpect(f).not.toHaveBeenCalled()' },
      { id: 'c2', title: 'globals import', body: 'expect(jestExpect(1)).toBeDefined()' },
      { id: 'c3', title: 'fine', body: 'expect(1).toBe(1)' },
    ], "import { expect as jestExpect } from '@jest/globals'"), vitest);
    assert.deepEqual(jestInVitest.cases.map((c) => c.id), ['c3']);
    assert.deepEqual(jestInVitest.dropped.map((d) => d.reason), [
      "uses jest's API in a vitest project (jest)",
      "uses jest's API in a vitest project (jestExpect)",
    ]);
    assert.ok(jestInVitest.problems.some((p) => p.includes("'@jest/globals' is another runner's module in a vitest project")));
    assert.deepEqual(jestInVitest.imports, []);

    const viInJest = parseTestPlan(answerText([{ id: 'c1', title: 'spy', body: 'const f = vi.fn()\nf()' }]), { name: 'jest' });
    assert.deepEqual(viInJest.dropped.map((d) => d.reason), ["uses vitest's API in a jest project (vi)"]);
    const expectInNodeTest = parseTestPlan(answerText([{ id: 'c1', title: 'x', body: 'expect(1).toBe(1)' }]), { name: 'node:test', assertion: 'node:assert' });
    assert.deepEqual(expectInNodeTest.dropped.map((d) => d.reason), ['uses expect-style assertions in a node:test project (use node:assert)']);
    const chaiInMocha = parseTestPlan(answerText([{ id: 'c1', title: 'x', body: 'expect(1).to.equal(1)' }]), { name: 'mocha', assertion: 'chai' });
    assert.equal(chaiInMocha.cases.length, 1);
  });

  it('reports an answer whose JSON is missing or invalid, and stray blocks', () => {
    assert.deepEqual(parseTestPlan('no json here', vitest).cases, []);
    const invalid = parseTestPlan('```json\n{"cases": []}\n```', vitest);
    assert.match(invalid.problems.join('\n'), /cases/);
    const stray = parseTestPlan(`${answerText([{ id: 'c1', title: 'a', body: 'expect(1).toBe(1)' }])}\n\`\`\`ts c9\nexpect(2).toBe(2)\n\`\`\``, vitest);
    assert.deepEqual(stray.problems, ['code block "c9" belongs to no case: ignored']);
  });
});
