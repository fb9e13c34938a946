import type { JsonSchema } from '../../endpointSpec';
import { PATTERN_CANDIDATES, exampleValue } from './exampleValue';
import { schemaType } from './zodExpression';

/** Which part of the request a case changes. */
export type RequestPart = 'body' | 'query' | 'params';

/** One request that must be answered 400, built from one constraint of the schema. */
export interface FailingCase {
  /** e.g. `body.name is longer than 120 characters` */
  readonly title: string;
  readonly part: RequestPart;
  /** The whole part (body, query object or params object) with the one bad value. */
  readonly value: unknown;
  /** The issue path the 400 answer must list, dotted (`address.city`, `tags.0`); `''` for the root. */
  readonly issuePath: string;
}

/** How the app treats values before validating them. */
export interface FailingCaseOptions {
  /**
   * The app converts values to the declared type first (Nest's `enableImplicitConversion`): `12345`
   * sent for a string becomes `'12345'` and any string sent for a boolean becomes `true`, so the
   * wrong-type cases send a one-element array instead, which no conversion turns into a scalar.
   */
  readonly implicitConversion?: boolean;
}

type Segment = string | number;

const NON_MATCHING = ['!!!', '~', ' ', '0', 'a', 'A', 'aaaaaaaa', 'AAAAAAAA', '12345678', '_'];

function setAt(root: unknown, path: readonly Segment[], value: unknown, remove = false): unknown {
  if (path.length === 0) {
    return value;
  }
  const [head, ...rest] = path as [Segment, ...Segment[]];
  const copy: unknown = Array.isArray(root) ? [...(root as unknown[])] : { ...(root as Record<string, unknown>) };
  const container = copy as Record<Segment, unknown>;
  if (rest.length === 0 && remove) {
    return Object.fromEntries(Object.entries(container).filter(([key]) => key !== String(head)));
  } else {
    container[head] = setAt(container[head], rest, value, remove);
  }
  return copy;
}

function getAt(root: unknown, path: readonly Segment[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<Segment, unknown> | undefined)?.[k], root);
}

/**
 * One failing case per constraint of `schema` (recursively through objects and array items), each a
 * copy of the valid `example` with exactly one value broken. Deterministic: same schema, same cases.
 */
export function failingCases(schema: JsonSchema, part: RequestPart, example: unknown, options: FailingCaseOptions = {}): FailingCase[] {
  const cases: FailingCase[] = [];
  const add = (path: readonly Segment[], title: string, value: unknown, remove = false, issuePath = path): void => {
    cases.push({ title: `${part}${path.length > 0 ? '.' : ''}${path.join('.')} ${title}`, part, value: setAt(example, path, value, remove), issuePath: issuePath.join('.') });
  };
  walk(schema, [], true, part !== 'body', part, example, add, options);
  const seen = new Map<string, number>();
  return cases.map((c) => {
    const n = (seen.get(c.title) ?? 0) + 1;
    seen.set(c.title, n);
    return n === 1 ? c : { ...c, title: `${c.title} (${String(n)})` };
  });
}

type Add = (path: readonly Segment[], title: string, value: unknown, remove?: boolean, issuePath?: readonly Segment[]) => void;

function walk(schema: JsonSchema, path: Segment[], required: boolean, strings: boolean, part: RequestPart, example: unknown, add: Add, options: FailingCaseOptions): void {
  const type = schemaType(schema);
  const current = getAt(example, path);
  if (path.length > 0 && required && schema.default === undefined && part !== 'params') {
    add(path, 'is missing (required)', undefined, true);
  }
  if (path.length > 0) {
    wrongType(schema, type, path, strings, add, options);
  }
  if (schema.enum) {
    const allNumbers = schema.enum.every((v) => typeof v === 'number');
    add(path, `is not one of ${schema.enum.map(String).join(', ')}`, allNumbers ? Math.max(...(schema.enum as number[])) + 1 : '__not_in_enum__');
    return;
  }
  if (type === 'string') {
    stringCases(schema, path, current, add);
  } else if (type === 'number' || type === 'integer') {
    numberCases(schema, type, path, current, add);
  } else if (type === 'array') {
    arrayCases(schema, path, current, strings, part, example, add, options);
  } else if (type === 'object') {
    if (schema.additionalProperties === false && !strings) {
      add([...path, 'unexpectedProperty'], 'is not allowed (unknown property)', 'unexpected', false, path);
    }
    const requiredNames = new Set(schema.required ?? []);
    for (const [name, prop] of Object.entries(schema.properties ?? {})) {
      walk(prop, [...path, name], requiredNames.has(name), strings, part, example, add, options);
    }
  }
}

