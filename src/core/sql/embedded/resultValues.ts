import type { SqlScalar } from '../sqlAnswer';

/** A result cell as shown and compared: dates as ISO text, big integers as numbers when exact. */
export type ResultValue = string | number | boolean | null;

/** Normalises what a driver returns (Date, bigint, Uint8Array…) into a ResultValue. */
export function normalizeValue(value: unknown): ResultValue {
  if (value === null || value === undefined) {
    return null;
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (typeof value === 'bigint') {
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (value instanceof Uint8Array) {
    return `<${value.length} bytes>`;
  }
  return JSON.stringify(value);
}

/** True when a result cell means the expected value: numbers match numeric text, times match any ISO spelling. */
export function sameValue(actual: ResultValue, expected: SqlScalar): boolean {
  if (actual === expected) {
    return true;
  }
  if (actual === null || expected === null) {
    return false;
  }
  if (typeof expected === 'number' || typeof actual === 'number') {
    return Number(actual) === Number(expected);
  }
  if (typeof actual === 'string' && typeof expected === 'string') {
    const a = Date.parse(actual);
    const b = Date.parse(expected);
    return /\d{4}-\d\d-\d\d/.test(expected) && !Number.isNaN(a) && a === b;
  }
  return String(actual) === String(expected);
}

/** Differences between the rows a query returned and the rows expected (same order, same columns). */
export function compareRows(actual: readonly Readonly<Record<string, ResultValue>>[], expected: readonly Readonly<Record<string, SqlScalar>>[]): string[] {
  const problems: string[] = [];
  if (actual.length !== expected.length) {
    problems.push(`the query returned ${actual.length} row(s) on the fixture rows, the answer expected ${expected.length}`);
  }
  expected.slice(0, actual.length).forEach((row, i) => {
    for (const [key, value] of Object.entries(row)) {
      const got = actual[i]![key];
      if (got === undefined) {
        problems.push(`row ${i + 1}: no column "${key}" in the result (columns: ${Object.keys(actual[i]!).join(', ')})`);
      } else if (!sameValue(got, value)) {
        problems.push(`row ${i + 1}: ${key} is ${JSON.stringify(got)}, expected ${JSON.stringify(value)}`);
      }
    }
  });
  return problems;
}

/** A TypeScript type per column from the raw driver values (Date, number, string, boolean; `| null` when one is null). */
export function columnTypes(columns: readonly string[], rows: readonly Readonly<Record<string, unknown>>[]): Record<string, string> {
  return Object.fromEntries(columns.map((c) => {
    const values = rows.map((r) => r[c]);
    const present = values.find((v) => v !== null && v !== undefined);
    const base = present instanceof Date ? 'Date' : typeof present === 'number' ? 'number' : typeof present === 'bigint' ? 'bigint' : typeof present === 'boolean' ? 'boolean' : typeof present === 'string' ? 'string' : 'unknown';
    return [c, values.some((v) => v === null) && base !== 'unknown' ? `${base} | null` : base];
  }));
}
