export { addDependencyChange } from './addDependencyChange';
export { countingProjectFs, type ProjectFsCounts } from './countingProjectFs';
export { detectProject } from './detectProject';
export { formatFacts } from './formatFacts';
export { globToRegExp } from './globLite';
export { createMemoryProjectFiles, createMemoryProjectFs } from './memoryProjectFs';
export { createNodeProjectFiles, createNodeProjectFs, projectPath } from './nodeProjectFs';
export {
  FRAMEWORK_NAMES,
  type AssertionStyle,
  type CodeStyle,
  type FrameworkName,
  type HttpTester,
  type PackageManager,
  type ProjectFacts,
  type ProjectLayout,
  type TestRunnerName,
  type UnknownFact,
  type ValidationStyle,
} from './projectFacts';
export { DEFAULT_IGNORED_DIRS, type GlobOptions, type ProjectDirEntry, type ProjectFileReader, type ProjectFiles, type ProjectFs } from './projectFs';
export { SAMPLE_LIMITS } from './sampleFiles';
export { ZOD_3, ZOD_4, zodVersionForTypeScript, type ZodChoice } from './zodVersionForTypeScript';
