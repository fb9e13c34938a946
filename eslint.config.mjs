// @ts-check
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'test/fixtures/**', 'out/**', '**/*.mjs'] },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { project: ['./test/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      curly: ['error', 'all'],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // ts-morph's node classes are built from mixins, which this rule cannot follow.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
    },
  },
  {
    // The editor-agnostic core and its unit tests never see VS Code, the adapter or the CLI.
    files: ['src/core/**/*.ts', 'test/unit/**/*.ts', 'test/support/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core and unit tests must stay editor-agnostic.' }],
        patterns: [{ group: ['**/vscode/**', '**/cli/**', '**/vscode', '**/cli'], message: 'core must not depend on an adapter (src/vscode, src/cli).' }],
      }],
    },
  },
  {
    // One way to read project files: core reads a project through ProjectFs (async) or its
    // synchronous view ProjectFiles, both implemented only in src/core/project (node and memory), so
    // tests hand any reader files in memory. node:fs stays legitimate only where core is not
    // reading the user's project sources:
    files: ['src/core/**/*.ts'],
    ignores: [
      // the implementation itself (createNodeProjectFs, createNodeProjectFiles)
      'src/core/project/nodeProjectFs.ts',
      // the warm model's freshness check: stats (mtime/size) of what detection read, no contents
      'src/core/projectModel/recordingProjectFs.ts',
      // writes: staged/atomic apply, and the stale check that must see exactly the bytes it will replace
      'src/core/changes/stagedWrite.ts',
      'src/core/changes/readFileState.ts',
      'src/core/changes/assertInsideRoot.ts', // realpath/lstat: symlink escapes before a write
      // the type checker's host: TypeScript reads the program itself (tsconfig, lib, the project's typescript)
      'src/core/changes/typeCheckChangeSet.ts',
      'src/core/changes/parsedFileCache.ts',
      'src/core/changes/projectCompilerOptions.ts',
      'src/core/changes/projectTypeScript.ts',
      // Routecraft's own state, not the project: response cache, audit log, embedded database images
      'src/core/cache/**',
      'src/core/audit/fileAuditLog.ts',
      'src/core/sql/embedded/embeddedEngines.ts',
      // running the project's tests: a temporary overlay copy, temp dirs, the runner's own reports
      'src/core/testgen/run/createOverlay.ts',
      'src/core/testgen/run/measureCoverage.ts',
      'src/core/testgen/run/runTestFile.ts',
      'src/core/testgen/run/nodeBin.ts',
    ],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'src/core and unit tests must stay editor-agnostic.' },
          ...['fs', 'node:fs', 'fs/promises', 'node:fs/promises'].map((name) => ({
            name,
            message: 'Read project files through ProjectFs / ProjectFiles (src/core/project: createNodeProjectFs, createNodeProjectFiles); node:fs is allowed only in the files listed in eslint.config.mjs.',
          })),
        ],
        patterns: [{ group: ['**/vscode/**', '**/cli/**', '**/vscode', '**/cli'], message: 'core must not depend on an adapter (src/vscode, src/cli).' }],
      }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-empty-function': 'off',
    },
  },
);
