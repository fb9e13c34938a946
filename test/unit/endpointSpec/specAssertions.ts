import assert from 'node:assert/strict';
import type { EndpointSpec } from '../../../src/core/endpointSpec';
import type { SpecInputResult, SpecSource } from '../../../src/core/endpointSpec/inputs';

/** The spec of a `spec` result, failing with its issues otherwise. */
export function specOf(result: SpecInputResult, source?: SpecSource): EndpointSpec {
  assert.equal(result.kind, 'spec', result.kind === 'invalid' ? `invalid:\n${result.issues.join('\n')}` : result.kind);
  if (result.kind !== 'spec') {
    throw new Error('unreachable');
  }
  if (source) {
    assert.equal(result.source, source);
  }
  return result.spec;
}

/** The issues of an `invalid` result. */
export function issuesOf(result: SpecInputResult, source?: SpecSource | 'unknown'): string[] {
  assert.equal(result.kind, 'invalid', result.kind === 'spec' ? `unexpected spec: ${JSON.stringify(result.spec)}` : result.kind);
  if (result.kind !== 'invalid') {
    throw new Error('unreachable');
  }
  if (source) {
    assert.equal(result.source, source);
  }
  return result.issues;
}

/** The warnings of a `spec` result. */
export function warningsOf(result: SpecInputResult): string[] {
  assert.equal(result.kind, 'spec');
  return result.kind === 'spec' ? result.warnings : [];
}

/** Asserts that some line contains every fragment. */
export function assertSomeLine(lines: readonly string[], ...fragments: string[]): void {
  assert.ok(
    lines.some((line) => fragments.every((f) => line.includes(f))),
    `no line contains ${fragments.map((f) => JSON.stringify(f)).join(' and ')} in:\n${lines.join('\n')}`,
  );
}
