import { statSync } from 'node:fs';
import type { ts } from 'ts-morph';

interface Entry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly sourceFile: ts.SourceFile;
}

/**
 * Parsed source files of the real file system (declaration files of node_modules above all),
 * reused across type checks while a file's path, mtime and size stay the same. A check creates
 * one for itself; a long-lived owner (the editor, per workspace folder) may keep one so that the
 * next check parses only what changed. Files given as in-memory text never go through it.
 */
export class ParsedFileCache {
  readonly #entries = new Map<string, Entry>();
  #chars = 0;
  #hits = 0;
  #misses = 0;

  /**
   * The cached parse of `fileName` for these parse options, or a new one from `parse` (undefined:
   * no such file). `immutable` files (the compiler's own lib files, held in memory) are not stat'ed.
   */
  getOrParse(fileName: string, optionsKey: string, parse: () => ts.SourceFile | undefined, immutable = false): ts.SourceFile | undefined {
    const key = `${optionsKey}|${fileName}`;
    const stat = immutable ? { mtimeMs: 0, size: 0 } : statOrUndefined(fileName);
    if (stat === undefined) {
      this.#drop(key);
      return parse();
    }
    const cached = this.#entries.get(key);
    if (cached !== undefined && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
      this.#hits += 1;
      return cached.sourceFile;
    }
    this.#misses += 1;
    const sourceFile = parse();
    this.#drop(key);
    if (sourceFile !== undefined) {
      this.#entries.set(key, { mtimeMs: stat.mtimeMs, size: stat.size, sourceFile });
      this.#chars += sourceFile.text.length;
    }
    return sourceFile;
  }

  /** Forgets every parse of `fileName` (a file event said it changed), whatever its mtime says. */
  invalidate(fileName: string): void {
    const suffix = `|${fileName}`;
    for (const key of [...this.#entries.keys()]) {
      if (key.endsWith(suffix)) {
        this.#drop(key);
      }
    }
  }

  /** Characters of source text held (a proxy for the memory the parses take: about 10 bytes of AST per character). */
  get chars(): number {
    return this.#chars;
  }

  /** Parses reused and parses made since the counters were last read with `takeCounts`. */
  takeCounts(): { readonly reused: number; readonly parsed: number } {
    const counts = { reused: this.#hits, parsed: this.#misses };
    this.#hits = 0;
    this.#misses = 0;
    return counts;
  }

  #drop(key: string): void {
    const old = this.#entries.get(key);
    if (old !== undefined) {
      this.#chars -= old.sourceFile.text.length;
      this.#entries.delete(key);
    }
  }

  /** How many parses are kept. */
  get size(): number {
    return this.#entries.size;
  }

  /** Drops every parse (e.g. when the workspace folder closes). */
  clear(): void {
    this.#entries.clear();
    this.#chars = 0;
  }
}

function statOrUndefined(fileName: string): { mtimeMs: number; size: number } | undefined {
  try {
    const stat = statSync(fileName);
    return stat.isFile() ? { mtimeMs: stat.mtimeMs, size: stat.size } : undefined;
  } catch {
    return undefined;
  }
}
