import assert from 'node:assert/strict';
import { globToRegExp } from '../../../src/core/project/globLite';
import { createMemoryProjectFs } from '../../../src/core/project/memoryProjectFs';

describe('project/globLite', () => {
  it('matches what shells and test runners mean by a glob', () => {
    const cases: [string, string, boolean][] = [
      ['src/**/*.test.ts', 'src/a/b/c.test.ts', true],
      ['src/**/*.test.ts', 'src/c.test.ts', true],
      ['src/*.ts', 'src/a/b.ts', false],
      ['test/**/*.{test,spec}.ts', 'test/x.spec.ts', true],
      ['test/**/*.{ts,{m,c}ts}', 'test/x.mts', true],
      ['src/[ab]*.ts', 'src/api.ts', true],
      ['src/[ab]*.ts', 'src/core.ts', false],
      ['src/*.ts', 'src/.hidden.ts', false],
      ['**/*.test.ts', '.config/x.test.ts', false],
      ['./test/*.test.ts', 'test/a.test.ts', true],
    ];
    for (const [glob, path, expected] of cases) {
      assert.equal(globToRegExp(glob).test(path), expected, `${glob} ~ ${path}`);
    }
  });

  it('walks from the static base, skips node_modules, and stops at the limits', async () => {
    const files: Record<string, string> = { 'package.json': '{}' };
    for (let i = 0; i < 30; i += 1) {
      files[`test/d${i}/t${i}.test.ts`] = '';
    }
    files['node_modules/x/y.test.ts'] = '';
    files['src/a.test.ts'] = '';
    const fs = createMemoryProjectFs(files);
    assert.deepEqual(await fs.glob('src/**/*.test.ts'), ['src/a.test.ts']);
    assert.equal((await fs.glob('**/*.test.ts')).some((f) => f.startsWith('node_modules/')), false);
    assert.equal((await fs.glob('test/**/*.test.ts', { limit: 5 })).length, 5);
    assert.ok((await fs.glob('test/**/*.test.ts', { maxDirs: 4 })).length <= 3);
  });
});
