import { RoutecraftError } from '../errors';
import { asRecord } from './jsonc';

interface Entry {
  readonly key: string;
  readonly keyStart: number;
  readonly valueStart: number;
  /** Index just after the value. */
  readonly valueEnd: number;
}

interface ScannedObject {
  readonly entries: readonly Entry[];
  readonly close: number;
}

function skipSpace(text: string, i: number): number {
  let at = i;
  while (at < text.length && /\s/.test(text[at] ?? '')) {
    at += 1;
  }
  return at;
}

function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') {
    i += text[i] === '\\' ? 2 : 1;
  }
  return i + 1;
}

function valueEnd(text: string, start: number): number {
  const char = text[start];
  if (char === '"') {
    return stringEnd(text, start);
  }
  if (char === '{' || char === '[') {
    let depth = 0;
    let i = start;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i = stringEnd(text, i);
        continue;
      }
      depth += c === '{' || c === '[' ? 1 : c === '}' || c === ']' ? -1 : 0;
      i += 1;
      if (depth === 0) {
        return i;
      }
    }
    return i;
  }
  let i = start;
  while (i < text.length && !/[\s,}\]]/.test(text[i] ?? '')) {
    i += 1;
  }
  return i;
}

/** The entries of the JSON object whose `{` is at `open` (the text is known to be valid JSON). */
function scanObject(text: string, open: number): ScannedObject {
  const entries: Entry[] = [];
  let i = skipSpace(text, open + 1);
  while (i < text.length && text[i] !== '}') {
    const keyEnd = stringEnd(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    const valueStart = skipSpace(text, skipSpace(text, keyEnd) + 1);
    const end = valueEnd(text, valueStart);
    entries.push({ key, keyStart: i, valueStart, valueEnd: end });
    i = skipSpace(text, end);
    if (text[i] === ',') {
      i = skipSpace(text, i + 1);
    }
  }
  return { entries, close: i };
}

function lineIndent(text: string, index: number): string {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, index))?.[0] ?? '';
}

/** Where the new entry goes: before a given entry, or after the last one. */
function insertEntry(text: string, object: ScannedObject, open: number, key: string, value: string, unit: string, newline: string, before: Entry | undefined): string {
  const pair = `${JSON.stringify(key)}: ${value}`;
  const { entries, close } = object;
  if (entries.length === 0) {
    const outer = lineIndent(text, open);
    return `${text.slice(0, open + 1)}${newline}${outer}${unit}${pair}${newline}${outer}${text.slice(close)}`;
  }
  const multiline = text.slice(open, entries[0]!.keyStart).includes('\n');
  if (before) {
    const indent = lineIndent(text, before.keyStart);
    const insertAt = multiline ? before.keyStart - indent.length : before.keyStart;
    return `${text.slice(0, insertAt)}${multiline ? indent : ''}${pair},${multiline ? newline : ' '}${text.slice(insertAt)}`;
  }
  const last = entries[entries.length - 1]!;
  const separator = multiline ? `${newline}${lineIndent(text, last.keyStart)}` : ' ';
  return `${text.slice(0, last.valueEnd)},${separator}${pair}${text.slice(last.valueEnd)}`;
}

function isSorted(keys: readonly string[]): boolean {
  return keys.every((key, i) => i === 0 || keys[i - 1]!.localeCompare(key, 'en') <= 0);
}

/**
 * package.json with `name@range` added to `section`, everything else byte for byte as it was:
 * indentation, line endings, key order (a sorted section stays sorted, otherwise the new key
 * goes last), trailing newline. A missing section is created before `devDependencies` (or at
 * the end). Unchanged when the package is already a dependency or devDependency.
 */
export function addDependencyChange(packageJsonText: string, name: string, range: string, section: 'dependencies' | 'devDependencies' = 'dependencies'): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(packageJsonText) as unknown;
  } catch {
    throw new RoutecraftError('invalid-input', `package.json is not valid JSON, so ${name} could not be added: fix it, or add "${name}": "${range}" by hand.`);
  }
  const manifest = asRecord(parsed);
  if (!manifest) {
    throw new RoutecraftError('invalid-input', `package.json is not a JSON object, so ${name} could not be added.`);
  }
  if (asRecord(manifest.dependencies)?.[name] !== undefined || asRecord(manifest.devDependencies)?.[name] !== undefined) {
    return packageJsonText;
  }
  const newline = packageJsonText.includes('\r\n') ? '\r\n' : '\n';
  const unit = /\n([ \t]+)"/.exec(packageJsonText)?.[1] ?? '  ';
  const open = packageJsonText.indexOf('{');
  const top = scanObject(packageJsonText, open);
  const existing = top.entries.find((entry) => entry.key === section);
  if (existing && packageJsonText[existing.valueStart] === '{') {
    const inner = scanObject(packageJsonText, existing.valueStart);
    const before = isSorted(inner.entries.map((entry) => entry.key)) ? inner.entries.find((entry) => entry.key.localeCompare(name, 'en') > 0) : undefined;
    return insertEntry(packageJsonText, inner, existing.valueStart, name, JSON.stringify(range), unit, newline, before);
  }
  const outer = lineIndent(packageJsonText, top.entries[0]?.keyStart ?? open) || unit;
  const sectionText = `{${newline}${outer}${unit}${JSON.stringify(name)}: ${JSON.stringify(range)}${newline}${outer}}`;
  const before = section === 'dependencies' ? top.entries.find((entry) => entry.key === 'devDependencies') : undefined;
  return insertEntry(packageJsonText, top, open, section, sectionText, unit, newline, before);
}
