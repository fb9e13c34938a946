import assert from 'node:assert/strict';
import { formatTestContextPrompt } from '../../../../src/core/testgen/context/formatTestContextPrompt';
import { runnerNotes } from '../../../../src/core/testgen/context/runnerNotes';
import type { TestContext } from '../../../../src/core/testgen/context/testContext';

const part = { label: 'function applyDiscount', file: 'src/lib/d.ts', startLine: 3, endLine: 5, text: 'export function applyDiscount() {}', truncated: false };

function contextFor(runner: TestContext['runner']['name'], assertion?: 'chai' | 'node:assert'): TestContext {
  return {
    root: '/p',
    target: { kind: 'function', name: 'applyDiscount', signature: 'applyDiscount(cart: Cart, percent: number): DiscountResult', exported: true, importName: 'applyDiscount', defaultExport: false, code: part },
    testFile: { path: 'test/lib/d.test.ts', exists: false, reason: 'new' },
    importPath: '../../src/lib/d.js',
    importHints: ["import { applyDiscount } from '../../src/lib/d.js'"],
    callees: [{ ...part, label: 'calls subtotal', text: 'function subtotal() {}' }],
    types: [{ ...part, label: 'interface Cart', text: 'interface Cart { items: LineItem[] }' }],
    examples: [{ ...part, label: 'example test test/health.test.ts', file: 'test/health.test.ts', text: "describe('x', () => {})" }],
    runner: { name: runner, ...(assertion === undefined ? {} : { assertion }), notes: runnerNotes(runner, assertion) },
    moduleKind: 'esm',
    importExtension: '.js',
    style: { quote: 'single', semicolons: false, indent: '  ', trailingComma: true },
    omitted: ['example test test/big.test.ts (test/big.test.ts, 900 lines): left out, line budget used up'],
  };
}

const contentOf = (ctx: TestContext, index: number): string => {
  const content = formatTestContextPrompt(ctx)[index]?.content;
  return typeof content === 'string' ? content : '';
};
const system = (ctx: TestContext): string => contentOf(ctx, 0);
const user = (ctx: TestContext): string => contentOf(ctx, 1);

describe('formatTestContextPrompt', () => {
  it('tells a vitest project to use vitest\'s API and never jest\'s', () => {
    const text = system(contextFor('vitest'));
    assert.match(text, /test runner is vitest\. Write tests for THIS runner only/);
    assert.match(text, /import \{ describe, it, expect, vi \} from 'vitest'/);
    assert.match(text, /never jest\.fn/);
    assert.match(text, /No snapshot tests\. Each case checks one behaviour/);
    assert.match(text, /No network/);
    assert.match(text, /info string is `ts <id>`/);
  });

  it('tells jest, mocha and node:test projects their own API', () => {
    assert.match(system(contextFor('jest')), /jest\.fn\(\)/);
    assert.match(system(contextFor('jest')), /globals/);
    assert.match(system(contextFor('mocha', 'chai')), /import \{ expect \} from 'chai'/);
    assert.match(system(contextFor('mocha')), /node:assert/);
    const node = system(contextFor('node:test', 'node:assert'));
    assert.match(node, /import \{ describe, it, mock \} from 'node:test'/);
    assert.match(node, /import assert from 'node:assert\/strict'/);
    assert.doesNotMatch(node, /vi\.fn\(\)|jest\.fn\(\)/);
  });

  it('puts the signature, the code, the types, the callees, the example and what was cut in the user message', () => {
    const text = user(contextFor('vitest'));
    for (const expected of [
      'Write tests for function `applyDiscount` in src/lib/d.ts.',
      'applyDiscount(cart: Cart, percent: number): DiscountResult',
      'The tests go into a new file test/lib/d.test.ts. Import it from \'../../src/lib/d.js\'.',
      'interface Cart { items: LineItem[] }',
      'calls subtotal (src/lib/d.ts:3-5)',
      'example test test/health.test.ts',
      'left out, line budget used up',
    ]) {
      assert.ok(text.includes(expected), expected);
    }
  });
});
