import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeLlmServer } from '../support/fakeLlmServer';
import { cli, testPlan } from './testgenCli';
import { prepareWorkspace } from './fixtureWorkspace';

const scripted = (expectCall: (a: string, b: string) => string, wrongRunner: string) =>
  testPlan({
    c1: { title: 'adds the tax rate', code: expectCall('priceWithTax(100, 20)', '120') },
    c2: { title: 'rounds to cents', code: expectCall('priceWithTax(0.1, 10)', '0.11') },
    c3: { title: 'uses the other runner', code: wrongRunner },
    c4: { title: 'does not compile', code: `const s: string = priceWithTax(1, 1)\n${expectCall('s', "'x'")}` },
    c5: { title: 'expects the wrong value', code: expectCall('priceWithTax(10, 10)', '12') },
  });

describe('routecraft tests (CLI): generated tests are run and only passing ones kept', function () {
  this.timeout(180_000);
  let llm: FakeLlmServer;
  beforeEach(async () => {
    llm = await FakeLlmServer.start();
  });
  afterEach(async () => {
    await llm.close();
  });

  const runners = [
    { fixture: 'express5-vitest', copy: 'cli-tests-vitest', expect: (a: string, b: string) => `expect(${a}).toBe(${b})`, wrong: 'const f = jest.fn()\nexpect(f).not.toHaveBeenCalled()' },
    { fixture: 'express4-jest', copy: 'cli-tests-jest', expect: (a: string, b: string) => `expect(${a}).toBe(${b});`, wrong: "const { vi } = require('vitest');\nexpect(vi).toBeDefined();" },
  ];
  for (const r of runners) {
    it(`${r.fixture}: 5 generated, 3 compiled, 2 kept; the wrong runner, a type error and a failing case are dropped`, async () => {
      const root = prepareWorkspace(r.fixture, r.copy);
      llm.enqueue({ kind: 'text', text: scripted(r.expect, r.wrong) });
      const dry = await cli(['tests', join(root, 'src/lib/testgenPricing.ts:priceWithTax')], { OPENAI_BASE_URL: llm.baseUrl });
      assert.equal(dry.code, 0, dry.err);
      assert.match(dry.err, /5 generated, 3 compiled, 2 passed, 2 kept/);
      assert.match(dry.err, /dropped "uses the other runner"/);
      assert.match(dry.err, /dropped "does not compile": does not compile: TS2322/);
      assert.match(dry.err, /possible bug — "expects the wrong value"/);
      assert.match(dry.out, /\+.*adds the tax rate/);
      assert.match(dry.out, /\+.*rounds to cents/);
      assert.doesNotMatch(dry.out, /expects the wrong value|does not compile|other runner/);
      const testFile = /\+\+\+ b\/(\S+)/.exec(dry.out)?.[1];
      assert.ok(testFile && !existsSync(join(root, testFile)), 'nothing written without --write');

      llm.enqueue({ kind: 'text', text: scripted(r.expect, r.wrong) });
      const wrote = await cli(['tests', join(root, 'src/lib/testgenPricing.ts:priceWithTax'), '--write'], { OPENAI_BASE_URL: llm.baseUrl });
      assert.equal(wrote.code, 0, wrote.err);
      assert.match(readFileSync(join(root, testFile), 'utf8'), /rounds to cents/);
    });
  }

  it('a flaky test is dropped, and a hanging one is killed at the timeout', async () => {
    const root = prepareWorkspace('express5-vitest', 'cli-tests-flaky');
    llm.enqueue({
      kind: 'text',
      text: testPlan({
        c1: { title: 'stable', code: 'expect(priceWithTax(1, 0)).toBe(1)' },
        c2: { title: 'flaky', code: "const fs = await import('node:fs')\nconst mark = 'flaky.mark'\nconst first = !fs.existsSync(mark)\nfs.writeFileSync(mark, 'x')\nexpect(first).toBe(true)" },
      }),
    });
    const r = await cli(['tests', join(root, 'src/lib/testgenPricing.ts:priceWithTax')], { OPENAI_BASE_URL: llm.baseUrl });
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /2 generated, 2 compiled, 2 passed, 1 kept/);
    assert.match(r.err, /dropped "flaky": flaky/);

    llm.enqueue({ kind: 'text', text: testPlan({ c1: { title: 'hangs', code: 'await new Promise(() => undefined)' } }) });
    const hang = await cli(['tests', join(root, 'src/lib/testgenPricing.ts:priceWithTax'), '--timeout-run', '5'], { OPENAI_BASE_URL: llm.baseUrl });
    assert.equal(hang.code, 0, hang.err);
    assert.match(hang.err, /1 generated, 1 compiled, 0 passed, 0 kept/);
  });
});
