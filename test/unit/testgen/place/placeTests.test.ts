import assert from 'node:assert/strict';
import { after, before } from 'mocha';
import { rmSync, writeFileSync } from 'node:fs';
import { typeCheckChangeSet } from '../../../../src/core/changes/typeCheckChangeSet';
import { detectProject, type ProjectFacts } from '../../../../src/core/project';
import { parseTestPlan } from '../../../../src/core/testgen/answer/parseTestPlan';
import { gatherTestContext } from '../../../../src/core/testgen/context/gatherTestContext';
import type { TestContext } from '../../../../src/core/testgen/context/testContext';
import { placeTests, type PlacedTests } from '../../../../src/core/testgen/place/placeTests';
import { removeCases } from '../../../../src/core/testgen/place/removeCases';
import { answerText, jestCopy, vitestCopy, writeInto } from '../testgenFixtures';

const cases = [
  { id: 'c1', title: 'takes 10% off', body: "const result = applyDiscount({ items: [{ sku: 'a', unitPrice: 50, quantity: 2 }] }, 10)\nexpect(result).toEqual({ total: 90, discount: 10 })" },
  { id: 'c2', title: 'rejects a negative percent', body: 'expect(() => applyDiscount({ items: [] }, -1)).toThrow(RangeError)' },
  { id: 'c3', title: 'spies on nothing', body: 'const spy = vi.fn()\nspy(1)\nexpect(spy).toHaveBeenCalledWith(1)' },
];

async function errorsOf(root: string, placed: PlacedTests): Promise<string[]> {
  const checked = await typeCheckChangeSet({ root, summary: 'tests', files: [{ path: placed.file, before: placed.before, after: placed.after }] });
  return (checked.files[0]?.diagnostics ?? []).filter((d) => d.category === 'error').map((d) => `${String(d.line)}: ${d.message}`);
}

