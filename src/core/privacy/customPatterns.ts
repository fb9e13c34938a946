import { RoutecraftError } from '../errors';
import { CATEGORIES } from './categories';
import { regexRule, type Rule } from './rules/rule';

/** A user-defined pattern, as it comes from settings. */
export interface CustomPatternSetting {
  /** Becomes the placeholder prefix: `"employee id"` → `<EMPLOYEE_ID_1>`. */
  readonly name: string;
  /** JavaScript regular-expression source. A named group `v…` limits the replacement to that group. */
  readonly pattern: string;
  /** Extra flags among `i`, `m`, `s`, `u` (`g` and `d` are always added). */
  readonly flags?: string;
}

/** Result of checking one custom pattern. */
export type CustomPatternResult =
  | { readonly kind: 'ok'; readonly rule: Rule }
  | { readonly kind: 'invalid'; readonly message: string };

/** `"employee id"` → `EMPLOYEE_ID`: the placeholder prefix of a custom pattern. */
export function customPrefix(name: string): string {
  return name.trim().toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

/**
 * Compiles one custom pattern. Invalid when the name is empty or clashes with a built-in
 * category, the flags are unknown, the regex does not compile, or it matches the empty string.
 */
export function parseCustomPattern(setting: CustomPatternSetting): CustomPatternResult {
  const prefix = customPrefix(setting.name);
  const label = `Custom redaction pattern "${setting.name}"`;
  if (prefix === '' || !/^[A-Z]/.test(prefix)) {
    return { kind: 'invalid', message: `${label}: the name must start with a letter (it becomes the placeholder <NAME_1>).` };
  }
  if ((CATEGORIES as readonly string[]).includes(prefix)) {
    return { kind: 'invalid', message: `${label}: the name ${prefix} is a built-in category; choose another name.` };
  }
  const flags = setting.flags ?? '';
  if (!/^[imsu]*$/.test(flags)) {
    return { kind: 'invalid', message: `${label}: unknown flags "${flags}" (allowed: i, m, s, u).` };
  }
  let regex: RegExp;
  try {
    regex = new RegExp(setting.pattern, `${flags}gd`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'invalid', message: `${label} is not a valid regular expression: ${reason}` };
  }
  if (regex.test('')) {
    return { kind: 'invalid', message: `${label} matches the empty string; it must match at least one character.` };
  }
  return { kind: 'ok', rule: regexRule(`custom:${prefix}`, 'CUSTOM', regex, undefined, prefix) };
}

/** Compiles every custom pattern, or throws one `invalid-input` error listing every problem. */
export function compileCustomPatterns(settings: readonly CustomPatternSetting[]): Rule[] {
  const rules: Rule[] = [];
  const problems: string[] = [];
  for (const setting of settings) {
    const result = parseCustomPattern(setting);
    if (result.kind === 'ok') {
      rules.push(result.rule);
    } else {
      problems.push(result.message);
    }
  }
  if (problems.length > 0) {
    throw new RoutecraftError('invalid-input', `${problems.join('\n')}\nFix it in the routecraft redaction settings.`);
  }
  return rules;
}
