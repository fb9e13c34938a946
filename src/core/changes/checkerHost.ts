import { getLibFiles, libFolderInMemoryPath } from '@ts-morph/common';
import { ts } from 'ts-morph';
import type { ParsedFileCache } from './parsedFileCache';
import type { UnsavedBuffers } from './unsavedBuffers';

/** Normalised absolute path (forward slashes), as the compiler names files. */
export function compilerPath(path: string): string {
  return path.replace(/\\/g, '/');
}

/**
 * A compiler host over the real file system where `overrides` (absolute path → text) replace or
 * add files, the compiler's lib files come from ts-morph's in-memory copy (the bundles carry no
 * lib folder), and every other parse goes through `cache`. Each file is parsed with the options
 * the program asks for (language version and the ESM/CJS format it derived from the extension and
 * the nearest package.json), so Node16/NodeNext rules hold in one program build. JSDoc is parsed
 * only where it matters for type errors, as `tsc` does. `buffers` (unsaved editors) come between
 * the overrides and the disk.
 */
export function createCheckerHost(options: ts.CompilerOptions, root: string, overrides: ReadonlyMap<string, string>, cache: ParsedFileCache, buffers?: UnsavedBuffers): ts.CompilerHost {
  const base = ts.createCompilerHost(options);
  const libs = libTexts();
  const overrideDirs = ancestorsOf([...overrides.keys()]);
  const readFile = (fileName: string): string | undefined => overrides.get(fileName) ?? buffers?.text(fileName) ?? libs.get(fileName) ?? base.readFile(fileName);
  const jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  // The parse also depends on these options (how a file is detected as a module).
  const programKey = `${String(options.moduleDetection)}:${String(options.module)}:${String(options.jsx)}`;
  return {
    ...base,
    jsDocParsingMode,
    getCurrentDirectory: () => compilerPath(root),
    getDefaultLibLocation: () => libFolderInMemoryPath,
    getDefaultLibFileName: (o) => `${libFolderInMemoryPath}/${ts.getDefaultLibFileName(o)}`,
    fileExists: (fileName) => overrides.has(fileName) || (buffers?.has(fileName) ?? false) || libs.has(fileName) || base.fileExists(fileName),
    directoryExists: (dir) => overrideDirs.has(dir) || dir === libFolderInMemoryPath || (base.directoryExists?.(dir) ?? true),
    readFile,
    getSourceFile: (fileName, languageVersionOrOptions) => {
      const parse = (): ts.SourceFile | undefined => {
        const text = readFile(fileName);
        return text === undefined ? undefined : ts.createSourceFile(fileName, text, languageVersionOrOptions);
      };
      const override = overrides.get(fileName);
      if (override !== undefined) {
        return ts.createSourceFile(fileName, override, languageVersionOrOptions);
      }
      const optionsKey = `${programKey}:${parseOptionsKey(languageVersionOrOptions)}`;
      const unsaved = buffers?.parse(fileName, optionsKey, (text) => ts.createSourceFile(fileName, text, languageVersionOrOptions));
      return unsaved ?? cache.getOrParse(fileName, optionsKey, parse, libs.has(fileName));
    },
    writeFile: () => undefined,
  };
}

function parseOptionsKey(options: ts.ScriptTarget | ts.CreateSourceFileOptions): string {
  if (typeof options === 'number') {
    return String(options);
  }
  return `${String(options.languageVersion)}:${String(options.impliedNodeFormat)}:${String(options.jsDocParsingMode)}`;
}

function libTexts(): Map<string, string> {
  return new Map(getLibFiles().map((f) => [`${libFolderInMemoryPath}/${f.fileName}`, f.text]));
}

function ancestorsOf(paths: readonly string[]): Set<string> {
  const dirs = new Set<string>();
  for (const path of paths) {
    for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
      dirs.add(path.slice(0, i));
    }
  }
  return dirs;
}
