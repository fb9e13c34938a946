import assert from 'node:assert/strict';
import { createMemoryProjectFs, type ProjectFacts } from '../../../../src/core/project';
import { findTestFile, importsModule } from '../../../../src/core/testgen/place/findTestFile';
import { testDirLikeNeighbour } from '../../../../src/core/testgen/place/placeLikeNeighbour';
import { pairTests } from '../../../../src/core/testgen/place/testNeighbours';

/** Facts as detection would give them; only layout and aliases matter to placement. */
function facts(layout: Partial<ProjectFacts['layout']> = {}, pathAliases: ProjectFacts['pathAliases'] = []): ProjectFacts {
  return {
    root: '/p',
    packageManager: 'npm',
    moduleKind: 'cjs',
    importExtension: '',
    testRunner: { name: 'vitest' },
    layout: { sourceDir: 'src', routesDir: 'src', testsDir: 'test', testSuffix: '.test.ts', testsColocated: false, ...layout },
    style: { quote: 'single', semicolons: true, indent: '  ', trailingComma: true },
    pathAliases,
    validation: 'none',
    unknowns: [],
  };
}

const find = (files: Record<string, string>, target: string, f: ProjectFacts = facts()) => findTestFile('/p', f, target, createMemoryProjectFs(files));

describe('findTestFile: tests go where the nearest neighbour keeps its tests', () => {
  const featureFolders = {
    'src/api/user/userService.ts': 'export class UserService {}\n',
    'src/api/user/userRepository.ts': 'export class UserRepository {}\n',
    'src/api/user/__tests__/userService.test.ts': "import { UserService } from '@/api/user/userService';\n",
    'src/api/health/healthRouter.ts': 'export const healthRouter = 1;\n',
    'src/api/health/__tests__/healthRouter.test.ts': "import { app } from '@/server';\n",
    'src/common/middleware/errorHandler.ts': 'export default 1;\n',
    'src/common/utils/httpHandlers.ts': 'export const handle = 1;\n',
    'src/common/__tests__/errorHandler.test.ts': "import errorHandler from '@/common/middleware/errorHandler';\n",
    'src/server.ts': 'export const app = 1;\n',
  };

  it('a module in a feature folder gets a new test in the __tests__ folder beside it', async () => {
    assert.deepEqual(await find(featureFolders, 'src/api/user/userRepository.ts'), {
      path: 'src/api/user/__tests__/userRepository.test.ts',
      exists: false,
      reason: 'new',
      evidence: 'src/api/user/__tests__/userService.test.ts tests src/api/user/userService.ts',
    });
  });

  it('the module\'s own test in __tests__ is extended, not a new file made', async () => {
    const found = await find(featureFolders, 'src/api/user/userService.ts');
    assert.equal(found.path, 'src/api/user/__tests__/userService.test.ts');
    assert.equal(found.exists, true);
    assert.equal(found.reason, 'tests-module');
  });

  it('a module beside tested ones under a shared __tests__ folder goes into that folder', async () => {
    const found = await find(featureFolders, 'src/common/utils/httpHandlers.ts');
    assert.equal(found.path, 'src/common/__tests__/httpHandlers.test.ts');
    assert.equal(found.evidence, 'src/common/__tests__/errorHandler.test.ts tests src/common/middleware/errorHandler.ts');
  });

  it('copies a mirrored test/ tree onto another source folder', async () => {
    const files = { 'src/lib/a.ts': '', 'test/lib/a.spec.ts': '', 'src/routes/orders.ts': '' };
    const found = await find(files, 'src/routes/orders.ts', facts({ testSuffix: '.test.ts' }));
    assert.deepEqual(found, { path: 'test/routes/orders.spec.ts', exists: false, reason: 'new', evidence: 'test/lib/a.spec.ts tests src/lib/a.ts' });
  });

  it('copies colocated specs, suffix included, over the detected layout', async () => {
    const files = { 'src/auth/auth.service.ts': '', 'src/auth/auth.service.spec.ts': '', 'src/users/users.service.ts': '' };
    assert.equal((await find(files, 'src/users/users.service.ts')).path, 'src/users/users.service.spec.ts');
  });

  it('an unpaired test importing the module through an alias is extended; a test of another module is not', async () => {
    const files = {
      'src/lib/money.ts': '',
      'src/lib/tax.ts': '',
      'test/helpers.test.ts': "import { round } from '@/lib/money';\n",
      'test/tax.test.ts': "import { round } from '@/lib/money';\n",
    };
    const f = facts({}, [{ prefix: '@/', target: 'src/' }]);
    assert.deepEqual(await find(files, 'src/lib/money.ts', f), { path: 'test/helpers.test.ts', exists: true, reason: 'imports-module' });
    const onlyTax = { 'src/lib/money.ts': '', 'src/lib/tax.ts': '', 'test/tax.test.ts': "import { round } from '@/lib/money';\n" };
    assert.deepEqual(await find(onlyTax, 'src/lib/money.ts', f), { path: 'test/money.test.ts', exists: false, reason: 'new', evidence: 'test/tax.test.ts tests src/lib/tax.ts' });
    assert.equal(importsModule("import { x } from '@/lib/money'", 'test/a.test.ts', 'src/lib/money'), false, 'no alias known: not a match');
  });

  it('without tests of tested modules, falls back to the detected layout', async () => {
    assert.deepEqual(await find({ 'src/lib/a.ts': '', 'test/health.test.ts': '' }, 'src/lib/a.ts'), { path: 'test/lib/a.test.ts', exists: false, reason: 'new' });
  });

  it('pairs a test with the module it names, the imported one among namesakes', async () => {
    const fs = createMemoryProjectFs({ 'src/a/index.ts': '', 'src/b/index.ts': '', 'src/b/__tests__/index.test.ts': "import x from '../index';\n", 'src/c/x.ts': '', 'test/y.test.ts': '' });
    assert.deepEqual(await pairTests(fs, ['src/b/__tests__/index.test.ts', 'test/y.test.ts']), [
      { test: 'src/b/__tests__/index.test.ts', module: 'src/b/index.ts', suffix: '.test.ts' },
      { test: 'test/y.test.ts', module: undefined, suffix: '.test.ts' },
    ]);
  });

  it('does not stretch a mirrored tree over a folder outside it', () => {
    assert.equal(testDirLikeNeighbour({ test: 'test/lib/a.test.ts', module: 'src/lib/a.ts' }, 'scripts'), undefined);
    assert.equal(testDirLikeNeighbour({ test: 'src/__tests__/a.test.ts', module: 'src/controllers/a.ts' }, 'src/services'), 'src/__tests__');
    assert.equal(testDirLikeNeighbour({ test: 'src/a/__tests__/a.test.ts', module: 'src/a/a.ts' }, 'src/b/c'), 'src/b/c/__tests__');
  });
});
