import assert from 'node:assert/strict';
import { createRedactor } from '../../../src/core/privacy';
import { realisticPrompt } from './promptFixture';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

describe('privacy/performance', () => {
  const redactor = createRedactor();

  it('redacts a realistic 2,000-line prompt in a few milliseconds (median of 50 runs)', () => {
    const prompt = realisticPrompt(2000);
    assert.equal(prompt.split('\n').length, 2000);
    const messages = [{ role: 'system' as const, content: 'You write backend code.' }, { role: 'user' as const, content: prompt }];
    for (let i = 0; i < 5; i += 1) {
      redactor.redactMessages(messages);
    }
    const times: number[] = [];
    let last = redactor.redactMessages(messages);
    for (let i = 0; i < 50; i += 1) {
      const start = performance.now();
      last = redactor.redactMessages(messages);
      times.push(performance.now() - start);
    }
    const found = Object.values(last.counts).reduce((a, b) => a + b, 0);
    console.log(`      2,000-line prompt (${prompt.length} chars, ${found} redactions): median ${median(times).toFixed(2)} ms over 50 runs`);
    assert.ok(found >= 8, `expected the planted secrets to be found, got ${found}`);
    assert.ok(median(times) < 50, `median ${median(times)} ms`);
  });

  it('finishes quickly on pathological input (no catastrophic backtracking)', () => {
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
      const start = performance.now();
      redactor.redactText(input);
      const ms = performance.now() - start;
      assert.ok(ms < 500, `${ms.toFixed(0)} ms for input starting ${JSON.stringify(input.slice(0, 30))}`);
    }
  });
});
