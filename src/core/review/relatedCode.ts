import { createNodeProjectFs } from '../project/nodeProjectFs';
import { git } from './git';
import type { TouchedExport } from './hunkContext';
import { resolveReferences } from './resolvedUsages';

/** A place in the project that uses a changed export. */
export interface Usage {
  readonly name: string;
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly isTest: boolean;
  /** True when the TypeScript compiler resolved it as a reference (not a text match). */
  readonly resolved?: boolean;
}

export interface RelatedCodeOptions {
  /** Repository root; files are listed by `git ls-files` (tracked and untracked, not ignored). */
  readonly root: string;
  readonly signal?: AbortSignal;
  /** Most usages kept per export (default 5). */
  readonly maxPerName?: number;
  /** Most files scanned (default 2,000). */
  readonly maxFiles?: number;
  /** Time for resolving references with the compiler, over the whole review (default 8 s); text search after. */
  readonly resolveBudgetMs?: number;
  /** Most files that mention a changed file's exports handed to the compiler (default 300); text search above. */
  readonly maxResolveFiles?: number;
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
  /**
   * Where `names` are used outside `exceptFile` (calls, JSX, `new`, references), bounded. With the
   * changed file's text `after`, references are resolved by the compiler (see resolveReferences)
   * within the time and file budgets; otherwise, or when that fails, by a text search.
   */
  usagesOf(names: readonly TouchedExport[], exceptFile: string, after?: string): Usage[];
  /** Test files whose name matches the file (`users.ts` → `users.test.ts`, `users.spec.ts`). */
  testsNamedAfter(file: string): string[];
}

/**
 * Reads the project's source files (bounded) so callers and tests of changed exports can be found:
 * a text scan with word boundaries picks the files that mention a name, then the TypeScript
 * language service keeps the real references (a namesake is not one). Past the time or file budget,
 * or for a file it cannot analyse, the text matches are used and the prompt says so.
 */
export async function indexProject(options: RelatedCodeOptions): Promise<ProjectIndex> {
  const listed = await git(['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: options.root, signal: options.signal });
  const paths = listed.kind === 'ok' ? listed.stdout.split('\0').map((p) => p.trim()).filter((p) => SOURCE.test(p) && !p.includes('node_modules/')) : [];
  const files = new Map<string, string[]>();
  const fs = createNodeProjectFs(options.root);
  for (const path of paths.slice(0, options.maxFiles ?? 2000)) {
    const text = await fs.readFile(path).catch(() => undefined);
    if (text !== undefined && text.length <= MAX_FILE_BYTES) {
      files.set(path, text.split('\n'));
    }
  }
  const maxPerName = options.maxPerName ?? 5;
  const resolveUntil = Date.now() + (options.resolveBudgetMs ?? 8_000);
  const wordOf = (name: string): RegExp => new RegExp(`(?<![\\w$])${name.replace(/[$]/g, '\\$')}(?![\\w$])`);
  const textMatches = (name: string, exceptFile: string): Usage[] => {
    const word = wordOf(name);
    const found: Usage[] = [];
    for (const [file, lines] of files) {
      if (file === exceptFile) {
        continue;
      }
      lines.forEach((text, i) => {
        if (word.test(text) && !/^\s*(?:import|export)\b/.test(text) && !/^\s*(?:\/\/|\*)/.test(text)) {
          found.push({ name, file, line: i + 1, text: text.trim().slice(0, 200), isTest: isTestPath(file) });
        }
      });
    }
    return found;
  };
  const resolved = (names: readonly TouchedExport[], exceptFile: string, after: string): Usage[] | undefined => {
    if (Date.now() > resolveUntil || !SOURCE.test(exceptFile)) {
      return undefined;
    }
    const words = names.map((n) => wordOf(n.name));
    const candidates = new Map([...files].filter(([file, lines]) => file !== exceptFile && lines.some((l) => words.some((w) => w.test(l)))).map(([file, lines]) => [file, lines.join('\n')]));
    if (candidates.size > (options.maxResolveFiles ?? 300)) {
      return undefined;
    }
    try {
      const refs = resolveReferences({ file: exceptFile, text: after, names, candidates, deadline: resolveUntil, maxPerName: 50 });
      return refs?.map((r) => ({ name: r.name, file: r.file, line: r.line, text: (files.get(r.file)?.[r.line - 1] ?? '').trim().slice(0, 200), isTest: isTestPath(r.file), resolved: true }));
    } catch {
      return undefined;
    }
  };
  return {
    usagesOf(names, exceptFile, after) {
      const byCompiler = after === undefined ? undefined : resolved(names, exceptFile, after);
      const found: Usage[] = [];
      for (const { name } of names) {
        const forName = byCompiler ? byCompiler.filter((u) => u.name === name) : textMatches(name, exceptFile);
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
