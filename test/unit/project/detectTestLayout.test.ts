import assert from 'node:assert/strict';
import { detectTestLayout } from '../../../src/core/project/detectTestLayout';

describe('project: detectTestLayout', () => {
  it('helpers in test/ (factories, setup, fakes) do not outvote colocated specs', () => {
    const specs = Array.from({ length: 14 }, (_, i) => `src/core/helper-${String(i)}.spec.ts`);
    const helpers = ['test/setup-e2e.ts', 'test/factories/make-user.ts', ...Array.from({ length: 13 }, (_, i) => `test/lib/fake-${String(i)}.ts`)];
    assert.deepEqual(detectTestLayout([...specs, ...helpers], 'src', 'fastify'), { testsDir: 'src', testSuffix: '.spec.ts', testsColocated: true });
  });

  it('named tests in test/ still make a separate layout; a test folder without named tests counts as tests', () => {
    assert.deepEqual(detectTestLayout(['test/users.test.ts', 'test/orders.test.ts', 'src/a.spec.ts', 'test/helper.ts'], 'src', 'fastify'), { testsDir: 'test', testSuffix: '.test.ts', testsColocated: false });
    assert.deepEqual(detectTestLayout(['test/users.ts', 'test/orders.ts'], 'src', 'express'), { testsDir: 'test', testSuffix: '.test.ts', testsColocated: false });
  });

  it('the folder of separate tests comes from the whole sampled test tree, so one deep named test does not move it', () => {
    const layout = detectTestLayout(['src/test/modules/auth/mocks/index.ts', 'src/test/modules/config/unit/api.spec.ts'], 'src', 'fastify');
    assert.deepEqual(layout, { testsDir: 'src/test/modules', testSuffix: '.spec.ts', testsColocated: false });
    const next = detectTestLayout(['src/test/modules/gadgets.spec.ts', 'src/test/modules/auth/mocks/index.ts'], 'src', 'fastify');
    assert.deepEqual(next, layout, 'after a generated spec, the same place');
  });
});
