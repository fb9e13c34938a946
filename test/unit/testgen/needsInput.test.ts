import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LLM_SETTINGS } from '../../../src/core/defaults';
import type { LlmClient } from '../../../src/core/llm/types';
import { generateTests } from '../../../src/core/testgen/generateTests';
import { writeInto } from './testgenFixtures';

describe('generateTests: a fact detection cannot read is a typed question', () => {
  let root = '';
  let calls = 0;
  const llm: LlmClient = {
    settings: { ...DEFAULT_LLM_SETTINGS },
    chat: () => {
      calls += 1;
      return Promise.resolve({ kind: 'cancelled' });
    },
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'routecraft-needs-input-'));
    calls = 0;
    writeInto(root, {
      'package.json': JSON.stringify({ name: 'no-runner', version: '1.0.0', devDependencies: { typescript: '^5.8.0' } }),
      'src/sum.ts': 'export function sum(a: number, b: number): number {\n  return a + b;\n}\n',
    });
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('returns needs-input with the runner choices, before asking the model', async () => {
    const result = await generateTests({ root, target: { file: 'src/sum.ts', symbol: 'sum' }, llm });
    assert.equal(result.kind, 'needs-input');
    assert.ok(result.kind === 'needs-input');
    assert.equal(result.fact, 'testRunner');
    assert.deepEqual(result.choices, ['vitest', 'jest', 'mocha', 'node:test']);
    assert.match(result.message, /--test-runner/);
    assert.equal(calls, 0, 'no LLM call');
  });

  it('goes on to the model once the caller names the runner', async () => {
    const result = await generateTests({ root, target: { file: 'src/sum.ts', symbol: 'sum' }, llm, testRunner: 'vitest' });
    assert.equal(result.kind, 'cancelled');
    assert.equal(calls, 1);
  });
});
