import { join } from 'node:path';
import { parseMochaJson } from './parseMochaJson';
import type { RunnerAdapter } from './runnerAdapter';
import { nodeExecutable, readIfExists, resolveBin } from './nodeBin';

/**
 * mocha with the project's .mocharc (its `require`/`node-option` loaders apply): `mocha <file>
 * --reporter json`. The config's own `spec` may add files to the run; only `<file>`'s results are kept.
 * Coverage is not measured for mocha yet.
 */
export const mochaAdapter: RunnerAdapter = {
  testInvocation: (ctx) => {
    const bin = resolveBin(ctx.root, 'mocha');
    if (bin === undefined) {
      return Promise.resolve('mocha is not installed in the project (node_modules/mocha); run the package manager install first.');
    }
    return Promise.resolve({
      command: nodeExecutable(),
      args: [bin, '--reporter', 'json', '--reporter-option', `output=${join(ctx.reportDir, 'report.json')}`, '--no-parallel', ctx.testFile],
    });
  },
  readReport: (ctx, output) => {
    const text = readIfExists(join(ctx.reportDir, 'report.json')) ?? output.slice(output.indexOf('{'));
    return Promise.resolve(parseMochaJson(text, ctx.testFile));
  },
  coverageTool: () => undefined,
  coverageInvocation: () => Promise.resolve(undefined),
  readCoverage: () => Promise.resolve(undefined),
};
