import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeLlmServer } from '../support/fakeLlmServer';
import { cli, testPlan } from './testgenCli';
import { fixtureBin, prepareWorkspace } from './fixtureWorkspace';

/** The fixture's own runner and compiler, as its developer runs them. */
function ownChecks(root: string): { tsc: string; tests: string } {
  const run = ([bin = '', ...args]: string[]): string => execFileSync(fixtureBin(root, bin), args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { tsc: run(['tsc', '--noEmit', '-p', '.']), tests: run(['vitest', 'run', '--reporter=json']) };
}

// The model imports describe/it/expect from vitest as the prompt of a non-globals project would say;
// the project uses vitest's globals, so the import must not reach the file.
const pricing = testPlan(
  {
    c1: { title: 'adds the tax rate', code: 'expect(priceWithTax(100, 20)).toBe(120);' },
    c2: { title: 'rounds to cents', code: 'expect(priceWithTax(0.1, 10)).toBe(0.11);' },
    c3: { title: 'refuses a negative rate', code: 'const call = vi.fn(() => priceWithTax(1, -1));\nexpect(call).toThrow(RangeError);' },
    c4: { title: 'expects the wrong value', code: 'expect(priceWithTax(10, 10)).toBe(12);' },
  },
  'import { describe, expect, it, vi } from "vitest";',
);

// `cartTotal` is already imported by its test, and "is zero for an empty cart" is already there.
const cart = testPlan(
  {
    c1: { title: 'sums several lines', code: 'expect(cartTotal([{ price: 1, quantity: 2 }, { price: 3, quantity: 1 }])).toBe(5);' },
    c2: { title: 'is zero for an empty cart', code: 'expect(cartTotal([])).toBe(0);' },
  },
  'import { cartTotal } from "@/features/cart/cartTotal";',
);

describe('routecraft tests on a project with __tests__ folders, an @/ alias and vitest globals (testgen-globals-alias)', function () {
  this.timeout(300_000);
  let llm: FakeLlmServer;
  let root: string;
  before(async () => {
    llm = await FakeLlmServer.start();
    root = prepareWorkspace('testgen-globals-alias', 'cli-tests-conventions');
  });
  after(async () => {
    await llm.close();
  });

  it('writes the new test into __tests__ beside the module, imports it through @/, leaves describe/it/expect global, and says so', async () => {
    llm.enqueue({ kind: 'text', text: pricing });
    const r = await cli(['tests', join(root, 'src/features/pricing/taxes.ts:priceWithTax'), '--write'], { OPENAI_BASE_URL: llm.baseUrl });
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /4 generated, 4 compiled, 3 passed, 3 kept/);
    assert.match(r.err, /possible bug — "expects the wrong value"/);
    assert.match(r.out, /\+\+\+ b\/src\/features\/pricing\/__tests__\/taxes\.test\.ts/);
    const written = readFileSync(join(root, 'src/features/pricing/__tests__/taxes.test.ts'), 'utf8');
    assert.equal(written.split('\n\ndescribe(')[0], 'import { priceWithTax } from "@/features/pricing/taxes";');
    assert.doesNotMatch(written, /from "vitest"|from '\.\.?\//);
    assert.match(written, /\n\tit\("adds the tax rate", \(\) => \{\n\t\texpect\(priceWithTax\(100, 20\)\)\.toBe\(120\);/);

    assert.match(r.err, /follows the project: test file src\/features\/pricing\/__tests__\/taxes\.test\.ts \(like src\/features\/cart\/__tests__\/cartTotal\.test\.ts tests src\/features\/cart\/cartTotal\.ts\)/);
    assert.match(r.err, /follows the project: test API as globals: src\/features\/cart\/__tests__\/cartTotal\.test\.ts uses describe\/it\/expect as globals/);
    assert.match(r.err, /follows the project: project modules through '@\/'/);
  });

  it('adds to the module\'s existing test in __tests__, inside its describe; a second run adds nothing; the project\'s tsc and vitest pass', async () => {
    const path = join(root, 'src/features/cart/__tests__/cartTotal.test.ts');
    const before = readFileSync(path, 'utf8');
    llm.enqueue({ kind: 'text', text: cart });
    const r = await cli(['tests', join(root, 'src/features/cart/cartTotal.ts:cartTotal'), '--write'], { OPENAI_BASE_URL: llm.baseUrl });
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /\+\+\+ b\/src\/features\/cart\/__tests__\/cartTotal\.test\.ts/);
    const after = readFileSync(path, 'utf8');
    assert.ok(after.startsWith(before.split('\n\ndescribe(')[0] ?? ''), 'the imports are unchanged: cartTotal was already imported, the API is global');
    assert.equal((after.match(/^describe\(/gm) ?? []).length, 1, 'the cases join the existing describe("cartTotal")');
    assert.match(after, /\n\tit\("sums several lines", \(\) => \{/);
    assert.equal((after.match(/is zero for an empty cart/g) ?? []).length, 1, 'a title already there is not added twice');
    assert.match(r.err, /2 generated, 1 compiled, 1 passed, 1 kept/);

    llm.enqueue({ kind: 'text', text: cart });
    const again = await cli(['tests', join(root, 'src/features/cart/cartTotal.ts:cartTotal'), '--write'], { OPENAI_BASE_URL: llm.baseUrl });
    assert.equal(again.code, 0, again.err);
    assert.equal(readFileSync(path, 'utf8'), after, 'a re-run changes nothing');

    // The project's own compiler and runner over both changes: the 2 old tests, 3 + 1 kept ones.
    const { tests } = ownChecks(root);
    const report = JSON.parse(tests) as { numPassedTests: number; numFailedTests: number; numTotalTestSuites: number };
    assert.equal(report.numFailedTests, 0);
    assert.equal(report.numPassedTests, 2 + 3 + 1);
  });
});
