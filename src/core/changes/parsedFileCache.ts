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

  /**
   * The cached parse of `fileName` for these parse options, or a new one from `parse` (undefined:
   * no such file). `immutable` files (the compiler's own lib files, held in memory) are not stat'ed.
   */
  getOrParse(fileName: string, optionsKey: string, parse: () => ts.SourceFile | undefined, immutable = false): ts.SourceFile | undefined {
    const key = `${optionsKey}|${fileName}`;
    const stat = immutable ? { mtimeMs: 0, size: 0 } : statOrUndefined(fileName);
    if (stat === undefined) {
      this.#entries.delete(key);
      return parse();
    }
    const cached = this.#entries.get(key);
    if (cached !== undefined && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
      return cached.sourceFile;
    }
    const sourceFile = parse();
    if (sourceFile === undefined) {
      this.#entries.delete(key);
    } else {
      this.#entries.set(key, { mtimeMs: stat.mtimeMs, size: stat.size, sourceFile });
    }
    return sourceFile;
  }

  /** How many parses are kept. */
  get size(): number {
    return this.#entries.size;
  }

  /** Drops every parse (e.g. when the workspace folder closes). */
  clear(): void {
    this.#entries.clear();
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
