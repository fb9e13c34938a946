import type { JsonSchema } from '../../endpointSpec';
import type { CodeStyle } from '../types';
import { literal, propertyKey, stringLiteral } from './literal';
import { zodFormatBase } from './zodFormat';

/** How a schema is turned into zod source. */
export interface ZodContext {
  readonly zodMajor: 3 | 4;
  readonly style: Pick<CodeStyle, 'quote' | 'trailingComma'>;
  /** Values arrive as strings (query strings, path parameters): numbers and booleans are coerced. */
  readonly coerce?: boolean;
}

/** The message used when `uniqueItems` fails; tests look for it. */
export const UNIQUE_ITEMS_MESSAGE = 'Items must be unique';

/** The zod expression (source text, e.g. `z.string().max(120)`) that validates a JSON Schema. */
export function zodExpression(schema: JsonSchema, ctx: ZodContext): string {
  let expr = baseExpression(schema, ctx);
  if (schema.nullable === true) {
    expr += '.nullable()';
  }
  if (schema.description !== undefined) {
    expr += `.describe(${stringLiteral(schema.description, ctx.style)})`;
  }
  return expr;
}

/** The zod expression for a property of an object: optional or defaulted when not required. */
export function zodPropertyExpression(schema: JsonSchema, required: boolean, ctx: ZodContext): string {
  const expr = zodExpression(schema, ctx);
  if (schema.default !== undefined) {
    return `${expr}.default(${literal(schema.default, ctx.style)})`;
  }
  return required ? expr : `${expr}.optional()`;
}

/** The JSON Schema type, inferred from other keywords when `type` is absent. */
export function schemaType(schema: JsonSchema): NonNullable<JsonSchema['type']> | undefined {
  if (schema.type) {
    return schema.type;
  }
  if (schema.properties) {
    return 'object';
  }
  if (schema.items) {
    return 'array';
  }
  if (schema.format || schema.pattern !== undefined || schema.minLength !== undefined || schema.maxLength !== undefined) {
    return 'string';
  }
  return undefined;
}

function baseExpression(schema: JsonSchema, ctx: ZodContext): string {
  if (schema.enum) {
    return enumExpression(schema.enum, ctx);
  }
  switch (schemaType(schema)) {
    case 'string':
      return stringExpression(schema, ctx);
    case 'number':
    case 'integer':
      return numberExpression(schema, ctx);
    case 'boolean':
      return ctx.coerce === true
        ? `z.enum([${stringLiteral('true', ctx.style)}, ${stringLiteral('false', ctx.style)}]).transform((value) => value === ${stringLiteral('true', ctx.style)})`
        : 'z.boolean()';
    case 'null':
      return 'z.null()';
    case 'array':
      return arrayExpression(schema, ctx);
    case 'object':
      return objectExpression(schema, ctx);
    default:
      return 'z.unknown()';
  }
}

function enumExpression(values: readonly (string | number | boolean)[], ctx: ZodContext): string {
  if (values.every((v) => typeof v === 'string')) {
    return `z.enum([${values.map((v) => stringLiteral(v, ctx.style)).join(', ')}])`;
  }
  const literals = values.map((v) => `z.literal(${literal(v, ctx.style)})`);
  const union = literals.length === 1 ? literals[0]! : `z.union([${literals.join(', ')}])`;
  return ctx.coerce === true && values.every((v) => typeof v === 'number') ? `z.coerce.number().pipe(${union})` : union;
}

function stringExpression(schema: JsonSchema, ctx: ZodContext): string {
  let expr = schema.format ? zodFormatBase(schema.format, ctx) : 'z.string()';
  if (schema.minLength !== undefined) {
    expr += `.min(${String(schema.minLength)})`;
  }
  if (schema.maxLength !== undefined) {
    expr += `.max(${String(schema.maxLength)})`;
  }
  if (schema.pattern !== undefined) {
    expr += `.regex(/${new RegExp(schema.pattern, 'u').source}/u)`;
  }
  return expr;
}

function numberExpression(schema: JsonSchema, ctx: ZodContext): string {
  const integer = schemaType(schema) === 'integer';
  let expr: string;
  if (ctx.coerce === true) {
    expr = integer ? 'z.coerce.number().int()' : 'z.coerce.number()';
  } else if (integer) {
    expr = ctx.zodMajor === 4 ? 'z.int()' : 'z.number().int()';
  } else {
    expr = 'z.number()';
  }
  if (schema.minimum !== undefined) {
    expr += `.gte(${String(schema.minimum)})`;
  }
  if (schema.exclusiveMinimum !== undefined) {
    expr += `.gt(${String(schema.exclusiveMinimum)})`;
  }
  if (schema.maximum !== undefined) {
    expr += `.lte(${String(schema.maximum)})`;
  }
  if (schema.exclusiveMaximum !== undefined) {
    expr += `.lt(${String(schema.exclusiveMaximum)})`;
  }
  if (schema.multipleOf !== undefined) {
    expr += `.multipleOf(${String(schema.multipleOf)})`;
  }
  return expr;
}

function arrayExpression(schema: JsonSchema, ctx: ZodContext): string {
  let expr = `z.array(${schema.items ? zodExpression(schema.items, { ...ctx, coerce: false }) : 'z.unknown()'})`;
  if (schema.minItems !== undefined) {
    expr += `.min(${String(schema.minItems)})`;
  }
  if (schema.maxItems !== undefined) {
    expr += `.max(${String(schema.maxItems)})`;
  }
  if (schema.uniqueItems === true) {
    const key = ctx.zodMajor === 4 ? 'error' : 'message';
    expr += `.refine((items) => new Set(items.map((item) => JSON.stringify(item))).size === items.length, { ${key}: ${stringLiteral(UNIQUE_ITEMS_MESSAGE, ctx.style)} })`;
  }
  return expr;
}

function objectExpression(schema: JsonSchema, ctx: ZodContext): string {
  const required = new Set(schema.required ?? []);
  const props = Object.entries(schema.properties ?? {}).map(
    ([name, prop]) => `${propertyKey(name, ctx.style)}: ${zodPropertyExpression(prop, required.has(name), ctx)}`,
  );
  const shape = props.length === 0 ? '{}' : `{\n${props.join(',\n')}${ctx.style.trailingComma ? ',' : ''}\n}`;
  if (ctx.zodMajor === 4) {
    if (schema.additionalProperties === false) {
      return `z.strictObject(${shape})`;
    }
    return schema.additionalProperties === true ? `z.looseObject(${shape})` : `z.object(${shape})`;
  }
  if (schema.additionalProperties === false) {
    return `z.object(${shape}).strict()`;
  }
  return schema.additionalProperties === true ? `z.object(${shape}).passthrough()` : `z.object(${shape})`;
}
