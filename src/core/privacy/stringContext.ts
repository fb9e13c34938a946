/** The string literal around a position: its quote, the index of the opening quote and of the closing one. */
export interface StringContext {
  readonly quote: '"' | "'" | '`';
  readonly open: number;
  /** Index of the closing quote, or -1 when the literal is not closed on this line. */
  readonly close: number;
}

/**
 * Whether `index` lies inside a JavaScript string literal on its line, scanning that line from
 * its start (backslash escapes honoured; comments and multi-line templates are not tracked).
 */
export function stringContextAt(text: string, index: number): StringContext | undefined {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  const nl = text.indexOf('\n', index);
  const lineEnd = nl === -1 ? text.length : nl;
  let quote: StringContext['quote'] | undefined;
  let open = -1;
  for (let i = lineStart; i < index; i += 1) {
    const ch = text[i];
    if (quote !== undefined && ch === '\\') {
      i += 1;
    } else if (quote === undefined && (ch === '"' || ch === "'" || ch === '`')) {
      quote = ch;
      open = i;
    } else if (ch === quote) {
      quote = undefined;
    }
  }
  if (quote === undefined) {
    return undefined;
  }
  let close = -1;
  for (let i = index; i < lineEnd; i += 1) {
    if (text[i] === '\\') {
      i += 1;
    } else if (text[i] === quote) {
      close = i;
      break;
    }
  }
  return { quote, open, close };
}
