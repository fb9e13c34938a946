import { parseDocument } from 'yaml';

/** JSON or YAML text read into plain data, or the parser's messages with line numbers. */
export type DataTextResult = { readonly ok: true; readonly data: unknown; readonly format: 'json' | 'yaml' } | { readonly ok: false; readonly errors: string[] };

/**
 * Reads JSON (tried first, for its precise messages) or YAML. YAML is a superset of JSON, so text that
 * looks like JSON but fails JSON.parse gets the YAML parser's opinion too.
 */
export function parseDataText(text: string): DataTextResult {
  const trimmed = text.trim();
  let jsonError: string | undefined;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { ok: true, data: JSON.parse(trimmed) as unknown, format: 'json' };
    } catch (error) {
      jsonError = `not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const yamlErrors = doc.errors.map((e) => {
      const line = e.linePos?.[0];
      const message = firstLine(e.message).replace(/ at line \d+, column \d+:?$/, '');
      return `not valid YAML${line ? ` (line ${line.line}, column ${line.col})` : ''}: ${message}`;
    });
    return { ok: false, errors: jsonError ? [jsonError] : yamlErrors };
  }
  return { ok: true, data: doc.toJS({ maxAliasCount: 100 }) as unknown, format: 'yaml' };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
