import type { TestRunnerName } from '../../project/projectFacts';
import { jestAdapter } from './jestAdapter';
import { mochaAdapter } from './mochaAdapter';
import { nodeTestAdapter } from './nodeTestAdapter';
import type { RunnerAdapter } from './runnerAdapter';
import { vitestAdapter } from './vitestAdapter';

/** Adding a runner means adding a line here. */
export const RUNNER_ADAPTERS: Readonly<Record<TestRunnerName, RunnerAdapter>> = {
  vitest: vitestAdapter,
  jest: jestAdapter,
  mocha: mochaAdapter,
  'node:test': nodeTestAdapter,
};
