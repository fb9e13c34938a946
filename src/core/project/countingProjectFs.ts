import { globLite } from './globLite';
import type { ProjectFs } from './projectFs';

/** How many calls went through a {@link ProjectFs}, per method. */
export interface ProjectFsCounts {
  readFile: number;
  exists: number;
  readdir: number;
  glob: number;
}

/**
 * Wraps a ProjectFs and counts its calls (directory reads made by `glob` are counted as
 * `readdir`), so tests and benchmarks can check that detection stays bounded.
 */
export function countingProjectFs(inner: ProjectFs): { readonly fs: ProjectFs; readonly counts: ProjectFsCounts; readonly files: string[] } {
  const counts: ProjectFsCounts = { readFile: 0, exists: 0, readdir: 0, glob: 0 };
  const files: string[] = [];
  const readdir: ProjectFs['readdir'] = (path) => {
    counts.readdir += 1;
    return inner.readdir(path);
  };
  const fs: ProjectFs = {
    readFile(path) {
      counts.readFile += 1;
      files.push(path);
      return inner.readFile(path);
    },
    exists(path) {
      counts.exists += 1;
      return inner.exists(path);
    },
    readdir,
    glob(pattern, options) {
      counts.glob += 1;
      return globLite(readdir, pattern, options);
    },
  };
  return { fs, counts, files };
}
