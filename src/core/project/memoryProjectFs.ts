import path from 'node:path';
import { RoutecraftError } from '../errors';
import { globLite } from './globLite';
import type { ProjectDirEntry, ProjectFileReader, ProjectFs } from './projectFs';

function normalize(relative: string): string {
  const normalized = path.posix.normalize(relative.replace(/\\/g, '/'));
  return normalized === '.' ? '' : normalized.replace(/\/$/, '');
}

interface MemoryTree {
  readonly texts: ReadonlyMap<string, string>;
  readonly dirs: ReadonlyMap<string, ReadonlyMap<string, boolean>>;
}

function memoryTree(files: Readonly<Record<string, string>>): MemoryTree {
  const texts = new Map<string, string>();
  const dirs = new Map<string, Map<string, boolean>>();
  for (const [file, text] of Object.entries(files)) {
    const key = normalize(file);
    texts.set(key, text);
    let child = key;
    let isDirectory = false;
    while (child !== '' && !/^(?:\.\.\/)*\.\.$/.test(child)) {
      const parent = path.posix.dirname(child) === '.' ? '' : path.posix.dirname(child);
      const entries = dirs.get(parent) ?? new Map<string, boolean>();
      entries.set(path.posix.basename(child), isDirectory);
      dirs.set(parent, entries);
      child = parent;
      isDirectory = true;
    }
  }
  return { texts, dirs };
}

/**
 * A {@link ProjectFs} over a map of root-relative paths to file text (directories are implied),
 * for tests and for callers that already hold the files.
 */
export function createMemoryProjectFs(files: Readonly<Record<string, string>>): ProjectFs {
  const { texts, dirs } = memoryTree(files);
  const list = (relative: string): Promise<readonly ProjectDirEntry[]> => {
    const entries = dirs.get(normalize(relative)) ?? new Map<string, boolean>();
    return Promise.resolve([...entries].map(([name, isDirectory]) => ({ name, isDirectory })));
  };
  return {
    readFile(relative) {
      const text = texts.get(normalize(relative));
      return text === undefined
        ? Promise.reject(new RoutecraftError('file-not-found', `File not found: ${relative}`))
        : Promise.resolve(text);
    },
    exists(relative) {
      const key = normalize(relative);
      return Promise.resolve(texts.has(key) || dirs.has(key));
    },
    readdir: list,
    glob: (pattern, options) => globLite(list, pattern, options),
  };
}

/** The synchronous {@link ProjectFileReader} over the same kind of map, for tests of the generators and their neighbours. */
export function createMemoryProjectFiles(files: Readonly<Record<string, string>>): ProjectFileReader {
  const { texts, dirs } = memoryTree(files);
  return {
    read: (relative) => texts.get(normalize(relative)),
    exists(relative) {
      const key = normalize(relative);
      return texts.has(key) || dirs.has(key);
    },
    isFile: (relative) => texts.has(normalize(relative)),
    list: (relative) => [...(dirs.get(normalize(relative)) ?? new Map<string, boolean>())].map(([name, isDirectory]) => (isDirectory ? `${name}/` : name)),
  };
}
