/** A source file with comments removed and string, template and regex contents masked. */
export interface MaskedCode {
  /**
   * Same length and line structure as the input: comments become spaces, string contents `_`
   * (delimiters kept), template literals and regular expressions spaces (newlines kept).
   */
  readonly code: string;
  /** String literals per delimiter, leaving out those that contain the other quote (`"it's"`). */
  readonly singleQuoted: number;
  readonly doubleQuoted: number;
}

const REGEX_BEFORE = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);

function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

/** End index (exclusive) of a template literal starting at `start` (a backtick), nested `${}` included. */
function templateEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const char = text[i];
    if (char === '\\') {
      i += 2;
    } else if (char === '`') {
      return i + 1;
    } else if (char === '$' && text[i + 1] === '{') {
      let depth = 1;
      i += 2;
      while (i < text.length && depth > 0) {
        const inner = text[i];
        if (inner === '`') {
          i = templateEnd(text, i);
          continue;
        }
        if (inner === '{') {
          depth += 1;
        } else if (inner === '}') {
          depth -= 1;
        }
        i += 1;
      }
    } else {
      i += 1;
    }
  }
  return text.length;
}

function stringEnd(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length && text[i] !== quote && text[i] !== '\n') {
    i += text[i] === '\\' ? 2 : 1;
  }
  return Math.min(i + 1, text.length);
}

function regexEnd(text: string, start: number): number {
  let i = start + 1;
  let inClass = false;
  while (i < text.length && text[i] !== '\n') {
    const char = text[i];
    if (char === '\\') {
      i += 2;
      continue;
    }
    if (char === '[') {
      inClass = true;
    } else if (char === ']') {
      inClass = false;
    } else if (char === '/' && !inClass) {
      return i + 1;
    }
    i += 1;
  }
  return start + 1;
}

function previousSignificant(out: string): string {
  let end = out.length;
  while (end > 0 && /\s/.test(out[end - 1] ?? '')) {
    end -= 1;
  }
  if (/\b(?:return|typeof|case|yield|await)$/.test(out.slice(Math.max(0, end - 6), end))) {
    return '(';
  }
  return out[end - 1] ?? '';
}

/** Masks comments, strings, templates and regular expressions, roughly but without losing lines. */
export function maskCode(text: string): MaskedCode {
  let out = '';
  let singleQuoted = 0;
  let doubleQuoted = 0;
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    const next = text[i + 1] ?? '';
    let end = i + 1;
    if (char === '/' && next === '/') {
      end = text.indexOf('\n', i);
      end = end < 0 ? text.length : end;
      out += blank(text.slice(i, end));
    } else if (char === '/' && next === '*') {
      const close = text.indexOf('*/', i + 2);
      end = close < 0 ? text.length : close + 2;
      out += blank(text.slice(i, end));
    } else if (char === '\'' || char === '"') {
      end = stringEnd(text, i, char);
      const body = text.slice(i + 1, end - 1);
      if (char === '\'' && !body.includes('"')) {
        singleQuoted += 1;
      } else if (char === '"' && !body.includes('\'')) {
        doubleQuoted += 1;
      }
      out += `${char}${body.replace(/[^\n]/g, '_')}${text[end - 1] === char ? char : ''}`;
    } else if (char === '`') {
      end = templateEnd(text, i);
      out += `\`${blank(text.slice(i + 1, end - 1))}\``.slice(0, end - i);
    } else if (char === '/' && REGEX_BEFORE.has(previousSignificant(out))) {
      end = regexEnd(text, i);
      out += end - i > 1 ? `/${blank(text.slice(i + 1, end - 1))}/` : char;
    } else {
      out += char;
    }
    i = end;
  }
  return { code: out, singleQuoted, doubleQuoted };
}

/** Module specifiers of `import … from`, `export … from`, `import()`, `require()` and bare `import '…'`. */
export function importSpecifiers(text: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])([^'"\n]+)\1/gm;
  for (const match of text.matchAll(pattern)) {
    found.push(match[2] ?? '');
  }
  return found;
}
