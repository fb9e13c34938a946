import { join } from 'node:path';
import { parseJestJson } from './parseJestJson';
import { readJsonSummary } from './readJsonSummary';
import type { RunnerAdapter } from './runnerAdapter';
import { hasPackage, nodeExecutable, readIfExists, resolveBin } from './nodeBin';

const PROVIDERS = ['v8', 'istanbul'] as const;

function provider(root: string): (typeof PROVIDERS)[number] | undefined {
  return PROVIDERS.find((name) => hasPackage(root, `@vitest/coverage-${name}`));
}

/** vitest: `vitest run <file> --reporter=json`; coverage with @vitest/coverage-v8 (or -istanbul) when installed. */
export const vitestAdapter: RunnerAdapter = {
  testInvocation: (ctx) => {
    const bin = resolveBin(ctx.root, 'vitest');
    if (bin === undefined) {
      return Promise.resolve('vitest is not installed in the project (node_modules/vitest); run the package manager install first.');
    }
    return Promise.resolve({
      command: nodeExecutable(),
      args: [bin, 'run', ctx.testFile, '--reporter=json', `--outputFile=${join(ctx.reportDir, 'report.json')}`, '--coverage.enabled=false'],
    });
  },
  readReport: (ctx) => {
    const text = readIfExists(join(ctx.reportDir, 'report.json'));
    return Promise.resolve(text === undefined ? undefined : parseJestJson(text, ctx.testFile));
  },
  coverageTool: (root) => {
    const name = provider(root);
    return name === undefined ? undefined : `@vitest/coverage-${name}`;
  },
  coverageInvocation: (ctx) => {
    const bin = resolveBin(ctx.root, 'vitest');
    const name = provider(ctx.root);
    if (bin === undefined || name === undefined) {
      return Promise.resolve(undefined);
    }
    return Promise.resolve({
      command: nodeExecutable(),
      args: [
        bin, 'run', '--reporter=json', `--outputFile=${join(ctx.reportDir, 'report.json')}`,
        '--coverage.enabled=true', `--coverage.provider=${name}`, `--coverage.include=${ctx.target}`,
        '--coverage.reporter=json-summary', `--coverage.reportsDirectory=${join(ctx.reportDir, 'coverage')}`,
        ...(ctx.withCandidate ? [] : [`--exclude=${ctx.testFile}`]),
      ],
    });
  },
  readCoverage: (ctx) => Promise.resolve(readJsonSummary(join(ctx.reportDir, 'coverage', 'coverage-summary.json'), ctx.target)),
};
