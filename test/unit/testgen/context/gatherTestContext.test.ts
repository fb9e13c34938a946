import assert from 'node:assert/strict';
import { after, before } from 'mocha';
import { rmSync } from 'node:fs';
import { RoutecraftError } from '../../../../src/core/errors';
import { detectProject, type ProjectFacts } from '../../../../src/core/project';
import { gatherTestContext } from '../../../../src/core/testgen/context/gatherTestContext';
import type { TestContext } from '../../../../src/core/testgen/context/testContext';
import { jestCopy, vitestCopy, writeInto } from '../testgenFixtures';

describe('gatherTestContext', () => {
  let root: string;
  let facts: ProjectFacts;
  let ctx: TestContext;
  before(async () => {
    root = vitestCopy('testgen-context-vitest');
    writeInto(root, { 'src/lib/broken.ts': 'export function f( {\n', 'README.md': '# x\n' });
    facts = await detectProject(root);
    ctx = await gatherTestContext(root, facts, { file: 'src/lib/testgenDiscount.ts', symbol: 'applyDiscount' });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('resolves the signature with the checker, including the inferred return type', () => {
    assert.equal(ctx.target.kind, 'function');
    assert.equal(ctx.target.signature, 'applyDiscount(cart: Cart, percent: number): DiscountResult');
    assert.equal(ctx.target.exported, true);
    assert.equal(ctx.target.importName, 'applyDiscount');
    assert.match(ctx.target.code.text, /^\/\*\* Applies a percentage discount/);
  });

  it('includes the imported interfaces with their fields, the project code it calls, and an example test', () => {
    const types = ctx.types.map((t) => t.label);
    assert.deepEqual(types.sort(), ['interface Cart', 'interface LineItem', 'type DiscountResult']);
    const cart = ctx.types.find((t) => t.label === 'interface Cart');
    assert.equal(cart?.file, 'src/lib/pricing.ts');
    assert.match(cart?.text ?? '', /items: LineItem\[\]/);
    assert.deepEqual(ctx.callees.map((c) => c.label), ['calls subtotal']);
    assert.match(ctx.callees[0]?.text ?? '', /reduce\(/);
    assert.deepEqual(ctx.examples.map((e) => e.file), ['test/health.test.ts']);
  });

  it('knows where the tests go and how they import the target under NodeNext ESM', () => {
    assert.deepEqual(ctx.testFile, { path: 'test/lib/testgenDiscount.test.ts', exists: false, reason: 'new' });
    assert.equal(ctx.importPath, '../../src/lib/testgenDiscount.js');
    assert.deepEqual(ctx.importHints, ["import { applyDiscount } from '../../src/lib/testgenDiscount.js'"]);
    assert.equal(ctx.runner.name, 'vitest');
    assert.deepEqual(ctx.omitted, []);
  });

  it('finds the method or the class at an offset', async () => {
    const text = (await import('node:fs')).readFileSync(`${root}/src/lib/testgenDiscount.ts`, 'utf8');
    const method = await gatherTestContext(root, facts, { file: 'src/lib/testgenDiscount.ts', offset: text.indexOf('this.prices.get') });
    assert.equal(method.target.name, 'PriceBook.lookup');
    assert.equal(method.target.signature, 'lookup(sku: string): number');
    assert.equal(method.target.importName, 'PriceBook');
    const cls = await gatherTestContext(root, facts, { file: 'src/lib/testgenDiscount.ts', offset: text.indexOf('private readonly prices') });
    assert.equal(cls.target.kind, 'class');
    assert.match(cls.target.signature, /^class PriceBook \{\n {2}add\(sku: string, price: number\): void;\n {2}lookup\(sku: string\): number;\n\}$/);
  });

  it('finds a route handler inside router.post(…) and offers the app and supertest', async () => {
    const text = (await import('node:fs')).readFileSync(`${root}/src/routes/testgenOrders.ts`, 'utf8');
    const byOffset = await gatherTestContext(root, facts, { file: 'src/routes/testgenOrders.ts', offset: text.indexOf('res.status') });
    const bySymbol = await gatherTestContext(root, facts, { file: 'src/routes/testgenOrders.ts', symbol: 'post /orders' });
    for (const route of [byOffset, bySymbol]) {
      assert.equal(route.target.kind, 'route-handler');
      assert.equal(route.target.name, 'POST /orders');
      assert.deepEqual(route.target.route, { method: 'POST', path: '/orders', owner: 'ordersRouter' });
      assert.equal(route.target.importName, 'ordersRouter');
      assert.deepEqual(route.importHints, [
        "import { ordersRouter } from '../../src/routes/testgenOrders.js'",
        "import request from 'supertest'",
        "import { app } from '../../src/app.js'",
      ]);
      assert.deepEqual(route.callees.map((c) => c.label), ['calls applyDiscount']);
    }
    assert.match(byOffset.target.signature, /^handler\(req: Request<.*>, res: Response<.*>\): void$/);
  });

  it('says which symbols exist when the target is unknown, and refuses unparsable or non-code files', async () => {
    const attempt = (file: string, symbol?: string) => gatherTestContext(root, facts, { file, ...(symbol === undefined ? {} : { symbol }) });
    await assert.rejects(attempt('src/lib/testgenDiscount.ts', 'nope'), (e: unknown) =>
      e instanceof RoutecraftError && e.code === 'invalid-input' && /Symbols in the file: applyDiscount, PriceBook, PriceBook\.add, PriceBook\.lookup\./.test(e.message));
    await assert.rejects(attempt('src/lib/broken.ts', 'f'), (e: unknown) => e instanceof RoutecraftError && /src\/lib\/broken\.ts has syntax errors \(\d+:\d+ /.test(e.message));
    await assert.rejects(attempt('README.md'), (e: unknown) => e instanceof RoutecraftError && /README\.md is not a TypeScript or JavaScript file/.test(e.message));
    await assert.rejects(attempt('src/lib/missing.ts', 'x'), (e: unknown) => e instanceof RoutecraftError && e.code === 'file-not-found');
  });

  it('stays within the line limits and says what it cut', async () => {
    const small = await gatherTestContext(root, facts, { file: 'src/lib/testgenDiscount.ts', symbol: 'applyDiscount' }, { maxLines: 20, maxLinesPerPart: 8 });
    const lines = [small.target.code, ...small.types, ...small.callees, ...small.examples].reduce((n, p) => n + p.text.split('\n').length, 0);
    assert.ok(lines <= 20 + 4, `${String(lines)} lines`);
    assert.equal(small.target.code.truncated, true);
    assert.ok(small.omitted.some((o) => /^function applyDiscount \(src\/lib\/testgenDiscount\.ts\): cut to 8 of 1\d lines$/.test(o)), small.omitted.join('\n'));
    assert.ok(small.omitted.some((o) => /left out, line budget used up/.test(o)), small.omitted.join('\n'));
  });
});

describe('gatherTestContext (jest, CommonJS)', () => {
  let root: string;
  before(() => {
    root = jestCopy('testgen-context-jest');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('prefers the module\'s own spec as the example and imports without an extension', async () => {
    const facts = await detectProject(root);
    const ctx = await gatherTestContext(root, facts, { file: 'src/routes/users.ts', symbol: 'POST /' });
    assert.deepEqual(ctx.testFile, { path: 'src/routes/users.spec.ts', exists: true, reason: 'colocated' });
    assert.equal(ctx.examples[0]?.file, 'src/routes/users.spec.ts');
    assert.equal(ctx.importPath, './users');
    assert.equal(ctx.runner.name, 'jest');
    assert.ok(ctx.types.some((t) => t.label === 'interface User'));
    const lib = await gatherTestContext(root, facts, { file: 'src/lib/testgenDiscount.ts', symbol: 'applyDiscount' });
    assert.deepEqual(lib.testFile, { path: 'src/lib/testgenDiscount.spec.ts', exists: false, reason: 'new', evidence: 'src/routes/users.spec.ts tests src/routes/users.ts' });
    assert.equal(lib.importPath, './testgenDiscount');
  });
});