describe('placeTests (vitest, NodeNext ESM)', () => {
  let root: string;
  let facts: ProjectFacts;
  let context: TestContext;
  before(async () => {
    root = vitestCopy('testgen-place-vitest');
    facts = await detectProject(root);
    context = await gatherTestContext(root, facts, { file: 'src/lib/testgenDiscount.ts', symbol: 'applyDiscount' });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('writes a new mirrored test file in the project\'s style, with .js imports, that type-checks', async () => {
    const placed = await placeTests(root, facts, context, parseTestPlan(answerText(cases), { name: 'vitest' }));
    assert.equal(placed.file, 'test/lib/testgenDiscount.test.ts');
    assert.equal(placed.before, undefined);
    assert.equal(placed.after, [
      "import { describe, expect, it, vi } from 'vitest'",
      "import { applyDiscount } from '../../src/lib/testgenDiscount.js'",
      '',
      "describe('applyDiscount', () => {",
      "  it('takes 10% off', () => {",
      "    const result = applyDiscount({ items: [{ sku: 'a', unitPrice: 50, quantity: 2 }] }, 10)",
      '    expect(result).toEqual({ total: 90, discount: 10 })',
      '  })',
      '',
      "  it('rejects a negative percent', () => {",
      '    expect(() => applyDiscount({ items: [] }, -1)).toThrow(RangeError)',
      '  })',
      '',
      "  it('spies on nothing', () => {",
      '    const spy = vi.fn()',
      '    spy(1)',
      '    expect(spy).toHaveBeenCalledWith(1)',
      '  })',
      '})',
      '',
    ].join('\n'));
    assert.deepEqual(placed.caseLines, { c1: { start: 5, end: 8 }, c2: { start: 10, end: 12 }, c3: { start: 14, end: 18 } });
    assert.deepEqual(await errorsOf(root, placed), []);
  });

  it('maps a type error back to its case, and removeCases drops the case and the imports only it used', async () => {
    const wrong = [...cases, { id: 'c4', title: 'wrong type', body: "const total: string = applyDiscount({ items: [] }, 5).total\nexpect(total).toBe('0')" }];
    const placed = await placeTests(root, facts, context, parseTestPlan(answerText(wrong), { name: 'vitest' }));
    const errors = await errorsOf(root, placed);
    assert.equal(errors.length, 1);
    const line = Number(errors[0]?.split(':')[0]);
    const failing = Object.entries(placed.caseLines).filter(([, r]) => line >= r.start && line <= r.end).map(([id]) => id);
    assert.deepEqual(failing, ['c4']);
    const kept = removeCases(placed, ['c3', 'c4']);
    assert.deepEqual(Object.keys(kept.caseLines), ['c1', 'c2']);
    assert.doesNotMatch(kept.after, /wrong type|vi\b/);
    assert.match(kept.after, /^import \{ describe, expect, it \} from 'vitest'\n/);
    assert.deepEqual(await errorsOf(root, kept), []);
  });

  it('adds into the existing test file: describe reused, imports merged, titles not repeated on a re-run', async () => {
    const existing = [
      "import { describe, expect, it } from 'vitest'",
      "import { applyDiscount } from '../../src/lib/testgenDiscount.js'",
      '',
      "describe('applyDiscount', () => {",
      "  it('takes 10% off', () => {",
      '    expect(applyDiscount({ items: [] }, 10).total).toBe(0)',
      '  })',
      '})',
      '',
    ].join('\n');
    writeInto(root, { 'test/lib/testgenDiscount.test.ts': existing });
    const ctx = await gatherTestContext(root, facts, { file: 'src/lib/testgenDiscount.ts', symbol: 'applyDiscount' });
    assert.deepEqual(ctx.testFile, { path: 'test/lib/testgenDiscount.test.ts', exists: true, reason: 'mirrored' });
    const plan = parseTestPlan(answerText(cases, "import { vi } from 'vitest'\nimport { applyDiscount } from '../../src/lib/testgenDiscount'"), { name: 'vitest' });
    const placed = await placeTests(root, facts, ctx, plan);
    assert.deepEqual(placed.skipped.map((s) => s.id), ['c1']);
    assert.deepEqual(Object.keys(placed.caseLines), ['c2', 'c3']);
    assert.equal((placed.after.match(/^import /gm) ?? []).length, 2);
    assert.match(placed.after, /^import \{ describe, expect, it, vi \} from 'vitest'\n/);
    assert.equal((placed.after.match(/describe\(/g) ?? []).length, 1);
    assert.equal((placed.after.match(/it\('takes 10% off'/g) ?? []).length, 1);
    assert.ok(placed.after.includes("  it('takes 10% off', () => {\n    expect(applyDiscount({ items: [] }, 10).total).toBe(0)\n  })\n\n  it('rejects"));
    assert.deepEqual(await errorsOf(root, placed), []);
    writeFileSync(`${root}/${placed.file}`, placed.after);
    const again = await placeTests(root, facts, ctx, plan);
    assert.equal(again.after, placed.after);
    assert.deepEqual(again.caseLines, {});
  });

  it('adds a describe for another target into an existing file', async () => {
    const ctx = await gatherTestContext(root, facts, { file: 'src/lib/testgenDiscount.ts', symbol: 'PriceBook.lookup' });
    const plan = parseTestPlan(answerText([{ id: 'c1', title: 'finds a price', body: "const book = new PriceBook()\nbook.add('a', 3)\nexpect(book.lookup('a')).toBe(3)" }]), { name: 'vitest' });
    const placed = await placeTests(root, facts, ctx, plan);
    assert.match(placed.after, /\n\ndescribe\('PriceBook\.lookup', \(\) => \{\n {2}it\('finds a price', \(\) => \{\n/);
    assert.match(placed.after, /^import \{ applyDiscount, PriceBook \} from '\.\.\/\.\.\/src\/lib\/testgenDiscount\.js'$/m);
    assert.deepEqual(await errorsOf(root, placed), []);
  });
});

describe('placeTests (jest, CommonJS)', () => {
  let root: string;
  before(() => {
    root = jestCopy('testgen-place-jest');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('writes a colocated spec with jest globals, extensionless imports and the project\'s style, that type-checks', async () => {
    const facts = await detectProject(root);
    const context = await gatherTestContext(root, facts, { file: 'src/lib/testgenDiscount.ts', symbol: 'applyDiscount' });
    const jestCases = [cases[0], cases[1], { id: 'c3', title: 'spies', body: 'const spy = jest.fn()\nspy()\nexpect(spy).toHaveBeenCalledTimes(1)' }].flatMap((c) => (c === undefined ? [] : [c]));
    const placed = await placeTests(root, facts, context, parseTestPlan(answerText(jestCases), { name: 'jest' }));
    assert.equal(placed.file, 'src/lib/testgenDiscount.spec.ts');
    assert.equal(placed.after.split('\n').slice(0, 5).join('\n'), [
      'import { applyDiscount } from "./testgenDiscount";',
      '',
      'describe("applyDiscount", () => {',
      '    it("takes 10% off", () => {',
      '        const result = applyDiscount({ items: [{ sku: "a", unitPrice: 50, quantity: 2 }] }, 10);',
    ].join('\n'));
    assert.doesNotMatch(placed.after, /vitest|@jest\/globals/);
    assert.deepEqual(Object.keys(placed.caseLines), ['c1', 'c2', 'c3']);
    assert.deepEqual(await errorsOf(root, placed), []);
  });
});
