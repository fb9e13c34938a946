import type { JsonSchema } from '../../endpointSpec';
import { literal, propertyKey } from '../shared/literal';
import { schemaType } from '../shared/zodExpression';
import type { CodeStyle } from '../types';

type Style = Pick<CodeStyle, 'quote'>;

/** The JSON Schema keywords TypeBox passes through as options, per type. */
const OPTION_KEYS: readonly (keyof JsonSchema)[] = [
  'description', 'format', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'additionalProperties', 'default',
];

function options(schema: JsonSchema, style: Style, skip: readonly (keyof JsonSchema)[] = []): string {
  const picked = Object.fromEntries(OPTION_KEYS.filter((k) => schema[k] !== undefined && !skip.includes(k)).map((k) => [k, schema[k]]));
  return Object.keys(picked).length === 0 ? '' : literal(picked, style);
}

function call(name: string, args: readonly string[]): string {
  return `Type.${name}(${args.filter((a) => a !== '').join(', ')})`;
}

function baseExpression(schema: JsonSchema, style: Style): string {
  if (schema.enum) {
    const literals = schema.enum.map((v) => call('Literal', [literal(v, style)]));
    return literals.length === 1 ? literals[0]! : call('Union', [`[${literals.join(', ')}]`, options(schema, style)]);
  }
  switch (schemaType(schema)) {
    case 'string':
      return call('String', [options(schema, style)]);
    case 'number':
      return call('Number', [options(schema, style)]);
    case 'integer':
      return call('Integer', [options(schema, style)]);
    case 'boolean':
      return call('Boolean', [options(schema, style)]);
    case 'null':
      return call('Null', []);
    case 'array':
      return call('Array', [typeboxExpression(schema.items ?? {}, style), options(schema, style)]);
    case 'object': {
      const required = new Set(schema.required ?? []);
      const props = Object.entries(schema.properties ?? {}).map(([name, prop]) => {
        const expr = typeboxExpression(prop, style);
        return `${propertyKey(name, style)}: ${required.has(name) ? expr : call('Optional', [expr])}`;
      });
      return call('Object', [props.length === 0 ? '{}' : `{ ${props.join(', ')} }`, options(schema, style)]);
    }
    case undefined:
      return call('Unknown', []);
  }
}

/**
 * The TypeBox expression (source text, e.g. `Type.String({ maxLength: 120 })`) of a JSON Schema.
 * TypeBox schemas are JSON Schema, so every keyword passes through unchanged and Fastify's own
 * validator (ajv) checks it; properties that are not required are `Type.Optional`.
 */
export function typeboxExpression(schema: JsonSchema, style: Style): string {
  const expr = baseExpression(schema, style);
  return schema.nullable === true ? call('Union', [`[${expr}, ${call('Null', [])}]`]) : expr;
}
