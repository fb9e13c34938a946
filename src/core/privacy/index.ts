export { CATEGORIES, kindOf, type Category, type SensitivityKind } from './categories';
export { createRedactor, type RedactedMessages, type RedactionResult, type Redactor, type RedactorOptions } from './redactor';
export { compileCustomPatterns, customPrefix, parseCustomPattern, type CustomPatternResult, type CustomPatternSetting } from './customPatterns';
export { PLACEHOLDER_PATTERN, type PlaceholderEntry, type PlaceholderMap } from './placeholders';
export { envVarName, restore, secretToEnvLookup, type RestoreOptions } from './restore';
export { createExclusion, DEFAULT_EXCLUDES, IGNORE_FILE_NAME, loadExclusion, type Exclusion, type ExclusionOptions } from './exclusion';
export { ExcludedFileError, excludedFileMessage } from './excludedFileError';
