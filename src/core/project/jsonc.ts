import { parse, type ParseError } from 'jsonc-parser';

/**
 * Parses JSON with comments and trailing commas (tsconfig, .prettierrc, package.json) with
 * jsonc-parser, the parser VS Code itself uses; undefined when the text has any syntax error.
 */
export function parseJsonc(text: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(text.replace(/^\uFEFF/, ''), errors, { allowTrailingComma: true, disallowComments: false });
  return errors.length === 0 ? value : undefined;
}

/** The value as a plain object, or undefined. */
export function asRecord(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
