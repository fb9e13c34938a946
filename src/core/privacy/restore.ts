import { kindOf } from './categories';
import { PLACEHOLDER_PATTERN, type PlaceholderMap } from './placeholders';
import { stringContextAt } from './stringContext';

/** Where restored text goes. */
export interface RestoreOptions {
  /**
   * `display`: text shown to the user; every known placeholder gets its value back.
   * `code`: text written into files; secret placeholders become environment lookups and personal
   * data stays as the placeholder (the user sees `<EMAIL_1>` in the diff and decides).
   */
  readonly mode: 'display' | 'code';
  /** How code reads an environment variable; default {@link secretToEnvLookup}. */
  readonly envLookup?: (placeholder: string) => string;
}

/** `<SECRET_1>` → `SECRET_1`: the environment variable a secret placeholder stands for in code. */
export function envVarName(placeholder: string): string {
  return placeholder.replace(/^<|>$/g, '');
}

/** `<SECRET_1>` → `process.env.SECRET_1` (a TypeScript/JavaScript expression). */
export function secretToEnvLookup(placeholder: string): string {
  return `process.env.${envVarName(placeholder)}`;
}

/**
 * Puts placeholders that came back in an answer back into shape for their destination.
 * Placeholders not in `map` (invented by the model, or text that was there before) are left alone.
 *
 * In `code` mode a secret placeholder becomes `envLookup(placeholder)`, fitted to where it stands:
 * - a whole string literal, `"<SECRET_1>"` → `process.env.SECRET_1`
 * - part of a `'…'`/`"…"` literal → the literal becomes a template: `` `Bearer ${process.env.SECRET_1}` ``
 * - inside a template literal → `${process.env.SECRET_1}`
 * - elsewhere → `process.env.SECRET_1`
 * String literals are recognised per line (JavaScript quoting rules).
 */
export function restore(text: string, map: PlaceholderMap, options: RestoreOptions): string {
  if (options.mode === 'display') {
    return text.replace(PLACEHOLDER_PATTERN, (token) => map.get(token)?.value ?? token);
  }
  const lookup = options.envLookup ?? secretToEnvLookup;
  let out = text;
  let from = 0;
  for (;;) {
    const next = findSecretPlaceholder(out, from, map);
    if (next === undefined) {
      return out;
    }
    const { replaced, resumeAt } = replaceInCode(out, next.index, next.token, lookup(next.token));
    out = replaced;
    from = resumeAt;
  }
}

function findSecretPlaceholder(text: string, from: number, map: PlaceholderMap): { index: number; token: string } | undefined {
  const re = new RegExp(PLACEHOLDER_PATTERN.source, 'g');
  re.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) !== null) {
    const entry = map.get(match[0]);
    if (entry !== undefined && kindOf(entry.category) === 'secret') {
      return { index: match.index, token: match[0] };
    }
  }
  return undefined;
}

function replaceInCode(text: string, index: number, token: string, expression: string): { replaced: string; resumeAt: number } {
  const end = index + token.length;
  const context = stringContextAt(text, index);
  if (context === undefined || context.close === -1) {
    return splice(text, index, end, expression);
  }
  const close = context.close;
  if (context.open === index - 1 && close === end) {
    return splice(text, context.open, close + 1, expression);
  }
  if (context.quote === '`') {
    return splice(text, index, end, `\${${expression}}`);
  }
  const before = escapeForTemplate(text.slice(context.open + 1, index));
  const after = escapeForTemplate(text.slice(end, close));
  const literal = `\`${before}\${${expression}}${after}\``;
  const replaced = text.slice(0, context.open) + literal + text.slice(close + 1);
  return { replaced, resumeAt: context.open + 1 + before.length + expression.length + 3 };
}

function splice(text: string, start: number, end: number, insert: string): { replaced: string; resumeAt: number } {
  return { replaced: text.slice(0, start) + insert + text.slice(end), resumeAt: start + insert.length };
}

/** Content of a `'…'`/`"…"` literal made safe inside a template literal. */
function escapeForTemplate(content: string): string {
  return content.replace(/`/g, '\\`').replace(/\$\{/g, '\\${').replace(/\\(["'])/g, '$1');
}
