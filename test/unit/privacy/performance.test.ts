import assert from 'node:assert/strict';
import { createRedactor } from '../../../src/core/privacy';
import { realisticPrompt } from './promptFixture';

describe('privacy/performance', () => {
  const redactor = createRedactor();

  // Timing lives in `npm run bench` (bench/gateway.ts); these check behaviour on large inputs.
  it('finds the planted secrets in a realistic 2,000-line prompt', () => {
    const prompt = realisticPrompt(2000);
    assert.equal(prompt.split('\n').length, 2000);
    const messages = [{ role: 'system' as const, content: 'You write backend code.' }, { role: 'user' as const, content: prompt }];
    const last = redactor.redactMessages(messages);
    const found = Object.values(last.counts).reduce((a, b) => a + b, 0);
    assert.ok(found >= 8, `expected the planted secrets to be found, got ${found}`);
  });

  // A catastrophic-backtracking regression would hang here until mocha's timeout fails the test.
  it('handles pathological input without catastrophic backtracking', () => {
    const inputs = [
      'a.'.repeat(50_000) + '@',
      'a'.repeat(100_000) + '@' + 'b.'.repeat(20_000),
      'password' + ' '.repeat(50_000) + '=',
      'password="' + '\\a'.repeat(40_000),
      '-----BEGIN PRIVATE KEY-----'.repeat(2_000),
      '+1' + ' 1'.repeat(30_000),
      '1234 '.repeat(20_000),
      'eyJ' + 'a'.repeat(50_000) + '.eyJ' + 'b'.repeat(50_000),
      'postgres://' + 'u'.repeat(50_000) + ':' + 'p'.repeat(50_000),
      'GB82 ' + 'WEST '.repeat(20_000),
      'token token token token '.repeat(5_000),
      'x=' + 'A1'.repeat(50_000),
    ];
    for (const input of inputs) {
      const result = redactor.redactText(input);
      assert.equal(typeof result.value, 'string');
    }
  });
});
