import { posix } from 'node:path';
import type { ResourceNames } from '../../endpointSpec/naming';
import type { CodegenOptions } from '../types';

/** Where a resource's files go, relative to the project root. */
export interface ResourcePaths {
  readonly schemas: string;
  readonly repository: string;
  readonly validationError: string;
  readonly router: string;
  readonly test: string;
}

/** Deterministic file locations for a resource under the project's layout. */
export function resourcePaths(options: CodegenOptions, names: ResourceNames): ResourcePaths {
  const { sourceDir, routesDir, testsDir, testSuffix, testsColocated } = options.layout;
  return {
    schemas: posix.join(sourceDir, 'schemas', `${names.kebabPlural}.ts`),
    repository: posix.join(sourceDir, 'repositories', `${names.singular}Repository.ts`),
    validationError: posix.join(sourceDir, 'validationError.ts'),
    router: posix.join(routesDir, `${names.kebabPlural}.ts`),
    test: posix.join(testsColocated ? routesDir : testsDir, `${names.kebabPlural}${testSuffix}`),
  };
}
