import type { TestRunnerName } from '../../../../src/core/project/projectFacts';

/** How one runner's candidate test files are written, for the fixture module src/lib/testgenPricing.ts. */
export interface RunnerScenario {
  readonly runner: TestRunnerName;
  readonly fixture: string;
  /** Where the candidate file goes, as the project keeps its tests. */
  readonly testFile: string;
  readonly mixed: string;
  readonly broken: string;
  readonly hang: string;
  readonly covering: string;
}

/** Marker files, relative to the overlay root (the runner's working directory). */
export const FLAKY_MARKER = '.testgen-flaky-marker';
export const PID_FILE = '.testgen-pids';

interface Dialect {
  readonly header: string;
  eq(actual: string, expected: string): string;
  it(title: string, body: string, timeout?: number): string;
}

function mixed(d: Dialect): string {
  return `${d.header}
import { existsSync, writeFileSync } from 'node:fs';
declare const roundTo: (value: number, digits: number) => number;

describe('testgenPricing', () => {
${d.it('adds the tax', d.eq('priceWithTax(100, 20)', '120'))}
${d.it('gives no discount below 10', d.eq('bulkDiscount(3)', '0'))}
${d.it('gives 10% from 10 items', d.eq('bulkDiscount(10)', '0.1'))}
${d.it('rounds with a helper that does not exist', d.eq('roundTo(priceWithTax(1.234, 0), 2)', '1.23'))}
${d.it('passes on the first run only', `const first = !existsSync('${FLAKY_MARKER}'); writeFileSync('${FLAKY_MARKER}', 'ran'); ${d.eq('first', 'true')}`)}
});
`;
}

function broken(d: Dialect): string {
  return `${d.header}
describe('testgenPricing', () => {
${d.it('adds the tax', d.eq('priceWithTax(100, 20)', '120').replace(/\)/, ''))}
});
`;
}

function hang(d: Dialect): string {
  return `${d.header}
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';

describe('testgenPricing', () => {
${d.it('never ends', `const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    writeFileSync('${PID_FILE}', \`\${process.pid} \${child.pid}\`);
    await new Promise(() => {});`, 600_000)}
});
`;
}

function covering(d: Dialect): string {
  return `${d.header}
describe('testgenPricing', () => {
${d.it('adds the tax', d.eq('priceWithTax(100, 20)', '120'))}
${d.it('gives no discount up to 10', d.eq('bulkDiscount(10)', '0'))}
${d.it('gives 10% from 11 items', d.eq('bulkDiscount(11)', '0.1'))}
});
`;
}

const expectDialect = (header: string): Dialect => ({
  header,
  eq: (a, e) => `expect(${a}).toBe(${e});`,
  it: (title, body, timeout) => `  it('${title}', async () => {\n    ${body}\n  }${timeout ? `, ${timeout}` : ''});`,
});

const nodeDialect = (header: string): Dialect => ({
  header,
  eq: (a, e) => `assert.equal(${a}, ${e});`,
  it: (title, body, timeout) => `  it('${title}', ${timeout ? `{ timeout: ${timeout} }, ` : ''}async () => {\n    ${body}\n  });`,
});

function scenario(runner: TestRunnerName, fixture: string, testFile: string, dialect: Dialect): RunnerScenario {
  return { runner, fixture, testFile, mixed: mixed(dialect), broken: broken(dialect), hang: hang(dialect), covering: covering(dialect) };
}

export const VITEST = scenario('vitest', 'express5-vitest', 'test/testgenPricing.test.ts', expectDialect(
  "import { describe, expect, it } from 'vitest';\nimport { bulkDiscount, priceWithTax } from '../src/lib/testgenPricing.js';"));

export const JEST = scenario('jest', 'express4-jest', 'src/lib/testgenPricing.spec.ts', expectDialect(
  "import { bulkDiscount, priceWithTax } from './testgenPricing';"));

export const NODE_TEST = scenario('node:test', 'fastify5-node-test', 'test/testgenPricing.test.ts', nodeDialect(
  "import assert from 'node:assert/strict';\nimport { describe, it } from 'node:test';\nimport { bulkDiscount, priceWithTax } from '../src/lib/testgenPricing.js';"));
