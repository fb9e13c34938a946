/**
 * Restores placeholders in a stream of text pieces. A placeholder (`<SECRET_1>`) may arrive split
 * over two pieces, so a tail that could still become one is held back until it is complete (or
 * clearly is not a placeholder).
 */
export class StreamRestorer {
  private pending = '';

  constructor(private readonly restore: (text: string) => string) {}

  /** Text that is safe to show now, restored. */
  push(piece: string): string {
    this.pending += piece;
    const open = this.pending.lastIndexOf('<');
    if (open === -1 || this.pending.indexOf('>', open) !== -1 || !couldBePlaceholderStart(this.pending.slice(open))) {
      return this.take(this.pending.length);
    }
    return this.take(open);
  }

  /** Whatever is still held back, at the end of the stream. */
  flush(): string {
    return this.take(this.pending.length);
  }

  private take(length: number): string {
    const out = this.pending.slice(0, length);
    this.pending = this.pending.slice(length);
    return out === '' ? '' : this.restore(out);
  }
}

/** `<`, `<S`, `<SECRET_`, `<SECRET_1`: could still grow into `<SECRET_12>`. */
function couldBePlaceholderStart(tail: string): boolean {
  return tail.length <= 64 && /^<(?:[A-Z][A-Z0-9_]*)?$/.test(tail);
}
