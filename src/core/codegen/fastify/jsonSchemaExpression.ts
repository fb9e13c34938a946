import type { JsonSchema } from '../../endpointSpec';
import { literal, propertyKey, stringLiteral } from '../shared/literal';
import { schemaType } from '../shared/zodExpression';
import type { CodeStyle } from '../types';

type Style = Pick<CodeStyle, 'quote'>;

/** The keywords Fastify's ajv checks or documents, copied as they are. */
const KEYS: readonly (keyof JsonSchema)[] = [
  'description', 'format', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'required', 'additionalProperties', 'default',
];

/**
 * The spec's schema as the plain JSON Schema Fastify's ajv validates: `type` always written (also
 * where the spec only implied it), `nullable` as a `null` type (and a `null` enum member), nested
 * `items` and `properties` converted the same way; `examples` left out (documentation only).
 */
export function plainJsonSchema(schema: JsonSchema): Record<string, unknown> {
  const type = schemaType(schema);
  const nullable = schema.nullable === true;
  const out: Record<string, unknown> = {};
  if (type !== undefined && schema.enum === undefined) {
    out.type = nullable && type !== 'null' ? [type, 'null'] : type;
  }
  if (schema.enum) {
    out.enum = nullable ? [...schema.enum, null] : [...schema.enum];
  }
  for (const key of KEYS) {
    if (schema[key] !== undefined) {
      out[key] = Array.isArray(schema[key]) ? [...(schema[key] as unknown[])] : schema[key];
    }
  }
  if (schema.items) {
    out.items = plainJsonSchema(schema.items);
  }
  if (schema.properties) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([name, prop]) => [name, plainJsonSchema(prop)]));
  }
  return out;
}

/** The JSON Schema as object-literal source (`{ type: 'object', properties: { … } }`). */
export function jsonSchemaExpression(schema: JsonSchema, style: Style): string {
  return literal(plainJsonSchema(schema), style);
}

function baseType(schema: JsonSchema, style: Style): string {
  if (schema.enum) {
    return schema.enum.map((v) => (typeof v === 'string' ? stringLiteral(v, style) : String(v))).join(' | ');
  }
  switch (schemaType(schema)) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      const item = jsonSchemaType(schema.items ?? {}, style);
      return /^[\w.]+$/.test(item) ? `${item}[]` : `Array<${item}>`;
    }
    case 'object': {
      const required = new Set(schema.required ?? []);
      const props = Object.entries(schema.properties ?? {}).map(([name, prop]) => `${propertyKey(name, style)}${required.has(name) ? '' : '?'}: ${jsonSchemaType(prop, style)}`);
      if (props.length === 0) {
        return schema.additionalProperties === false ? 'Record<string, never>' : 'Record<string, unknown>';
      }
      return `{ ${props.join('; ')} }`;
    }
    case undefined:
      return 'unknown';
  }
}

/**
 * The TypeScript type of the values a JSON Schema accepts after Fastify's validation (`{ name:
 * string; tags?: string[] }`): what a route generic (`{ Body: … }`) tells the handler when no type
 * provider infers it. Properties that are not required are optional.
 */
export function jsonSchemaType(schema: JsonSchema, style: Style): string {
  const base = baseType(schema, style);
  return schema.nullable === true && base !== 'null' ? `${base.includes(' | ') ? `(${base})` : base} | null` : base;
}
