/**
 * Removes comments and trailing commas from JSON with comments (tsconfig, .prettierrc), leaving
 * strings untouched, so `JSON.parse` can read it.
 */
export function stripJsonc(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    const next = text[i + 1] ?? '';
    if (char === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') {
        end += text[end] === '\\' ? 2 : 1;
      }
      out += text.slice(i, end + 1);
      i = end + 1;
    } else if (char === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') {
        i += 1;
      }
    } else if (char === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else {
      out += char;
      i += 1;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

/** Parses JSON with comments and trailing commas; undefined when it is not valid even so. */
export function parseJsonc(text: string): unknown {
  try {
    return JSON.parse(stripJsonc(text.replace(/^\uFEFF/, ''))) as unknown;
  } catch {
    return undefined;
  }
}

/** The value as a plain object, or undefined. */
export function asRecord(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
