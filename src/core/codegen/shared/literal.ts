import type { CodeStyle } from '../types';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A string literal in the project's quote style. */
export function stringLiteral(value: string, style: Pick<CodeStyle, 'quote'>): string {
  const json = JSON.stringify(value);
  if (style.quote === 'double') {
    return json;
  }
  const inner = json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${inner}'`;
}

/** A property key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string, style: Pick<CodeStyle, 'quote'>): string {
  return IDENTIFIER.test(name) ? name : stringLiteral(name, style);
}

/** A JSON-like value as TypeScript source, in the project's quote style, on one line. */
export function literal(value: unknown, style: Pick<CodeStyle, 'quote'>): string {
  if (value === undefined) {
    return 'undefined';
  }
  if (value === null || typeof value === 'number' || typeof value === 'boolean') {
    return JSON.stringify(value);
  }
  if (typeof value === 'string') {
    return stringLiteral(value, style);
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => literal(v, style)).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${propertyKey(k, style)}: ${literal(v, style)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return 'undefined';
}
