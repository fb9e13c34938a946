import { posix } from 'node:path';
import type { ProjectFiles } from '../../project/projectFs';

/** The folders beside a module that hold its tests, nearest first (`''` is the module's own folder). */
const TEST_SUBFOLDERS = ['__tests__/', 'test/', 'tests/', ''];

/**
 * The test of a module written beside it (`src/api/user/userRouter.test.ts`) or in a tests folder
 * next to it (`src/api/user/__tests__/userRouter.test.ts`), named after the module; undefined when
 * the project has none.
 */
export function neighbourTest(files: ProjectFiles, moduleFile: string): string | undefined {
  const dir = posix.dirname(moduleFile);
  const base = posix.basename(moduleFile).replace(/\.tsx?$/, '');
  const candidates = TEST_SUBFOLDERS.flatMap((sub) => ['.test.ts', '.spec.ts'].map((suffix) => `${dir}/${sub}${base}${suffix}`));
  return candidates.find((c) => files.exists(c));
}
