import assert from 'node:assert/strict';
import type { GeneratedFile, ProjectFiles } from '../../src/core/codegen/types';

/** A project held in memory for generator unit tests: read it, apply a change set, read the result. */
export interface MemoryProject extends ProjectFiles {
  /** Writes each file's `after` text. */
  apply(files: readonly GeneratedFile[]): void;
  /** The text of a file the test expects to exist (fails the test when it does not). */
  text(path: string): string;
}

/** Files only: `exists` is true for a file, and there is no folder listing. */
export function memoryProject(initial: Record<string, string>): MemoryProject {
  return inMemory(initial, false);
}

/** Files and folders: `list(dir)` names the entries under `dir` (folders with a trailing `/`), and a folder exists. */
export function memoryProjectWithFolders(initial: Record<string, string>): MemoryProject {
  return inMemory(initial, true);
}

function inMemory(initial: Record<string, string>, folders: boolean): MemoryProject {
  const store = new Map(Object.entries(initial));
  const list = (dir: string): string[] => {
    const names = new Set<string>();
    for (const path of store.keys()) {
      if (path.startsWith(`${dir}/`)) {
        const rest = path.slice(dir.length + 1);
        names.add(rest.includes('/') ? `${rest.split('/')[0]}/` : rest);
      }
    }
    return [...names];
  };
  const files = {
    read: (path: string) => store.get(path),
    apply: (generated: readonly GeneratedFile[]) => generated.forEach((file) => store.set(file.path, file.after)),
    text: (path: string) => store.get(path) ?? assert.fail(`${path} was not written`),
  };
  return folders
    ? { ...files, exists: (path) => store.has(path) || list(path).length > 0, list }
    : { ...files, exists: (path) => store.has(path) };
}
