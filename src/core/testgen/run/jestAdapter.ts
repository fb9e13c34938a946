import { join } from 'node:path';
import { parseJestJson } from './parseJestJson';
import { readJsonSummary } from './readJsonSummary';
import type { RunnerAdapter } from './runnerAdapter';
import { hasPackage, nodeExecutable, readIfExists, resolveBin } from './nodeBin';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const COMMON = ['--ci', '--watchman=false', '--json'];

/** jest (with the project's own config, e.g. the ts-jest preset): `jest --runTestsByPath <file> --json`. */
export const jestAdapter: RunnerAdapter = {
  testInvocation: (ctx) => {
    const bin = resolveBin(ctx.root, 'jest');
    if (bin === undefined) {
      return Promise.resolve('jest is not installed in the project (node_modules/jest); run the package manager install first.');
    }
    return Promise.resolve({
      command: nodeExecutable(),
      args: [bin, ...COMMON, `--outputFile=${join(ctx.reportDir, 'report.json')}`, '--coverage=false', '--runTestsByPath', ctx.testFile],
    });
  },
  readReport: (ctx) => {
    const text = readIfExists(join(ctx.reportDir, 'report.json'));
    return Promise.resolve(text === undefined ? undefined : parseJestJson(text, ctx.testFile));
  },
  coverageTool: (root) => (hasPackage(root, 'jest') ? 'jest' : undefined),
  coverageInvocation: (ctx) => {
    const bin = resolveBin(ctx.root, 'jest');
    if (bin === undefined) {
      return Promise.resolve(undefined);
    }
    return Promise.resolve({
      command: nodeExecutable(),
      args: [
        bin, ...COMMON, `--outputFile=${join(ctx.reportDir, 'report.json')}`,
        '--coverage', `--collectCoverageFrom=${ctx.target}`, '--coverageReporters=json-summary',
        `--coverageDirectory=${join(ctx.reportDir, 'coverage')}`,
        ...(ctx.withCandidate ? [] : ['--testPathIgnorePatterns=/node_modules/', `--testPathIgnorePatterns=${escapeRegExp(ctx.testFile)}$`]),
      ],
    });
  },
  readCoverage: (ctx) => Promise.resolve(readJsonSummary(join(ctx.reportDir, 'coverage', 'coverage-summary.json'), ctx.target)),
};
