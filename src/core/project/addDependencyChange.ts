import { applyEdits, modify, type FormattingOptions } from 'jsonc-parser';
import { RoutecraftError } from '../errors';
import { asRecord } from './jsonc';

function isSorted(keys: readonly string[]): boolean {
  return keys.every((key, i) => i === 0 || keys[i - 1]!.localeCompare(key, 'en') <= 0);
}

/** The file's own indentation unit and line ending, so the edit looks like the rest of it. */
function formattingOf(text: string): FormattingOptions {
  const unit = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return unit.startsWith('\t') ? { insertSpaces: false, tabSize: 1, eol } : { insertSpaces: true, tabSize: unit.length, eol };
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
  const formattingOptions = formattingOf(packageJsonText);
  const sectionKeys = Object.keys(asRecord(manifest[section]) ?? {});
  const getInsertionIndex = manifest[section] === undefined
    ? (keys: string[]): number => {
        const dev = section === 'dependencies' ? keys.indexOf('devDependencies') : -1;
        return dev < 0 ? keys.length : dev;
      }
    : (keys: string[]): number => {
        if (!isSorted(sectionKeys)) {
          return keys.length;
        }
        const at = keys.findIndex((key) => key.localeCompare(name, 'en') > 0);
        return at < 0 ? keys.length : at;
      };
  const path = manifest[section] === undefined ? [section] : [section, name];
  const value = manifest[section] === undefined ? { [name]: range } : range;
  return applyEdits(packageJsonText, modify(packageJsonText, path, value, { formattingOptions, getInsertionIndex }));
}
