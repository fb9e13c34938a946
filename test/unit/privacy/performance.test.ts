import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createRedactor } from '../../../src/core/privacy';
import { PATHOLOGICAL_INPUTS } from '../../support/redactPathological';
import { realisticPrompt } from './promptFixture';

const SCRIPT = join(import.meta.dirname, '..', '..', 'support', 'redactPathological.ts');

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

  // A catastrophic-backtracking regex blocks the thread: no mocha timeout can stop it. So the inputs
  // run in their own process under a hard deadline, generous on purpose (a guard against hangs; the
  // speed figures live in `npm run bench`).
  it('handles pathological input without catastrophic backtracking', function () {
    this.timeout(90_000);
    const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT], { encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' });
    const done = run.stdout.split('\n').filter((line) => line.startsWith('done ')).length;
    assert.equal(done, PATHOLOGICAL_INPUTS.length, `input ${done} did not finish within 60 s: ${JSON.stringify(PATHOLOGICAL_INPUTS[done]?.slice(0, 40))}… ${run.stderr}`);
    assert.equal(run.status, 0, run.stderr);
  });
});
