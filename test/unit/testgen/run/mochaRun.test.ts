import { NODE_TEST, type RunnerScenario } from './candidates';
import { describeRunner } from './describeRunner';

const NODE_TEST_IMPORT = "import { describe, it } from 'node:test';\n";
const NODE_TEST_TIMEOUT = /\{ timeout: (\d+) \}, async \(\) => \{/;

/** The node:test candidates rewritten for mocha: globals instead of `node:test`, `this.timeout` instead of the option. */
function forMocha(source: string): string {
  if (!source.includes(NODE_TEST_IMPORT)) {
    throw new Error('the node:test candidate no longer imports describe/it as expected');
  }
  return source.replace(NODE_TEST_IMPORT, '').replace(NODE_TEST_TIMEOUT, 'async function () {\n    this.timeout($1);');
}

const MOCHA: RunnerScenario = {
  runner: 'mocha',
  fixture: 'express-mocha',
  testFile: 'test/testgenPricing.test.ts',
  mixed: forMocha(NODE_TEST.mixed),
  broken: forMocha(NODE_TEST.broken),
  hang: forMocha(NODE_TEST.hang),
  covering: forMocha(NODE_TEST.covering),
};

if (!MOCHA.hang.includes('this.timeout(600000)')) {
  throw new Error('the hanging candidate has no mocha timeout: mocha would fail it after 2 s instead of hanging');
}

// The fixture's .mocharc.json loads tsx and spreads its own spec glob; mocha has no coverage adapter yet.
describeRunner(MOCHA, 'none');
