import { posix } from 'node:path';
import { sharedDepth, type TestPair } from './testNeighbours';

const CODE_EXT = /\.(?:[cm]?[jt]sx?)$/;

const segments = (dir: string): string[] => (dir === '.' || dir === '' ? [] : dir.split('/'));
const join = (parts: readonly string[]): string => (parts.length === 0 ? '.' : parts.join('/'));
const under = (dir: string[], prefix: readonly string[]): boolean => prefix.every((p, i) => dir[i] === p);

/**
 * The folder `pair` puts the tests of a module in `moduleDir`, copied onto `targetDir`:
 * - the test is in or below its module's folder (colocated, `__tests__/` beside it): the same
 *   sub-folder of `targetDir`;
 * - a tree mirrored elsewhere (`test/lib/x.test.ts` for `src/lib/x.ts`): the same mirror of
 *   `targetDir`, when `targetDir` is inside the mirrored source tree;
 * - a shared test folder above (`src/common/__tests__/` for `src/common/middleware/`): that folder,
 *   when `targetDir` is inside the folder both hang from (deeper targets keep their sub-path).
 * Undefined when the neighbour's pattern does not reach `targetDir`.
 */
export function testDirLikeNeighbour(pair: { readonly test: string; readonly module: string }, targetDir: string): string | undefined {
  const t = segments(posix.dirname(pair.test));
  const m = segments(posix.dirname(pair.module));
  const x = segments(targetDir);
  const common = sharedDepth(join(t), join(m));
  const up = m.length - common;
  const down = t.slice(common);
  if (up === 0) {
    return join([...x, ...down]);
  }
  const mRest = m.slice(common);
  const tRest = t.slice(common);
  let suffix = 0;
  while (suffix < mRest.length && suffix < tRest.length && mRest[mRest.length - 1 - suffix] === tRest[tRest.length - 1 - suffix]) {
    suffix += 1;
  }
  const sourceRoot = [...m.slice(0, common), ...mRest.slice(0, mRest.length - suffix)];
  const testRoot = [...t.slice(0, common), ...tRest.slice(0, tRest.length - suffix)];
  if (suffix > 0) {
    return under(x, sourceRoot) ? join([...testRoot, ...x.slice(sourceRoot.length)]) : undefined;
  }
  if (under(x, m)) {
    return join([...t, ...x.slice(m.length)]);
  }
  return under(x, m.slice(0, common)) ? join(t) : undefined;
}

/** `userService.test.ts` for `src/api/user/userService.ts` with the neighbour's suffix. */
export function testFileName(targetFile: string, suffix: TestPair['suffix']): string {
  return `${posix.basename(targetFile).replace(CODE_EXT, '')}${suffix}`;
}

/** Root-relative path of the target's test file placed like `pair`, when its pattern applies. */
export function testPathLikeNeighbour(pair: TestPair, targetFile: string): string | undefined {
  if (pair.module === undefined) {
    return undefined;
  }
  const dir = testDirLikeNeighbour({ test: pair.test, module: pair.module }, posix.dirname(targetFile));
  return dir === undefined ? undefined : posix.join(dir, testFileName(targetFile, pair.suffix));
}
