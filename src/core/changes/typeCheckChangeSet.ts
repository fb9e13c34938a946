import { join } from 'node:path';
import { Project, ts, type Diagnostic, type SourceFile } from 'ts-morph';
import { RoutecraftError } from '../errors';
import { assertInsideRoot } from './assertInsideRoot';
import type { ChangeDiagnostic, ChangeSet, FileChange } from './changeSet';
import { projectCompilerOptions } from './projectCompilerOptions';

/** Options of `typeCheckChangeSet`. */
export interface TypeCheckOptions {
  /** The tsconfig to use; default `<root>/tsconfig.json`, or strict defaults when there is none. */
  readonly tsconfigPath?: string;
  /** Project files to load beside the changed ones (relative to the root): declarations the change relies on without importing them. */
  readonly contextFiles?: readonly string[];
}

/** Files the TypeScript checker reads (others in the set are returned without diagnostics). */
const CHECKED_FILE = /\.(?:[cm]?ts|tsx)$/;

/**
 * Type-checks the TypeScript files of a change set as they would be after applying it, in the
 * context of the real project, and returns the set with `diagnostics` filled for those files.
 * Cheap by construction: the program's roots are only the changed files (with their new text, in
 * memory, over the real file system) and what they import, so the cost follows the files touched,
 * not the project size. Only errors and warnings located in the changed files are reported —
 * including those from missing modules or @types, which are real for the user.
 */
export async function typeCheckChangeSet(changeSet: ChangeSet, options: TypeCheckOptions = {}): Promise<ChangeSet> {
  const checked = changeSet.files.filter((change) => CHECKED_FILE.test(change.path));
  if (checked.length === 0) {
    return changeSet;
  }
  // The compiler works synchronously: let pending I/O (a progress message) go out first.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const project = createProject(changeSet.root, options.tsconfigPath);
  const sourceFiles = new Map<FileChange, SourceFile>();
  for (const change of checked) {
    const target = assertInsideRoot(changeSet.root, change.path);
    sourceFiles.set(change, project.createSourceFile(target, change.after, { overwrite: true }));
  }
  for (const path of options.contextFiles ?? []) {
    project.addSourceFileAtPathIfExists(assertInsideRoot(changeSet.root, path));
  }
  setModuleFormats(project);
  project.resolveSourceFileDependencies();
  setModuleFormats(project);
  setLibraryModuleFormats(project, changeSet.root);
  const after = new Map([...sourceFiles].map(([change, sourceFile]) => [change, diagnosticsOf(sourceFile)]));
  for (const [change, diagnostics] of after) {
    if (change.before !== undefined && diagnostics.length > 0) {
      const beforeFile = project.createSourceFile(assertInsideRoot(changeSet.root, change.path), change.before, { overwrite: true });
      setModuleFormats(project);
      after.set(change, withoutPreexisting(diagnostics, diagnosticsOf(beforeFile)));
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

function createProject(root: string, tsconfigPath: string | undefined): Project {
  const setup = projectCompilerOptions(root, tsconfigPath);
  try {
    return new Project({
      ...(setup.tsConfigFilePath === undefined ? {} : { tsConfigFilePath: setup.tsConfigFilePath }),
      compilerOptions: setup.compilerOptions,
      skipAddingFilesFromTsConfig: true,
    });
  } catch (error) {
    throw new RoutecraftError(
      'invalid-input',
      `Could not read the TypeScript configuration "${setup.tsConfigFilePath ?? root}": ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * ts-morph creates source files without the ESM/CJS format TypeScript derives from the extension
 * and the nearest package.json `type` (it ignores the options the program passes its host), so
 * under Node16/NodeNext every file would be checked as CommonJS: extensionless relative imports in
 * an ESM project would pass. Set the format the compiler would have set.
 */
function setModuleFormats(project: Project): void {
  const options = project.getCompilerOptions();
  const host = project.getModuleResolutionHost();
  for (const sourceFile of project.getSourceFiles()) {
    const node = sourceFile.compilerNode;
    node.impliedNodeFormat ??= ts.getImpliedNodeFormatForFile(sourceFile.getFilePath(), undefined, host, options);
  }
}

/**
 * The same for the declaration files the program loads from node_modules: an ESM `.d.mts` checked
 * as CommonJS resolves its own imports through `require` conditions, so a dual package's types load
 * twice (`@sinclair/typebox`'s esm and cjs builds) and types from the two copies never match. Sets
 * their formats and rebuilds the program until no file is left without one (two rounds in practice).
 */
function setLibraryModuleFormats(project: Project, root: string): void {
  const options = project.getCompilerOptions();
  const host = project.getModuleResolutionHost();
  for (let round = 0; round < 4; round++) {
    let changed = false;
    for (const file of project.getProgram().compilerObject.getSourceFiles()) {
      const format = file.impliedNodeFormat === undefined ? ts.getImpliedNodeFormatForFile(file.fileName, undefined, host, options) : undefined;
      if (format !== undefined) {
        Object.assign(file, { impliedNodeFormat: format });
        changed = true;
      }
    }
    if (!changed) {
      return;
    }
    // Any change to the project makes ts-morph build a new program, which resolves imports again.
    project.createSourceFile(join(root, '.routecraft-rebuild.ts'), '', { overwrite: true }).delete();
    setModuleFormats(project);
  }
}

function diagnosticsOf(sourceFile: SourceFile): ChangeDiagnostic[] {
  const own = sourceFile.getPreEmitDiagnostics().filter((d) => d.getSourceFile() === sourceFile);
  const result: ChangeDiagnostic[] = [];
  for (const diagnostic of own) {
    const category = categoryOf(diagnostic);
    if (category === undefined) {
      continue;
    }
    const { line, column } = sourceFile.getLineAndColumnAtPos(diagnostic.getStart() ?? 0);
    const message = ts.flattenDiagnosticMessageText(diagnostic.compilerObject.messageText, '\n');
    result.push({ line, column, message, code: diagnostic.getCode(), category });
  }
  return result.sort((a, b) => a.line - b.line || a.column - b.column || a.code - b.code);
}

function categoryOf(diagnostic: Diagnostic): ChangeDiagnostic['category'] | undefined {
  switch (diagnostic.getCategory()) {
    case ts.DiagnosticCategory.Error:
      return 'error';
    case ts.DiagnosticCategory.Warning:
      return 'warning';
    default:
      return undefined;
  }
}
