import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateEndpoint } from '../../src/core/endpoint/generateEndpoint';
import { fixtureBin, writeFiles } from './fixtureWorkspace';

/** The corpus's OpenAPI documents, applied to the fixtures as a user of the CLI would. */
export const SPECS = join(import.meta.dirname, '..', '..', 'corpus', 'specs');

/** Test counts from the junit report, and the end of the output for failure messages. */
export interface Counts {
  readonly pass: number;
  readonly fail: number;
  readonly todo: number;
  readonly output: string;
}

/** The fixture's own runner (`tsx --test`, what its package.json runs) with the junit reporter. */
export function runTests(root: string, files: readonly string[]): Counts {
  const run = spawnSync(fixtureBin(root, 'tsx'), ['--test', '--test-reporter=junit', ...files], { cwd: root, encoding: 'utf8' });
  const count = (name: string): number => Number(new RegExp(`<!-- ${name} (\\d+) -->`).exec(run.stdout)?.[1] ?? 'NaN');
  return { pass: count('pass'), fail: count('fail'), todo: count('todo'), output: run.stdout.slice(-4000) + run.stderr };
}

/**
 * Applies every corpus spec through generateEndpoint (no LLM: structured input), writing what it
 * proposes; returns the written paths, and adds each result's review notes to `notes` when given.
 */
export async function applySpecs(root: string, specs: readonly string[], notes?: string[]): Promise<string[]> {
  const written: string[] = [];
  for (const name of specs) {
    const result = await generateEndpoint({ root, text: readFileSync(join(SPECS, name), 'utf8') });
    assert.equal(result.kind, 'ok', `${name}: ${JSON.stringify(result).slice(0, 400)}`);
    if (result.kind !== 'ok') {
      continue;
    }
    const errors = result.changeSet.files.flatMap((f) => (f.diagnostics ?? []).filter((d) => d.category === 'error').map((d) => `${f.path}:${String(d.line)} ${d.message}`));
    assert.deepEqual(errors, [], `${name}: the type check in the project found errors`);
    writeFiles(root, result.changeSet.files);
    written.push(...result.changeSet.files.map((f) => f.path));
    notes?.push(...result.notes);
  }
  return written;
}
