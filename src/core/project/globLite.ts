import { DEFAULT_IGNORED_DIRS, type GlobOptions, type ProjectDirEntry } from './projectFs';

/** Expands `{a,b}` groups (not nested) into several patterns. */
function expandBraces(pattern: string): string[] {
  const match = /\{([^{}]*)\}/.exec(pattern);
  if (!match) {
    return [pattern];
  }
  const before = pattern.slice(0, match.index);
  const after = pattern.slice(match.index + match[0].length);
  return (match[1] ?? '').split(',').flatMap((part) => expandBraces(`${before}${part}${after}`));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression for one brace-free glob over `/`-separated paths. */
function singleGlobToRegExp(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i] ?? '';
    if (char === '*' && pattern[i + 1] === '*') {
      const slashAfter = pattern[i + 2] === '/';
      out += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (char === '*') {
      out += '[^/]*';
    } else if (char === '?') {
      out += '[^/]';
    } else {
      out += escapeRegExp(char);
    }
  }
  return out;
}

/** Compiles a glob (`*`, `?`, `**`, `{a,b}`) to a regular expression over root-relative paths. */
export function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^(?:${expandBraces(pattern).map(singleGlobToRegExp).join('|')})$`);
}

/** The fixed directory a pattern starts in (`src/**\/*.ts` → `src`), so the walk starts there. */
function staticBase(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (/[*?{]/.test(segment)) {
      break;
    }
    fixed.push(segment);
  }
  return fixed.join('/');
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
