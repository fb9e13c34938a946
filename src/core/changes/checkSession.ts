import type { ts } from 'ts-morph';
import { compilerPath } from './checkerHost';
import { ParsedFileCache } from './parsedFileCache';
import { UnsavedBuffers } from './unsavedBuffers';

/** What happened to a file on disk (as a file watcher reports it). */
export type FileEventKind = 'created' | 'changed' | 'deleted';

/** How the last type check of a session went: what it reused. */
export interface CheckReuse {
  /** Parsed files taken from the session's cache / parsed anew. */
  readonly reusedParses: number;
  readonly newParses: number;
  /** Whether the program was built on the previous one (module resolutions of unchanged files reused). */
  readonly programReused: boolean;
}

/** TypeScript source files: a content change of one never changes how other files resolve. */
const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/**
 * What type checks of one project keep between requests (the editor keeps one per workspace
 * folder): parsed files (declaration files above all, checked by path + mtime + size on every use),
 * the text of unsaved editors, compiler options per tsconfig, and the last program so the next
 * build reuses its module resolutions. File events make it forget: a changed file is parsed again
 * however its mtime looks; a created or deleted file, a config file or an editor that gained or
 * lost unsaved text ends program reuse and option caching until the next check.
 */
export class CheckSession {
  readonly cache = new ParsedFileCache();
  readonly buffers = new UnsavedBuffers();
  readonly #options = new Map<string, ts.CompilerOptions>();
  #structure = 0;
  #last: { readonly program: ts.Program; readonly key: string; readonly structure: number } | undefined;
  #lastReuse: CheckReuse | undefined;

  /** A file watcher's report about an absolute path. */
  fileEvent(path: string, kind: FileEventKind): void {
    const file = compilerPath(path);
    this.cache.invalidate(file);
    if (kind !== 'changed' || !SOURCE_FILE.test(file)) {
      this.#structureChanged();
    }
  }

  /** The text of an editor with unsaved changes at an absolute path; `undefined` when it matches the disk again (saved, reverted, closed). */
  setBuffer(path: string, text: string | undefined): void {
    if (this.buffers.set(compilerPath(path), text)) {
      this.#structureChanged();
    }
  }

  /** The compiler options for `key` (root + tsconfig), read by `read` until a config file changes. */
  compilerOptions(key: string, read: () => ts.CompilerOptions): ts.CompilerOptions {
    let options = this.#options.get(key);
    if (options === undefined) {
      options = read();
      this.#options.set(key, options);
    }
    return options;
  }

  /**
   * The previous program when the next one may be built on it: same roots and in-memory files
   * (`key`) and no file created or deleted, no config changed and no editor gained or lost unsaved
   * text since. Otherwise undefined (a fresh build; parses are still reused).
   */
  oldProgram(key: string): ts.Program | undefined {
    const last = this.#last;
    return last !== undefined && last.key === key && last.structure === this.#structure ? last.program : undefined;
  }

  /** Keeps `program` for the next check and records what this one reused. */
  remember(key: string, program: ts.Program, programReused: boolean): void {
    this.#last = { program, key, structure: this.#structure };
    const counts = this.cache.takeCounts();
    this.#lastReuse = { reusedParses: counts.reused, newParses: counts.parsed, programReused };
  }

  /** What the last check reused (undefined before the first). */
  get lastReuse(): CheckReuse | undefined {
    return this.#lastReuse;
  }

  /** Characters of source text held (parses and unsaved editors): a proxy for memory. */
  get chars(): number {
    return this.cache.chars + this.buffers.chars;
  }

  /** Forgets parses, options and the last program (unsaved texts stay: they still describe the editors). */
  clear(): void {
    this.cache.clear();
    this.#options.clear();
    this.#last = undefined;
    this.#structureChanged();
  }

  #structureChanged(): void {
    this.#structure += 1;
    this.#options.clear();
  }
}
