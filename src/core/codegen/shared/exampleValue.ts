import { RoutecraftError } from '../../errors';
import type { JsonSchema, JsonSchemaFormat } from '../../endpointSpec';
import { patternExample } from './patternExample';
import { schemaType } from './zodExpression';

/** Fixed candidates tried, in order, against a `pattern` when the schema gives no `examples`. */
export const PATTERN_CANDIDATES: readonly string[] = [
  'Example1', 'Passw0rdX', 'example', 'EXAMPLE', 'abc123', 'ABC-123', '12345', '123456789', '+15551234567', '5551234567',
  '+1 555 123 4567', 'example@example.com', 'example-slug', 'example_name', 'AB12CD', 'A1', 'a', 'A', '1', '2024-01-15',
  '#a1b2c3', 'https://example.com', '192.168.0.1', 'Example Name', 'ab', 'abc', 'ABC', 'Ab1!example', 'x1y2z3', '00000',
];

const FORMAT_EXAMPLES: Readonly<Record<JsonSchemaFormat, string>> = {
  email: 'user@example.com',
  uuid: '3f1c1a52-8a1e-4b7e-9c3a-2f5d6e7a8b9c',
  'date-time': '2024-01-15T10:30:00Z',
  date: '2024-01-15',
  uri: 'https://example.com/resource',
  url: 'https://example.com/resource',
  ipv4: '192.168.0.1',
  ipv6: '2001:db8::1',
  hostname: 'api.example.com',
};

/**
 * A deterministic value that satisfies the schema: `examples[0]`, else `default`, else built from
 * the constraints. `variant` gives distinct values for `uniqueItems`. A `pattern` takes a readable
 * fixed candidate when one matches, else a string generated from the pattern (checked against the
 * RegExp). Throws a RoutecraftError naming the property and asking for `examples` when no value
 * can be produced.
 */
export function exampleValue(schema: JsonSchema, path = '', variant = 0): unknown {
  if (schema.examples !== undefined && schema.examples.length > 0) {
    return schema.examples[variant % schema.examples.length];
  }
  if (schema.default !== undefined && variant === 0) {
    return schema.default;
  }
  if (schema.enum) {
    return schema.enum[variant % schema.enum.length];
  }
  switch (schemaType(schema)) {
    case 'string':
      return stringExample(schema, path, variant);
    case 'number':
    case 'integer':
      return numberExample(schema, path, variant);
    case 'boolean':
      return variant % 2 === 0;
    case 'null':
      return null;
    case 'array':
      return arrayExample(schema, path);
    case 'object':
      return objectExample(schema, path, variant);
    default:
      return variant === 0 ? 'example' : `example${String(variant)}`;
  }
}

function fitLength(base: string, schema: JsonSchema): string {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Number.POSITIVE_INFINITY;
  let value = base;
  while (value.length < min) {
    value += 'x';
  }
  return value.length > max ? value.slice(0, max) : value;
}

function lengthOk(value: string, schema: JsonSchema): boolean {
  return value.length >= (schema.minLength ?? 0) && value.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY);
}

function lengthText(schema: JsonSchema): string {
  const limits = [
    ...(schema.minLength !== undefined ? [`at least ${String(schema.minLength)}`] : []),
    ...(schema.maxLength !== undefined ? [`at most ${String(schema.maxLength)}`] : []),
  ];
  return limits.length === 0 ? '' : ` with ${limits.join(' and ')} characters`;
}

function validRegExp(pattern: string, path: string): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch (error) {
    throw new RoutecraftError('invalid-input', `The pattern of "${path}" is not a valid regular expression (${error instanceof Error ? error.message : String(error)}): fix it in the spec.`);
  }
}

function stringExample(schema: JsonSchema, path: string, variant: number): string {
  if (schema.pattern !== undefined) {
    const re = validRegExp(schema.pattern, path);
    // Readable fixed candidates first; otherwise a string generated from the pattern itself.
    const matches = PATTERN_CANDIDATES.filter((c) => re.test(c) && lengthOk(c, schema));
    const found = matches[variant] ?? patternExample(schema.pattern, schema, variant - matches.length) ?? matches[variant % Math.max(matches.length, 1)];
    if (found === undefined) {
      throw new RoutecraftError('invalid-input', `Cannot produce an example for "${path}": no string matching /${schema.pattern}/${lengthText(schema)} could be generated. Add "examples" with a valid value to that property in the spec.`);
    }
    return found;
  }
  if (schema.format) {
    const base = FORMAT_EXAMPLES[schema.format];
    if (variant === 0) {
      return base;
    }
    return schema.format === 'email' ? `user${String(variant)}@example.com` : base;
  }
  return fitLength(variant === 0 ? 'example' : `example${String(variant)}`, schema);
}

function numberExample(schema: JsonSchema, path: string, variant: number): number {
  const integer = schemaType(schema) === 'integer';
  const step = schema.multipleOf ?? 1;
  let value = Math.max(
    schema.minimum ?? Number.NEGATIVE_INFINITY,
    schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : Math.min(1, step)) : Number.NEGATIVE_INFINITY,
  );
  if (!Number.isFinite(value)) {
    const upper = Math.min(schema.maximum ?? Number.POSITIVE_INFINITY, schema.exclusiveMaximum ?? Number.POSITIVE_INFINITY);
    value = Math.min(1, upper === Number.POSITIVE_INFINITY ? 1 : upper - (upper === schema.exclusiveMaximum ? 1 : 0));
  }
  value += variant * step;
  if (integer) {
    value = Math.ceil(value);
  }
  if (schema.multipleOf !== undefined) {
    value = Math.ceil(value / schema.multipleOf) * schema.multipleOf;
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) {
      value += schema.multipleOf;
    }
  }
  const tooHigh = (schema.maximum !== undefined && value > schema.maximum) || (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum);
  if (tooHigh) {
    throw new RoutecraftError('invalid-input', `Cannot derive a number for "${path}" within its bounds: add "examples" to that property in the spec.`);
  }
  return value;
}

function arrayExample(schema: JsonSchema, path: string): unknown[] {
  const count = Math.min(Math.max(schema.minItems ?? 1, 1), schema.maxItems ?? Number.POSITIVE_INFINITY);
  const items = schema.items ?? {};
  return Array.from({ length: count }, (_, i) => exampleValue(items, `${path}[${String(i)}]`, schema.uniqueItems === true ? i : 0));
}

function objectExample(schema: JsonSchema, path: string, variant: number): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    result[name] = exampleValue(prop, path === '' ? name : `${path}.${name}`, variant);
  }
  return result;
}
