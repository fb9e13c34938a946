import { extractCodeBlocks } from './codeBlocks';

/** Where the JSON was found. */
export type JsonSource = 'bare' | 'fenced' | 'prose';

export type ExtractJsonResult =
  | { readonly json: unknown; readonly from: JsonSource; readonly start: number; readonly end: number }
  | { readonly error: string };

/** Longer answers are not searched: nobody's structured answer is this long. */
const MAX_CHARS = 1_000_000;
/** How many `{`/`[` in prose are tried as a start before giving up (bounds hostile input). */
const MAX_STARTS = 64;
const JSON_LANGS = new Set(['json', 'jsonc', 'json5', '']);

/**
 * Finds the JSON value in a model's answer: the whole answer as JSON, else the first fenced
 * ```json (or unlabelled) block that parses, else the first balanced `{…}` or `[…]` in the prose
 * that parses (braces inside strings are skipped). Never throws.
 */
export function extractJson(text: string): ExtractJsonResult {
  if (text.length > MAX_CHARS) {
    return { error: `the answer is ${text.length} characters long; JSON is only searched in the first ${MAX_CHARS}` };
  }
  const trimmed = text.trim();
  if (trimmed === '') {
    return { error: 'the answer is empty' };
  }
  const bare = tryParse(trimmed);
  if (bare.ok) {
    const start = text.indexOf(trimmed);
    return { json: bare.value, from: 'bare', start, end: start + trimmed.length };
  }
  const blocks = extractCodeBlocks(text).filter((b) => JSON_LANGS.has(b.lang));
  const ordered = [...blocks.filter((b) => b.lang !== ''), ...blocks.filter((b) => b.lang === '')];
  for (const block of ordered) {
    const parsed = tryParse(block.code.trim());
    if (parsed.ok) {
      return { json: parsed.value, from: 'fenced', start: block.start, end: block.end };
    }
  }
  // Prose first with other code blocks blanked out (a `[1, 2]` in a ts block is not the answer).
  const found = findInProse(maskBlocks(text)) ?? findInProse(text);
  if (found !== undefined) {
    return found;
  }
  const hint = blocks.length > 0 ? 'a ```json block was found but it is not valid JSON' : 'no JSON object or array was found';
  return { error: hint };
}

/** Same length as `text`, with the fenced blocks' characters replaced by spaces. */
function maskBlocks(text: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const block of extractCodeBlocks(text)) {
    parts.push(text.slice(at, block.start), ' '.repeat(block.end - block.start));
    at = block.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function findInProse(text: string): ExtractJsonResult | undefined {
  // Ends learnt from earlier scans: a bracket seen (outside strings) while scanning from an
  // earlier start closes at the same place when scanned on its own, so each is scanned once.
  const ends = new Map<number, number | null>();
  let tried = 0;
  for (let i = 0; i < text.length && tried < MAX_STARTS; i += 1) {
    const ch = text[i];
    if (ch !== '{' && ch !== '[') {
      continue;
    }
    if (!ends.has(i)) {
      scanFrom(text, i, ends);
    }
    const end = ends.get(i);
    if (end === null) {
      continue;
    }
    tried += 1;
    if (end === undefined) {
      continue;
    }
    const parsed = tryParse(text.slice(i, end));
    if (parsed.ok) {
      return { json: parsed.value, from: 'prose', start: i, end };
    }
  }
  return undefined;
}

/**
 * Scans from the bracket at `start`, skipping JSON strings, and records in `ends` where each
 * bracket opened on the way closes (index just past it), or `null` when the text ends first.
 * A mismatched closer stops the scan, leaving the brackets still open unrecorded.
 */
function scanFrom(text: string, start: number, ends: Map<number, number | null>): void {
  const stack: { close: string; at: number }[] = [];
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') {
        i += 1;
      } else if (ch === '"') {
        inString = false;
      }
      continue;
    }
    if (ch === '"') {
      inString = true;
    } else if (ch === '{' || ch === '[') {
      stack.push({ close: ch === '{' ? '}' : ']', at: i });
    } else if (ch === '}' || ch === ']') {
      const open = stack.pop();
      if (open?.close !== ch) {
        return;
      }
      ends.set(open.at, i + 1);
      if (stack.length === 0) {
        return;
      }
    }
  }
  for (const open of stack) {
    ends.set(open.at, null);
  }
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  const first = text[0];
  if (first !== '{' && first !== '[') {
    return { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
