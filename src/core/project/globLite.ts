import picomatch from 'picomatch';
import { DEFAULT_IGNORED_DIRS, type GlobOptions, type ProjectDirEntry } from './projectFs';

/**
 * Compiles a glob to a regular expression over root-relative `/` paths with picomatch (`*`, `?`,
 * `**`, `[...]`, `!(…)`, nested `{a,{b,c}}`); `*` does not match dotfiles, as in every shell.
 */
export function globToRegExp(pattern: string): RegExp {
  return picomatch.makeRe(pattern.replace(/^\.\//, ''), { dot: false });
}

/** The fixed directory a pattern starts in (`src/**\/*.ts` → `src`), so the walk starts there. */
function staticBase(pattern: string): string {
  const base = picomatch.scan(pattern.replace(/^\.\//, '')).base;
  return base === '.' ? '' : base;
}

/**
 * The shared glob behind every ProjectFs: a breadth-first walk over `readdir` that stops at
 * `limit` matches or `maxDirs` directories, whichever comes first.
 */
export async function globLite(
  readdir: (path: string) => Promise<readonly ProjectDirEntry[]>,
  pattern: string,
  options: GlobOptions = {},
): Promise<string[]> {
  const limit = options.limit ?? 2000;
  const maxDirs = options.maxDirs ?? 200;
  const ignored = new Set(options.ignoreDirs ?? DEFAULT_IGNORED_DIRS);
  const matcher = globToRegExp(pattern);
  const queue: string[] = [staticBase(pattern)];
  const found: string[] = [];
  let visited = 0;
  while (queue.length > 0 && visited < maxDirs && found.length < limit) {
    const dir = queue.shift() ?? '';
    visited += 1;
    const entries = [...(await readdir(dir === '' ? '.' : dir))].sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const child = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory) {
        if (!ignored.has(entry.name)) {
          queue.push(child);
        }
      } else if (matcher.test(child) && found.length < limit) {
        found.push(child);
      }
    }
  }
  return found;
}
