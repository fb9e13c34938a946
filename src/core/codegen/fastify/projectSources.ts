import { posix } from 'node:path';
import { Project, type SourceFile } from 'ts-morph';
import type { ProjectFiles } from '../types';

/**
 * Read-only access to the project's sources as ts-morph files, for learning how the app is built.
 * Each reader owns its own in-memory project, separate from the one generated files are edited in.
 */
export interface ProjectSources {
  readonly files: ProjectFiles;
  /** The parsed file, or undefined when it does not exist. */
  get(path: string): SourceFile | undefined;
  /** `./app.js` imported from `src/server.ts` → `src/app.ts` (also `.ts`, `/index.ts`); undefined for packages. */
  resolve(fromFile: string, specifier: string): string | undefined;
  /** Files under `dir` (recursively, at most `limit`), relative to the root. */
  walk(dir: string, limit?: number): string[];
}

const SOURCE = /\.(?:ts|mts|cts|js|mjs|cjs)$/;

/** A {@link ProjectSources} over the generator's file access. */
export function projectSources(files: ProjectFiles): ProjectSources {
  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, compilerOptions: { noLib: true } });
  const cache = new Map<string, SourceFile | undefined>();
  const get = (path: string): SourceFile | undefined => {
    if (!cache.has(path)) {
      const text = files.read(path);
      cache.set(path, text === undefined ? undefined : project.createSourceFile(`/${path}`, text, { overwrite: true }));
    }
    return cache.get(path);
  };
  const resolve = (fromFile: string, specifier: string): string | undefined => {
    // A bare specifier whose first folder exists at the root (`src/core/env.js`) is a tsconfig path alias.
    const aliased = !specifier.startsWith('.') && !specifier.startsWith('@') && specifier.includes('/') && files.exists(specifier.split('/')[0]!);
    if (!specifier.startsWith('.') && !aliased) {
      return undefined;
    }
    const joined = aliased ? specifier : posix.join(posix.dirname(fromFile), specifier);
    const base = joined.replace(/\.(?:js|mjs|cjs|ts)$/, '');
    return [`${base}.ts`, `${base}.mts`, `${base}/index.ts`, `${base}.js`].find((candidate) => files.exists(candidate));
  };
  const walk = (dir: string, limit = 200): string[] => {
    const found: string[] = [];
    const queue = [dir];
    while (queue.length > 0 && found.length < limit) {
      const current = queue.shift()!;
      for (const entry of files.list?.(current) ?? []) {
        if (entry.endsWith('/')) {
          if (entry !== 'node_modules/') {
            queue.push(posix.join(current, entry.slice(0, -1)));
          }
        } else if (SOURCE.test(entry) && !entry.endsWith('.d.ts')) {
          found.push(posix.join(current, entry));
        }
      }
    }
    return found.slice(0, limit);
  };
  return { files, get, resolve, walk };
}

/** `file:line` of a node, for the facts a generator reports. */
export function evidence(path: string, line: number): string {
  return `${path}:${String(line)}`;
}
