import assert from 'node:assert/strict';
import { commandLine, detectRunner, reporterArgs, testCommands, withReporter } from '../../../scripts/corpus/testCommands';

describe('corpus: test commands', () => {
  it('finds the runner in a command or behind npm scripts, following npm run chains to the last step', () => {
    const manifest = {
      scripts: {
        test: 'jest',
        'test:e2e': 'jest --config ./test/jest-e2e.json',
        'test:all': 'tsc --noEmit && npm run test:unit',
        'test:unit': 'vitest run',
        'test:node': 'node --import tsx --test src/**/*.test.ts',
        'test:mocha': 'NODE_ENV=test mocha --config .mocharc.json',
        lint: 'eslint .',
      },
    };
    assert.equal(detectRunner('npm test', manifest), 'jest');
    assert.equal(detectRunner('npm run test:all', manifest), 'vitest');
    assert.equal(detectRunner('pnpm run test:node', manifest), 'node:test');
    assert.equal(detectRunner('yarn test:mocha', manifest), 'mocha');
    assert.equal(detectRunner('npx vitest run', manifest), 'vitest');
    assert.equal(detectRunner('npm run lint', manifest), undefined);
    assert.equal(detectRunner('npm run missing', manifest), undefined);
  });

  it('runs test and test:e2e by default, the entry commands when given', () => {
    const manifest = { scripts: { test: 'jest', 'test:e2e': 'jest --config ./test/jest-e2e.json' } };
    assert.deepEqual(testCommands({}, manifest), [
      { suite: 'test', command: 'npm test', runner: 'jest' },
      { suite: 'test:e2e', command: 'npm run test:e2e', runner: 'jest' },
    ]);
    assert.deepEqual(testCommands({ test: 'npx vitest run' }, manifest), [{ suite: 'test', command: 'npx vitest run', runner: 'vitest' }]);
    assert.deepEqual(testCommands({ test: ['npx jest', 'make check'] }, manifest), [
      { suite: 'test1', command: 'npx jest', runner: 'jest' },
      { suite: 'test2', command: 'make check' },
    ]);
    assert.deepEqual(testCommands({}, { scripts: { test: 'echo "Error: no test specified" && exit 1' } }), [{ suite: 'test', command: 'npm test' }]);
  });

  it('passes reporter flags after -- to npm scripts, directly to a runner command', () => {
    assert.equal(withReporter('npm test', reporterArgs('jest', '/r/a.json', '/x.mjs')), 'npm test -- --json --outputFile=/r/a.json');
    assert.equal(withReporter('npx vitest run', reporterArgs('vitest', '/r/a.json', '/x.mjs')), 'npx vitest run --run --reporter=json --outputFile=/r/a.json');
    assert.equal(withReporter('npm test -- --runInBand', ['--json']), 'npm test -- --runInBand --json');
  });

  it('node:test gets its reporter right after --test, in the script itself (after the files it would be a file)', () => {
    const manifest = { scripts: { test: 'npm run build && npm run test:node', build: 'tsc', 'test:node': 'NODE_ENV=test node --import tsx --test test/*.test.ts' } };
    const [command] = testCommands({}, manifest);
    assert.deepEqual(command, { suite: 'test', command: 'npm test', runner: 'node:test', direct: 'NODE_ENV=test node --import tsx --test test/*.test.ts' });
    assert.equal(
      command === undefined ? '' : commandLine(command, reporterArgs('node:test', '/r/a.jsonl', '/s/rep orter.mjs')),
      "NODE_ENV=test node --import tsx --test '--test-reporter=/s/rep orter.mjs' --test-reporter-destination=/r/a.jsonl test/*.test.ts",
    );
    const [globbed] = testCommands({ test: 'npx glob -c "tsx --test" "./test/**/*.ts"' }, manifest);
    assert.equal(globbed === undefined ? '' : commandLine(globbed, ['--a=1']), 'npx glob -c "tsx --test --a=1" "./test/**/*.ts"');
    const [entry] = testCommands({ test: 'node --test' }, manifest);
    assert.equal(entry === undefined ? '' : commandLine(entry, ['--x']), 'node --test --x');
  });
});
