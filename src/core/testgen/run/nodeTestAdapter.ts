import { join } from 'node:path';
import type { CoveragePercent } from './runResult';
import { expandTestPatterns, nodeTestCommand } from './nodeTestCommand';
import { parseTap } from './parseTap';
import type { CoverageContext, RunnerAdapter } from './runnerAdapter';
import { nodeExecutable, readIfExists } from './nodeBin';

function reportPath(reportDir: string): string {
  return join(reportDir, 'report.tap');
}

function tapArgs(reportDir: string): string[] {
  return ['--test', '--test-reporter=tap', `--test-reporter-destination=${reportPath(reportDir)}`];
}

/** Reads the row of `target` in the coverage table Node appends to the TAP report. */
function readCoverageTable(tap: string, target: string): CoveragePercent | undefined {
  for (const line of tap.split(/\r?\n/)) {
    const cells = line.replace(/^#\s*/, '').split('|').map((cell) => cell.trim());
    if (cells.length >= 4 && cells[0]?.replace(/\\/g, '/') === target) {
      const [lines, branches, functions] = cells.slice(1, 4).map(Number);
      if (lines !== undefined && branches !== undefined && functions !== undefined && [lines, branches, functions].every(Number.isFinite)) {
        return { lines, branches, functions };
      }
    }
  }
  return undefined;
}

function layoutGlob(ctx: CoverageContext): string {
  const { testsDir, testSuffix, testsColocated, sourceDir } = ctx.facts.layout;
  const dir = testsColocated ? sourceDir : testsDir;
  return `${dir === '.' ? '' : `${dir}/`}**/*${testSuffix}`;
}

/**
 * node:test with the loader of the project's `test` script: `node --import tsx --test <file>`, TAP
 * to a file. Coverage with Node's own `--experimental-test-coverage` (Node ≥ 20; flat table).
 */
export const nodeTestAdapter: RunnerAdapter = {
  testInvocation: (ctx) => {
    const { nodeOptions } = nodeTestCommand(ctx.root);
    return Promise.resolve({ command: nodeExecutable(), args: [...nodeOptions, ...tapArgs(ctx.reportDir), ctx.testFile] });
  },
  readReport: (ctx) => {
    const text = readIfExists(reportPath(ctx.reportDir));
    return Promise.resolve(text === undefined || text.trim() === '' ? undefined : parseTap(text, ctx.testFile));
  },
  coverageTool: () => 'node:test',
  coverageInvocation: async (ctx) => {
    const { nodeOptions, patterns } = nodeTestCommand(ctx.root);
    const existing = (await expandTestPatterns(ctx.root, patterns, layoutGlob(ctx))).filter((file) => file !== ctx.testFile);
    const files = ctx.withCandidate ? [...existing, ctx.testFile] : existing;
    if (files.length === 0) {
      return undefined;
    }
    return { command: nodeExecutable(), args: [...nodeOptions, '--experimental-test-coverage', ...tapArgs(ctx.reportDir), ...files] };
  },
  readCoverage: (ctx) => Promise.resolve(readCoverageTable(readIfExists(reportPath(ctx.reportDir)) ?? '', ctx.target)),
};
