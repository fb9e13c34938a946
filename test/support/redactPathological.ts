// Redacts inputs built to trigger catastrophic regex backtracking, printing `done N` after each, so
// a test can run it in its own process under a hard deadline and name the input that hung (a
// synchronous regex cannot be interrupted inside the test's own process).
import { createRedactor } from '../../src/core/privacy';

export const PATHOLOGICAL_INPUTS: readonly string[] = [
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

if (process.argv[1]?.endsWith('redactPathological.ts')) {
  const redactor = createRedactor();
  PATHOLOGICAL_INPUTS.forEach((input, i) => {
    const result = redactor.redactText(input);
    if (typeof result.value !== 'string' || result.value.length === 0) {
      throw new Error(`input ${i} gave no text`);
    }
    process.stdout.write(`done ${i}\n`);
  });
}
