import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ts, type CompilerOptions } from 'ts-morph';
import { readPackageJsonSync } from '../project/packageJson';
import { automaticTypeRoots, configuredOptions, olderCompilerDefaults, projectTypeScriptMajor } from './projectTypeScript';

/** Where the compiler options for a type check come from. */
export interface CompilerSetup {
  /** The tsconfig that was found or given; undefined when the defaults are used. */
  readonly tsConfigFilePath: string | undefined;
  /** Options to apply on top of the tsconfig (or instead of it, when there is none). */
  readonly compilerOptions: CompilerOptions;
}

/**
 * The project's own compiler setup: `tsconfigPath` if given, else `<root>/tsconfig.json`, else
 * defaults for a project without one: strict, and the module system the project runs on —
 * NodeNext for `"type": "module"` (Node enforces `.js` extensions there, so should the check),
 * ESNext with bundler resolution otherwise (tsx, ts-node and bundlers accept extensionless imports).
 * Output-related options are neutralised: the check never emits. A project on TypeScript 5 or
 * older keeps that compiler's defaults where TypeScript 6 changed them (automatic `@types`
 * inclusion above all; see `olderCompilerDefaults`).
 */
export function projectCompilerOptions(root: string, tsconfigPath?: string): CompilerSetup {
  const noEmit: CompilerOptions = { noEmit: true, incremental: false, composite: false, declaration: false, declarationMap: false };
  const candidate = tsconfigPath ?? join(root, 'tsconfig.json');
  const major = projectTypeScriptMajor(root);
  if (existsSync(candidate)) {
    return { tsConfigFilePath: candidate, compilerOptions: { ...olderCompilerDefaults(configuredOptions(candidate), major), ...noEmit } };
  }
  const defaults = defaultCompilerOptions(root);
  const older = olderCompilerDefaults(defaults, major);
  // Without a tsconfig, type roots would be looked up from the process's directory: name the project's.
  const typeRoots = older.types === undefined ? {} : { typeRoots: automaticTypeRoots(root) };
  return { tsConfigFilePath: undefined, compilerOptions: { ...defaults, ...older, ...typeRoots, ...noEmit } };
}

/** The options used when the project has no tsconfig. */
export function defaultCompilerOptions(root: string): CompilerOptions {
  const esm = packageType(root) === 'module';
  return {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    module: esm ? ts.ModuleKind.NodeNext : ts.ModuleKind.ESNext,
    moduleResolution: esm ? ts.ModuleResolutionKind.NodeNext : ts.ModuleResolutionKind.Bundler,
    esModuleInterop: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    forceConsistentCasingInFileNames: true,
  };
}

function packageType(root: string): string | undefined {
  // No or unreadable package.json: CommonJS, as Node assumes.
  return readPackageJsonSync(root)?.type;
}
