import assert from 'node:assert/strict';
import { parseLog } from '../../../src/core/triage/parse/parseLog';
import { parseFrameLine } from '../../../src/core/triage/parse/frameLine';
import type { Problem, RawFrame } from '../../../src/core/triage/triageTypes';
import { fixtureOutput, SAMPLE_ROOT, TRANSPILED_ROOT } from './triageFixtures';

/** `fn@location:line:col` per frame, the compact shape the assertions compare. */
function frames(problem: Problem<RawFrame> | undefined): string[] {
  return (problem?.frames ?? []).map((f) => `${f.async ? 'async ' : ''}${f.functionName ?? ''}@${f.location.replace(SAMPLE_ROOT, '~').replace(TRANSPILED_ROOT, '~')}${f.line === undefined ? '' : `:${f.line}:${f.column ?? ''}`}`);
}

const cartFrames = (prefix: string, anon = '<anonymous>'): string[] => [
  `priceOf@${prefix}src/cart.ts:13:16`,
  `${anon}@${prefix}src/cart.ts:17:44`,
];

describe('triage: parsing failure output (fixtures captured from real runs)', () => {
  it('parses single V8 frame lines: async, anonymous, new, file:// URLs, Windows paths, natives', () => {
    assert.deepEqual(parseFrameLine('    at async Context.<anonymous> (test/a.test.ts:10:18)'), { raw: 'at async Context.<anonymous> (test/a.test.ts:10:18)', functionName: 'Context.<anonymous>', async: true, location: 'test/a.test.ts', line: 10, column: 18 });
    assert.equal(parseFrameLine('    at new Store (C:\\app\\src\\store.ts:3:9)')?.location, 'C:\\app\\src\\store.ts');
    assert.equal(parseFrameLine('    at new Store (C:\\app\\src\\store.ts:3:9)')?.functionName, 'Store');
    assert.deepEqual({ ...parseFrameLine('    at file:///srv/app/dist/boot.js:5:30') }, { raw: 'at file:///srv/app/dist/boot.js:5:30', async: false, location: 'file:///srv/app/dist/boot.js', line: 5, column: 30 });
    assert.equal(parseFrameLine('    at JSON.parse (<anonymous>)')?.location, '<anonymous>');
    assert.equal(parseFrameLine('    at checkout (file:///x/main.js:7:15) {')?.line, 7);
    assert.equal(parseFrameLine('The user at the desk said so'), undefined);
    assert.equal(parseFrameLine(' ❯ priceOf src/cart.ts:13:16')?.functionName, 'priceOf');
    assert.equal(parseFrameLine('priceOf (/a/src/cart.ts:13:16)', 'bare')?.location, '/a/src/cart.ts');
  });

  it('mocha: two failures with their titles, the async test frame and the Node internal frame', () => {
    const log = parseLog(fixtureOutput('mocha.txt', SAMPLE_ROOT));
    assert.equal(log.format, 'mocha');
    assert.deepEqual(log.problems.map((p) => [p.name, p.test]), [['TypeError', 'cart › checks out unknown fruit'], ['AssertionError', 'cart › applies a percentage discount']]);
    assert.deepEqual(frames(log.problems[0]), [...cartFrames(''), 'Array.reduce@<anonymous>', 'cartTotal@src/cart.ts:17:16', 'checkout@src/cart.ts:22:10', 'async Context.<anonymous>@test/mocha.test.ts:10:18']);
    assert.deepEqual(frames(log.problems[1]), ['Context.<anonymous>@test/mocha.test.ts:14:12', 'process.processImmediate@node:internal/timers:483:21']);
    assert.match(log.problems[1]!.message, /990 !== 900/);
  });

  it('jest: ● titles, the test file from FAIL, code frames left out of the message', () => {
    const log = parseLog(fixtureOutput('jest.txt', SAMPLE_ROOT));
    assert.equal(log.format, 'jest');
    assert.deepEqual(log.problems.map((p) => [p.test, p.testFile]), [['cart › checks out unknown fruit', 'src/cart.spec.ts'], ['cart › applies a percentage discount', 'src/cart.spec.ts']]);
    assert.deepEqual(frames(log.problems[0]), [...cartFrames('', ''), 'Array.reduce@<anonymous>', 'cartTotal@src/cart.ts:17:16', 'checkout@src/cart.ts:22:10', 'Object.<anonymous>@src/cart.spec.ts:9:16']);
    assert.deepEqual(frames(log.problems[1]), ['Object.<anonymous>@src/cart.spec.ts:13:38']);
    assert.equal(log.problems[0]!.message, "Cannot read properties of undefined (reading 'cents')");
    assert.doesNotMatch(log.problems[1]!.message, /\|/, 'no code frame in the message');
  });

  it('vitest: FAIL file > suite > test blocks and ❯ frames', () => {
    const log = parseLog(fixtureOutput('vitest.txt', SAMPLE_ROOT));
    assert.equal(log.format, 'vitest');
    assert.deepEqual(log.problems.map((p) => [p.name, p.test, p.testFile]), [['TypeError', 'cart › checks out unknown fruit', 'test/vitest.test.ts'], ['AssertionError', 'cart › applies a percentage discount', 'test/vitest.test.ts']]);
    assert.deepEqual(frames(log.problems[0]), [...cartFrames('', ''), 'cartTotal@src/cart.ts:17:16', 'checkout@src/cart.ts:22:10', '@test/vitest.test.ts:10:12']);
    assert.deepEqual(frames(log.problems[1]), ['@test/vitest.test.ts:14:34']);
  });

  it('node:test spec: each failure once although the summary repeats it', () => {
    const log = parseLog(fixtureOutput('node-test-spec.txt', SAMPLE_ROOT));
    assert.equal(log.format, 'node-test');
    assert.deepEqual(log.problems.map((p) => p.test), ['checks out unknown fruit', 'applies a percentage discount']);
    assert.deepEqual(frames(log.problems[0]).slice(0, 2), cartFrames('~/'));
    assert.equal(frames(log.problems[0])[5], 'async TestContext.<anonymous>@~/test/node.test.ts:11:18');
    assert.equal(log.problems[1]!.frames.length, 7);
  });

  it('node:test TAP: YAML error, name and the stack block without "at"', () => {
    const log = parseLog(fixtureOutput('node-test-tap.txt', SAMPLE_ROOT));
    assert.equal(log.format, 'node-test-tap');
    assert.deepEqual(log.problems.map((p) => [p.name, p.test, p.message]), [
      ['TypeError', 'checks out unknown fruit', "Cannot read properties of undefined (reading 'cents')"],
      ['AssertionError', 'applies a percentage discount', 'Expected values to be strictly equal:\n\n990 !== 900'],
    ]);
    assert.deepEqual(frames(log.problems[0]).slice(0, 2), cartFrames('~/'));
    assert.equal(frames(log.problems[1])[0], 'TestContext.<anonymous>@~/test/node.test.ts:15:12');
  });

  for (const name of ['tsc-plain.txt', 'tsc-pretty.txt']) {
    it(`tsc diagnostics (${name}): code, message and location`, () => {
      const log = parseLog(fixtureOutput(name, SAMPLE_ROOT));
      assert.equal(log.format, 'tsc');
      assert.deepEqual(log.problems.map((p) => [p.name, frames(p)[0]]), [['TS2322', '@src/badTypes.ts:4:9'], ['TS2353', '@src/badTypes.ts:8:49']]);
      assert.equal(log.problems[0]!.message, "Type 'number' is not assignable to type 'string'.");
    });
  }

  it('Node: [cause] and AggregateError [errors] nest under the error that holds them', () => {
    const log = parseLog(fixtureOutput('node-esm-aggregate.txt', TRANSPILED_ROOT));
    assert.equal(log.format, 'node');
    assert.equal(log.problems.length, 1);
    const top = log.problems[0]!;
    assert.deepEqual([top.name, top.message, frames(top)], ['Error', 'checkout failed for o-17', ['checkout@file://~/dist/main.js:7:15']]);
    const cause = top.nested[0]!;
    assert.deepEqual([cause.name, cause.message, frames(cause).length], ['AggregateError', 'cannot reserve order o-17', 3]);
    assert.deepEqual(cause.nested.map((e) => [e.name, e.message, frames(e)[0]]), [
      ['RangeError', 'only 0 pear left, 2 wanted', 'take@file://~/dist/inventory.js:12:15'],
      ['TypeError', 'unknown sku kiwi', 'take@file://~/dist/inventory.js:9:15'],
    ]);
    assert.equal(frames(cause.nested[0])[3], 'async checkout@file://~/dist/main.js:4:9', 'the last frame before "," is kept');
  });

  it('Node: an uncaught error after the source excerpt, anonymous module frames and internals', () => {
    const log = parseLog(fixtureOutput('node-esm-uncaught.txt', TRANSPILED_ROOT));
    assert.deepEqual(log.problems.map((p) => p.name), ['SyntaxError']);
    assert.deepEqual(frames(log.problems[0]).slice(0, 3), ['JSON.parse@<anonymous>', 'parseConfig@file://~/dist/boot.js:3:17', '@file://~/dist/boot.js:5:30']);
    assert.equal(frames(log.problems[0])[7], 'async asyncRunEntryPointWithESMLoader@node:internal/modules/run_main:117:5');
  });

  it('Windows paths and file:///C:/ URLs (hand-written: no Windows machine here)', () => {
    const log = parseLog(fixtureOutput('windows-handwritten.txt', SAMPLE_ROOT));
    assert.deepEqual(frames(log.problems[0]).slice(0, 2), ['priceOf@C:\\Users\\dev\\shop\\src\\cart.ts:13:16', '@C:\\Users\\dev\\shop\\src\\cart.ts:17:44']);
    assert.equal(frames(log.problems[0])[4], 'checkout@file:///C:/Users/dev/shop/src/cart.ts:22:10');
  });

  it('a log with no trace yields no problem; a trace inside other log lines is found', () => {
    assert.deepEqual(parseLog('server listening on 3000\nGET /health 200\n').problems, []);
    const log = parseLog('12:00:01 INFO start\n12:00:02 ERROR boom\nError: boom\n    at main (/srv/app/src/main.ts:3:9)\n12:00:03 INFO bye\n');
    assert.deepEqual(log.problems.map((p) => [p.name, p.message, p.frames.length]), [['Error', 'boom', 1]]);
  });
});
