import type { ts } from 'ts-morph';

interface Buffer {
  readonly text: string;
  /** Parses of this text, one per set of parse options (see ParsedFileCache). */
  readonly parses: Map<string, ts.SourceFile>;
}

/**
 * The text of editors with unsaved changes (absolute compiler paths, forward slashes): a type
 * check reads them instead of the disk, so it judges the project as the user sees it. Each text is
 * parsed once per set of parse options until it changes again.
 */
export class UnsavedBuffers {
  readonly #buffers = new Map<string, Buffer>();

  /** Records the editor text of `path`; `undefined` forgets it (saved, reverted or closed). Returns whether the set of paths changed. */
  set(path: string, text: string | undefined): boolean {
    const had = this.#buffers.has(path);
    if (text === undefined) {
      this.#buffers.delete(path);
      return had;
    }
    if (this.#buffers.get(path)?.text !== text) {
      this.#buffers.set(path, { text, parses: new Map() });
    }
    return !had;
  }

  /** The unsaved text of `path`, or undefined when the disk holds what the user sees. */
  text(path: string): string | undefined {
    return this.#buffers.get(path)?.text;
  }

  /** Whether `path` has unsaved text. */
  has(path: string): boolean {
    return this.#buffers.has(path);
  }

  /** The parse of the unsaved text of `path` for these parse options (made by `parse` the first time). */
  parse(path: string, optionsKey: string, parse: (text: string) => ts.SourceFile): ts.SourceFile | undefined {
    const buffer = this.#buffers.get(path);
    if (buffer === undefined) {
      return undefined;
    }
    let sourceFile = buffer.parses.get(optionsKey);
    if (sourceFile === undefined) {
      sourceFile = parse(buffer.text);
      buffer.parses.set(optionsKey, sourceFile);
    }
    return sourceFile;
  }

  /** The paths with unsaved text, sorted. */
  paths(): string[] {
    return [...this.#buffers.keys()].sort();
  }

  /** Characters of unsaved text held. */
  get chars(): number {
    let chars = 0;
    for (const buffer of this.#buffers.values()) {
      chars += buffer.text.length;
    }
    return chars;
  }

  /** Forgets every buffer. */
  clear(): void {
    this.#buffers.clear();
  }
}
