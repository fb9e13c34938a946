import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeLlmServer } from '../support/fakeLlmServer';
import { cli, testPlan } from './testgenCli';
import { fixtureBin, FIXTURES, prepareWorkspace } from './fixtureWorkspace';

const answer = testPlan(
  {
    c1: { title: 'upper-cases a valid order code', code: "expect(new ParseOrderCodePipe().transform(' ord-0042 ')).toBe('ORD-0042');" },
    c2: { title: 'refuses anything else', code: "expect(() => new ParseOrderCodePipe().transform('order-42')).toThrow(InvalidOrderCodeError);" },
  },
  "import { InvalidOrderCodeError } from './parse-order-code.pipe';",
);

interface JestReport {
  readonly numPassedTests: number;
  readonly numFailedTests: number;
  readonly testResults: readonly { readonly name: string }[];
}

// The layout `nest new` gives (and nestjs-mongo-swagger-pipe of the corpus keeps): package.json's jest
// has rootDir "src" and collects only *.spec.ts; the only test is an e2e spec in test/. Before the
// runner config was read, the new spec went to test/common/pipes/, where `npm test` found no test.
describe('routecraft tests where jest\'s rootDir is src and no unit spec exists yet (testgen-jest-rootdir)', function () {
  this.timeout(300_000);
  let llm: FakeLlmServer;
  let root: string;
  before(async () => {
    llm = await FakeLlmServer.start();
    root = prepareWorkspace('testgen-jest-rootdir', 'cli-tests-jest-rootdir', join(FIXTURES, 'nestjs-jest', 'node_modules'));
  });
  after(async () => {
    await llm.close();
  });

  it('writes the spec beside the module under src/, says which config decided it, and the project\'s own `jest` runs it', async () => {
    llm.enqueue({ kind: 'text', text: answer });
    const r = await cli(['tests', join(root, 'src/common/pipes/parse-order-code.pipe.ts:ParseOrderCodePipe.transform'), '--write'], { OPENAI_BASE_URL: llm.baseUrl });
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /2 generated, 2 compiled, 2 passed, 2 kept/);
    assert.match(r.err, /test file src\/common\/pipes\/parse-order-code\.pipe\.spec\.ts \(where the test runner collects tests: package\.json "jest": rootDir "src"/);
    assert.ok(existsSync(join(root, 'src/common/pipes/parse-order-code.pipe.spec.ts')));
    assert.ok(!existsSync(join(root, 'test/common')), 'nothing under test/, which the unit jest does not look at');
    assert.match(readFileSync(join(root, 'src/common/pipes/parse-order-code.pipe.spec.ts'), 'utf8'), /from '\.\/parse-order-code\.pipe'/);

    // `npm test` of the project (jest with package.json's config) runs the new spec and nothing else.
    const out = execFileSync(fixtureBin(root, 'jest'), ['--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const report = JSON.parse(out) as JestReport;
    assert.deepEqual(report.testResults.map((t) => t.name.slice(root.length + 1)), ['src/common/pipes/parse-order-code.pipe.spec.ts']);
    assert.equal(report.numFailedTests, 0);
    assert.equal(report.numPassedTests, 2);
  });
});
