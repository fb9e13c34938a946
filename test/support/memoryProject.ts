import assert from 'node:assert/strict';
import type { GeneratedFile, ProjectFiles } from '../../src/core/codegen/types';
import { createMemoryProjectFiles } from '../../src/core/project/memoryProjectFs';

/** A project held in memory for generator unit tests: read it, apply a change set, read the result. */
export interface MemoryProject extends ProjectFiles {
  /** Writes each file's `after` text. */
  apply(files: readonly GeneratedFile[]): void;
  /** The text of a file the test expects to exist (fails the test when it does not). */
  text(path: string): string;
}

/** Files only: `exists` is true for a file, and there is no folder listing. */
export function memoryProject(initial: Record<string, string>): MemoryProject {
  const store = new Map(Object.entries(initial));
  return {
    read: (path) => store.get(path),
    exists: (path) => store.has(path),
    apply: (files) => files.forEach((file) => store.set(file.path, file.after)),
    text: (path) => store.get(path) ?? assert.fail(`${path} was not written`),
  };
}

/** Files and folders, as the production in-memory reader sees them: `list(dir)` names a folder's entries (folders with a trailing `/`), and a folder exists. */
export function memoryProjectWithFolders(initial: Record<string, string>): MemoryProject {
  const store: Record<string, string> = { ...initial };
  let view = createMemoryProjectFiles(store);
  return {
    read: (path) => view.read(path),
    exists: (path) => view.exists(path),
    list: (dir) => view.list(dir),
    apply: (files) => {
      files.forEach((file) => (store[file.path] = file.after));
      view = createMemoryProjectFiles(store);
    },
    text: (path) => view.read(path) ?? assert.fail(`${path} was not written`),
  };
}
