import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** test/fixtures/triage: outputs captured by regenerate.mjs, the sample and transpiled projects. */
export const TRIAGE_FIXTURES = resolve(__dirname, '..', '..', 'fixtures', 'triage');
export const SAMPLE_ROOT = join(TRIAGE_FIXTURES, 'sample');
export const TRANSPILED_ROOT = join(TRIAGE_FIXTURES, 'transpiled');

/** A captured output with `<ROOT>` (and `file://<ROOT>`) replaced by `root`. */
export function fixtureOutput(name: string, root: string): string {
  const text = readFileSync(join(TRIAGE_FIXTURES, 'outputs', name), 'utf8');
  return text.split('file://<ROOT>').join(pathToFileURL(root).href).split('<ROOT>').join(root);
}