function wrongType(schema: JsonSchema, type: JsonSchema['type'], path: Segment[], strings: boolean, add: Add, options: FailingCaseOptions): void {
  if (schema.enum) {
    return;
  }
  const wrong: Partial<Record<NonNullable<JsonSchema['type']>, unknown>> = strings
    ? { number: 'not-a-number', integer: 'not-a-number', boolean: 'not-a-boolean' }
    : { string: 12345, number: 'not-a-number', integer: 'not-a-number', boolean: 'not-a-boolean', array: 'not-an-array', object: 'not-an-object', null: 'not-null' };
  if (options.implicitConversion === true && !strings) {
    wrong.string = [12345];
    wrong.boolean = ['not-a-boolean'];
  }
  if (type !== undefined && type in wrong) {
    add(path, `has the wrong type (${type} expected)`, wrong[type]);
  }
}

function stringCases(schema: JsonSchema, path: Segment[], current: unknown, add: Add): void {
  if (schema.minLength !== undefined && schema.minLength > 0) {
    add(path, `is shorter than ${String(schema.minLength)} characters`, 'x'.repeat(schema.minLength - 1));
  }
  if (schema.maxLength !== undefined) {
    const base = typeof current === 'string' ? current : 'x';
    add(path, `is longer than ${String(schema.maxLength)} characters`, base.padEnd(schema.maxLength + 1, 'x'));
  }
  if (schema.pattern !== undefined) {
    const bad = nonMatching(schema, schema.pattern);
    if (bad !== undefined) {
      add(path, `does not match /${schema.pattern}/`, bad);
    }
  }
  if (schema.format) {
    add(path, `is not a valid ${schema.format}`, `not a valid ${schema.format}`);
  }
}

/**
 * A string the pattern rejects (tested against the same `u` RegExp the validators use), preferably
 * one within minLength/maxLength so that only the pattern can make the request fail; undefined
 * when every candidate matches (a pattern like `.*` cannot be broken).
 */
export function nonMatching(bounds: Pick<JsonSchema, 'minLength' | 'maxLength'>, pattern: string): string | undefined {
  const re = new RegExp(pattern, 'u');
  const min = bounds.minLength ?? 0;
  const max = bounds.maxLength ?? Number.POSITIVE_INFINITY;
  const fitted = (c: string): string => (c.length < min ? c.padEnd(min, c.at(-1) ?? 'x') : c).slice(0, max);
  const candidates = [...NON_MATCHING, ...PATTERN_CANDIDATES];
  const rejected = [...candidates, ...candidates.map(fitted)].filter((c) => !re.test(c));
  return rejected.find((c) => c.length >= min && c.length <= max) ?? rejected[0];
}

function numberCases(schema: JsonSchema, type: 'number' | 'integer', path: Segment[], current: unknown, add: Add): void {
  const base = typeof current === 'number' ? current : 1;
  if (type === 'integer') {
    add(path, 'is not an integer', base + 0.5);
  }
  if (schema.minimum !== undefined) {
    add(path, `is below the minimum ${String(schema.minimum)}`, schema.minimum - 1);
  }
  if (schema.exclusiveMinimum !== undefined) {
    add(path, `is not greater than ${String(schema.exclusiveMinimum)}`, schema.exclusiveMinimum);
  }
  if (schema.maximum !== undefined) {
    add(path, `is above the maximum ${String(schema.maximum)}`, schema.maximum + 1);
  }
  if (schema.exclusiveMaximum !== undefined) {
    add(path, `is not less than ${String(schema.exclusiveMaximum)}`, schema.exclusiveMaximum);
  }
  const m = schema.multipleOf;
  if (m !== undefined) {
    const bad = type === 'integer' ? (m >= 2 && Number.isInteger(m) ? base + 1 : undefined) : base + m / 2;
    if (bad !== undefined) {
      add(path, `is not a multiple of ${String(m)}`, bad);
    }
  }
}

function arrayCases(schema: JsonSchema, path: Segment[], current: unknown, strings: boolean, part: RequestPart, example: unknown, add: Add, options: FailingCaseOptions): void {
  const items: readonly unknown[] = Array.isArray(current) ? (current as unknown[]) : [];
  const itemSchema = schema.items ?? {};
  const make = (n: number): unknown[] => Array.from({ length: n }, (_, i) => items[i] ?? exampleValue(itemSchema, '', i));
  if (schema.minItems !== undefined && schema.minItems > 0) {
    add(path, `has fewer than ${String(schema.minItems)} items`, make(schema.minItems - 1));
  }
  if (schema.maxItems !== undefined) {
    add(path, `has more than ${String(schema.maxItems)} items`, make(schema.maxItems + 1));
  }
  if (schema.uniqueItems === true && (schema.maxItems === undefined || schema.maxItems >= 2)) {
    const first = items[0] ?? exampleValue(itemSchema);
    add(path, 'has duplicate items', [first, first]);
  }
  if (items.length > 0 && schema.items) {
    walk(schema.items, [...path, 0], false, strings, part, example, add, options);
  }
}
