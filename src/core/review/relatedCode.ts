import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git } from './git';
import type { TouchedExport } from './hunkContext';

/** A place in the project that uses a changed export. */
export interface Usage {
  readonly name: string;
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly isTest: boolean;
}

export interface RelatedCodeOptions {
  /** Repository root; files are listed by `git ls-files` (tracked and untracked, not ignored). */
  readonly root: string;
  readonly signal?: AbortSignal;
  /** Most usages kept per export (default 5). */
  readonly maxPerName?: number;
  /** Most files scanned (default 2,000). */
  readonly maxFiles?: number;
}

const SOURCE = /\.(?:[cm]?[jt]sx?)$/i;
const TEST = /(?:^|\/)(?:__tests__|tests?)\/|\.(?:test|spec)\.[cm]?[jt]sx?$/i;
const MAX_FILE_BYTES = 300_000;

/** Whether a path looks like a test file. */
export function isTestPath(path: string): boolean {
  return TEST.test(path);
}

/** A scanner over the project's source files, read once and reused for every changed file. */
export interface ProjectIndex {
  /** Where `names` are used outside `exceptFile` (calls, JSX, `new`, references), bounded. */
  usagesOf(names: readonly TouchedExport[], exceptFile: string): Usage[];
  /** Test files whose name matches the file (`users.ts` → `users.test.ts`, `users.spec.ts`). */
  testsNamedAfter(file: string): string[];
}

/**
 * Reads the project's source files (bounded) so callers and tests of changed exports can be found.
 * A text scan with word boundaries: fast, and good enough to ground the model; a name shared by
 * unrelated symbols may add a usage that is not one, which the prompt says.
 */
export async function indexProject(options: RelatedCodeOptions): Promise<ProjectIndex> {
  const listed = await git(['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: options.root, signal: options.signal });
  const paths = listed.kind === 'ok' ? listed.stdout.split('\0').map((p) => p.trim()).filter((p) => SOURCE.test(p) && !p.includes('node_modules/')) : [];
  const files = new Map<string, string[]>();
  for (const path of paths.slice(0, options.maxFiles ?? 2000)) {
    const text = await readFile(join(options.root, path), 'utf8').catch(() => undefined);
    if (text !== undefined && text.length <= MAX_FILE_BYTES) {
      files.set(path, text.split('\n'));
    }
  }
  const maxPerName = options.maxPerName ?? 5;
  return {
    usagesOf(names, exceptFile) {
      const found: Usage[] = [];
      for (const { name } of names) {
        const word = new RegExp(`(?<![\\w$])${name.replace(/[$]/g, '\\$')}(?![\\w$])`);
        const forName: Usage[] = [];
        for (const [file, lines] of files) {
          if (file === exceptFile) {
            continue;
          }
          lines.forEach((text, i) => {
            if (word.test(text) && !/^\s*(?:import|export)\b/.test(text) && !/^\s*(?:\/\/|\*)/.test(text)) {
              forName.push({ name, file, line: i + 1, text: text.trim().slice(0, 200), isTest: isTestPath(file) });
            }
          });
        }
        // Tests first: they say what is covered; then the other callers.
        forName.sort((a, b) => Number(b.isTest) - Number(a.isTest));
        found.push(...forName.slice(0, maxPerName));
      }
      return found;
    },
    testsNamedAfter(file) {
      const base = file.split('/').pop()?.replace(/\.[^.]+$/, '') ?? '';
      return [...files.keys()].filter((p) => isTestPath(p) && (p.split('/').pop() ?? '').startsWith(`${base}.`));
    },
  };
}
