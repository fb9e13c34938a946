import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { ts } from 'ts-morph';
import { RoutecraftError } from '../errors';
import { assertInsideRoot } from './assertInsideRoot';
import type { ChangeDiagnostic, ChangeSet } from './changeSet';
import { compilerPath, createCheckerHost } from './checkerHost';
import type { CheckSession } from './checkSession';
import { ParsedFileCache } from './parsedFileCache';
import { projectCompilerOptions } from './projectCompilerOptions';

/** Options of `typeCheckChangeSet`. */
export interface TypeCheckOptions {
  /** The tsconfig to use; default `<root>/tsconfig.json`, or strict defaults when there is none. */
  readonly tsconfigPath?: string;
  /** Project files to load beside the changed ones (relative to the root): declarations the change relies on without importing them. */
  readonly contextFiles?: readonly string[];
  /**
   * Parsed files to reuse (declaration files above all, checked by path + mtime + size); a
   * long-lived caller keeps one per project so a second check parses only what changed. Default:
   * a cache of this check's own.
   */
  readonly cache?: ParsedFileCache;
  /**
   * What a long-lived caller (the editor's project model) keeps between checks: parses, unsaved
   * editor texts, compiler options and the last program. Takes precedence over `cache`.
   */
  readonly session?: CheckSession;
}

/** Files the TypeScript checker reads (others in the set are returned without diagnostics). */
const CHECKED_FILE = /\.(?:[cm]?ts|tsx)$/;

/**
 * Type-checks the TypeScript files of a change set as they would be after applying it, in the
 * context of the real project, and returns the set with `diagnostics` filled for those files.
 * Cheap by construction: the program's roots are only the changed files (with their new text, in
 * memory, over the real file system) and what they import, so the cost follows the files touched,
 * not the project size; one program is built with the compiler API directly (each file parsed with
 * the module format the compiler derives for it). Only errors and warnings located in the changed
 * files are reported — including those from missing modules or @types, which are real for the user.
 */
export async function typeCheckChangeSet(changeSet: ChangeSet, options: TypeCheckOptions = {}): Promise<ChangeSet> {
  const checked = changeSet.files.filter((change) => CHECKED_FILE.test(change.path));
  if (checked.length === 0) {
    return changeSet;
  }
  // The compiler works synchronously: let pending I/O (a progress message) go out first.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const session = options.session;
  const readOptions = (): ts.CompilerOptions => compilerOptionsOf(changeSet.root, options.tsconfigPath);
  const compilerOptions = session ? session.compilerOptions(`${changeSet.root}\0${options.tsconfigPath ?? ''}`, readOptions) : readOptions();
  const cache = session?.cache ?? options.cache ?? new ParsedFileCache();
  const paths = new Map(checked.map((change) => [change, compilerPath(assertInsideRoot(changeSet.root, change.path))]));
  const context = (options.contextFiles ?? []).map((path) => assertInsideRoot(changeSet.root, path)).filter((path) => existsSync(path)).map(compilerPath);
  const rootNames = [...new Set([...paths.values(), ...context])];
  const build = (texts: ReadonlyMap<string, string>, oldProgram?: ts.Program): ts.Program =>
    ts.createProgram({ rootNames, options: compilerOptions, host: createCheckerHost(compilerOptions, changeSet.root, texts, cache, session?.buffers), ...(oldProgram ? { oldProgram } : {}) });
  const afterTexts = new Map(checked.map((change) => [paths.get(change)!, change.after]));
  const reuseKey = JSON.stringify([changeSet.root, [...rootNames].sort(), [...afterTexts.keys()].sort()]);
  const previous = session?.oldProgram(reuseKey);
  const program = build(afterTexts, previous);
  session?.remember(reuseKey, program, previous !== undefined);
  const after = new Map(checked.map((change) => [change, diagnosticsOf(program, paths.get(change)!)]));
  for (const [change, diagnostics] of after) {
    if (change.before !== undefined && diagnostics.length > 0) {
      const path = paths.get(change)!;
      const beforeProgram = build(new Map([...afterTexts, [path, change.before]]), program);
      after.set(change, withoutPreexisting(diagnostics, diagnosticsOf(beforeProgram, path)));
    }
  }
  return {
    ...changeSet,
    files: changeSet.files.map((change) => {
      const diagnostics = after.get(change);
      return diagnostics === undefined ? change : { ...change, diagnostics };
    }),
  };
}

/**
 * The diagnostics of an edited file that its text before the change did not already have (same
 * code and message, counted): an error the user's file already had (e.g. a module this TypeScript
 * version resolves differently from the project's own) is not the change's doing.
 */
function withoutPreexisting(after: readonly ChangeDiagnostic[], before: readonly ChangeDiagnostic[]): ChangeDiagnostic[] {
  const counts = new Map<string, number>();
  const key = (d: ChangeDiagnostic): string => `${String(d.code)} ${d.message}`;
  before.forEach((d) => counts.set(key(d), (counts.get(key(d)) ?? 0) + 1));
  return after.filter((d) => {
    const left = counts.get(key(d)) ?? 0;
    counts.set(key(d), left - 1);
    return left <= 0;
  });
}

/** The tsconfig's options (its `extends` chain included) with the check's own on top. */
function compilerOptionsOf(root: string, tsconfigPath: string | undefined): ts.CompilerOptions {
  const setup = projectCompilerOptions(root, tsconfigPath);
  if (setup.tsConfigFilePath === undefined) {
    return setup.compilerOptions;
  }
  const read = ts.readConfigFile(setup.tsConfigFilePath, (path) => ts.sys.readFile(path));
  if (read.error !== undefined) {
    throw new RoutecraftError('invalid-input', `Could not read the TypeScript configuration "${setup.tsConfigFilePath}": ${ts.flattenDiagnosticMessageText(read.error.messageText, '\n')}`);
  }
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(setup.tsConfigFilePath), undefined, setup.tsConfigFilePath);
  return { ...parsed.options, ...setup.compilerOptions };
}

function diagnosticsOf(program: ts.Program, path: string): ChangeDiagnostic[] {
  const sourceFile = program.getSourceFile(path);
  if (sourceFile === undefined) {
    return [];
  }
  const result: ChangeDiagnostic[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program, sourceFile)) {
    const category = categoryOf(diagnostic);
    if (category === undefined || diagnostic.file !== sourceFile) {
      continue;
    }
    const position = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    result.push({ line: position.line + 1, column: position.character + 1, message, code: diagnostic.code, category });
  }
  return result.sort((a, b) => a.line - b.line || a.column - b.column || a.code - b.code);
}

function categoryOf(diagnostic: ts.Diagnostic): ChangeDiagnostic['category'] | undefined {
  switch (diagnostic.category) {
    case ts.DiagnosticCategory.Error:
      return 'error';
    case ts.DiagnosticCategory.Warning:
      return 'warning';
    default:
      return undefined;
  }
}
