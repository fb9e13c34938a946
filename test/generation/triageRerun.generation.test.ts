import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { failingTestOf, mapFrames, parseLog, rerunFailingTest } from '../../src/core/triage';
import { FIXTURES, prepareWorkspace } from './fixtureWorkspace';

const SAMPLE = join(FIXTURES, 'triage', 'sample');

describe('triage: re-running the failing test after a fix (express-mocha fixture, real mocha)', () => {
  it('the test named in mocha output fails before the fix and passes after it', async () => {
    const root = prepareWorkspace('express-mocha', 'triage-rerun');
    for (const file of ['src/cart.ts', 'test/mocha.test.ts']) {
      cpSync(join(SAMPLE, file), join(root, file));
    }
    const log = mapFrames(parseLog(readFileSync(join(FIXTURES, 'triage', 'outputs', 'mocha.txt'), 'utf8').split('<ROOT>').join(root)), root);
    const test = failingTestOf(log.problems[1]!);
    assert.deepEqual(test, { testFile: 'test/mocha.test.ts', title: 'cart › applies a percentage discount' });
    const before = await rerunFailingTest(root, test, { timeoutMs: 60_000 });
    assert.equal(before.kind, 'failed', JSON.stringify(before));
    const cart = join(root, 'src/cart.ts');
    writeFileSync(cart, readFileSync(cart, 'utf8').replace('return cents - percent;', 'return cents - (cents * percent) / 100;'));
    const after = await rerunFailingTest(root, test, { timeoutMs: 60_000 });
    assert.equal(after.kind, 'passed', JSON.stringify(after));
  });
});
